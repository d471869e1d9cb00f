import { FormattedMessage } from 'react-intl';

/** An area that is not built in the portal yet: says so and points to what works today. */
export function Placeholder({ title }: { title: string }) {
  return (
    <>
      <h1>
        <FormattedMessage id={title} />
      </h1>
      <p>
        <FormattedMessage id="common.placeholder.text" />
      </p>
      <p>
        <a href="/api/docs">
          <FormattedMessage id="common.placeholder.api" />
        </a>
      </p>
    </>
  );
}
