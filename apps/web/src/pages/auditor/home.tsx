import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { auditorPage } from '../../features/auditor/table';

/** What the auditor can look into: each a card with its link and what it shows. */
const SECTIONS = [
  { to: '/kontrola/strategie', title: 'auditor.trace.title', text: 'auditor.home.trace' },
  { to: '/kontrola/plneni', title: 'auditor.fulfilment.title', text: 'auditor.home.fulfilment' },
  { to: '/kontrola/auditni-log', title: 'auditor.log.title', text: 'auditor.home.log' },
];

/** The auditor's start: where the money went, and who did what. Everything here only reads. */
export const AuditorHomePage = auditorPage(function AuditorHome() {
  return (
    <>
      <h1>
        <FormattedMessage id="auditor.home.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="auditor.home.lead" />
      </p>
      <ul className="cards">
        {SECTIONS.map((section) => (
          <li className="card" key={section.to}>
            <h2>
              <Link to={section.to as never}>
                <FormattedMessage id={section.title} />
              </Link>
            </h2>
            <p>
              <FormattedMessage id={section.text} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
});
