/**
 * The applicant's agreements on their dashboard (GET /agreements answers the recipient's own, once sent): each
 * with its state and a link to /smlouvy/<id>, where it is downloaded and signed. Nothing while there are none.
 */
import { Link } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { useFormat } from '../../lib/use-format';
import { TableRegion } from '../../components/table-region';
import { useAgreementList } from './api';
import { RegisterStateTag, StatusTag } from './register-clock';

export function MyAgreements() {
  const intl = useIntl();
  const f = useFormat();
  const list = useAgreementList({ pageSize: 100 });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const caption = intl.formatMessage({ id: 'agreements.dashboard.title' });
  return (
    <section aria-labelledby="my-agreements-title">
      <h2 id="my-agreements-title">{caption}</h2>
      <TableRegion label={caption}>
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{intl.formatMessage({ id: 'agreements.list.number' })}</th>
              <th scope="col">{intl.formatMessage({ id: 'agreements.field.application' })}</th>
              <th scope="col">{intl.formatMessage({ id: 'agreements.field.status' })}</th>
              <th scope="col">{intl.formatMessage({ id: 'agreements.register.title' })}</th>
              <th scope="col">{intl.formatMessage({ id: 'agreements.field.amount' })}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to="/smlouvy/$agreementId" params={{ agreementId: a.id }}>
                    {a.number}
                  </Link>
                </th>
                <td>
                  {a.applicationNumber} – {a.title}
                </td>
                <td>
                  <StatusTag status={a.status} />
                  {a.status === 'awaiting_signature' && (
                    <>
                      {' '}
                      <FormattedMessage id={a.recipientSignedAt ? 'agreements.dashboard.signedByYou' : 'agreements.dashboard.toSign'} />
                    </>
                  )}
                </td>
                <td>
                  <RegisterStateTag state={a.registerState} />
                </td>
                <td className="num">{f.money(a.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
