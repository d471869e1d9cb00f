import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';

export function NotFoundPage() {
  return (
    <>
      <h1>
        <FormattedMessage id="common.notFound.title" />
      </h1>
      <p>
        <FormattedMessage id="common.notFound.text" />
      </p>
      <p>
        <Link to="/">
          <FormattedMessage id="common.notFound.home" />
        </Link>
      </p>
    </>
  );
}
