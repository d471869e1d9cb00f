import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { RequireRole } from '../../app/require-role';

/** The auditor's start: where the money went, and who did what. Everything here only reads. */
export function AuditorHomePage() {
  return (
    <RequireRole roles={['auditor']}>
      <h1>
        <FormattedMessage id="auditor.home.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="auditor.home.lead" />
      </p>
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to={'/kontrola/strategie' as never}>
              <FormattedMessage id="auditor.trace.title" />
            </Link>
          </h2>
          <p>
            <FormattedMessage id="auditor.home.trace" />
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to={'/kontrola/plneni' as never}>
              <FormattedMessage id="auditor.fulfilment.title" />
            </Link>
          </h2>
          <p>
            <FormattedMessage id="auditor.home.fulfilment" />
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to={'/kontrola/auditni-log' as never}>
              <FormattedMessage id="auditor.log.title" />
            </Link>
          </h2>
          <p>
            <FormattedMessage id="auditor.home.log" />
          </p>
        </li>
      </ul>
    </RequireRole>
  );
}
