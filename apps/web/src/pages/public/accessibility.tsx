import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';

/** The accessibility statement required of public-sector websites (Act 99/2019 Sb., WCAG 2.1 AA / EN 301 549). */
export function AccessibilityPage() {
  return (
    <>
      <h1>
        <FormattedMessage id="public.a11y.title" />
      </h1>
      <p>
        <FormattedMessage id="public.a11y.intro" />
      </p>
      <h2>
        <FormattedMessage id="public.a11y.complianceTitle" />
      </h2>
      <p>
        <FormattedMessage id="public.a11y.compliance" />
      </p>
      <h2>
        <FormattedMessage id="public.a11y.limitsTitle" />
      </h2>
      <ul>
        <li>
          <FormattedMessage id="public.a11y.limit1" />
        </li>
        <li>
          <FormattedMessage id="public.a11y.limit2" />
        </li>
      </ul>
      <h2>
        <FormattedMessage id="public.a11y.howTitle" />
      </h2>
      <p>
        <FormattedMessage id="public.a11y.how" />
      </p>
      <h2>
        <FormattedMessage id="public.a11y.feedbackTitle" />
      </h2>
      <p>
        <FormattedMessage id="public.a11y.feedback" />{' '}
        <Link to="/kontakt">
          <FormattedMessage id="common.footer.contact" />
        </Link>
      </p>
      <h2>
        <FormattedMessage id="public.a11y.enforcementTitle" />
      </h2>
      <p>
        <FormattedMessage id="public.a11y.enforcement" />
      </p>
      <p className="meta">
        <FormattedMessage id="public.a11y.prepared" />
      </p>
    </>
  );
}
