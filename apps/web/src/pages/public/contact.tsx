import { FormattedMessage } from 'react-intl';

export function ContactPage() {
  return (
    <>
      <h1>
        <FormattedMessage id="public.contact.title" />
      </h1>
      <p>
        <FormattedMessage id="public.contact.intro" />
      </p>
      <address>
        <FormattedMessage id="public.contact.office" />
        <br />
        Magistrát hlavního města Prahy
        <br />
        Mariánské nám. 2/2, 110 01 Praha 1<br />
        <FormattedMessage id="public.contact.email" />: <a href="mailto:dotace@praha.eu">dotace@praha.eu</a>
        <br />
        <FormattedMessage id="public.contact.phone" />: <a href="tel:+420236001111">+420 236 001 111</a>
      </address>
      <h2>
        <FormattedMessage id="public.contact.hoursTitle" />
      </h2>
      <p>
        <FormattedMessage id="public.contact.hours" />
      </p>
    </>
  );
}
