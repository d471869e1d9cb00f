/**
 * /smlouvy/<id> (the system's e-mails link here): one agreement. Staff see its state, the register's clock, the
 * documents, the tranches, the amendments and exactly the actions the server allows now; auditors the same
 * without actions; the recipient's members the agreement sent to them, to download and sign.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSession } from '../../api/session';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { useFormat } from '../../lib/use-format';
import { TableRegion } from '../../components/table-region';
import { agreementKey, useAgreement } from '../../features/agreements/api';
import type { Agreement } from '../../features/agreements/api';
import { Amendments } from '../../features/agreements/amendments';
import { AgreementDocuments } from '../../features/agreements/documents';
import { ConditionsList } from '../../features/agreements/penalty-text';
import { RecipientSignature } from '../../features/agreements/recipient-sign';
import { RegisterClockText, RegisterStateTag, StatusTag } from '../../features/agreements/register-clock';
import { PublicationForm, SendAction, SignatureForm } from '../../features/agreements/staff-actions';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/agreements/agreements.css';

export function AgreementPage() {
  return (
    <RequireRole roles={['staff', 'admin', 'auditor', 'applicant']}>
      <AgreementView />
    </RequireRole>
  );
}

function AgreementView() {
  const { agreementId } = useParams({ strict: false }) as { agreementId: string };
  const agreement = useAgreement(agreementId);
  const intl = useIntl();
  return (
    <>
      <h1 tabIndex={-1}>
        {agreement.data ? (
          <FormattedMessage id="agreements.page.title" values={{ number: agreement.data.number, version: agreement.data.agreementVersion }} />
        ) : (
          intl.formatMessage({ id: 'agreements.page.loading' })
        )}
      </h1>
      <QueryState query={agreement}>{agreement.data && <Details agreement={agreement.data} />}</QueryState>
    </>
  );
}

function Details({ agreement }: { agreement: Agreement }) {
  const f = useFormat();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const roles = user?.roles ?? [];
  const manages = roles.includes('staff') || roles.includes('admin');
  const recipient = !manages && roles.includes('applicant');
  const [message, setMessage] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) status.current?.focus();
  }, [message]);
  const saved = (text: string) => (view: unknown) => {
    queryClient.setQueryData(agreementKey(agreement.id), view);
    void queryClient.invalidateQueries({ queryKey: ['agreements', 'list'] });
    setMessage(text);
  };
  return (
    <>
      <p ref={status} role="status" tabIndex={-1} className={message ? 'notice notice--success' : undefined}>
        {message}
      </p>
      <dl className="facts">
        <dt>{t('agreements.field.status')}</dt>
        <dd>
          <StatusTag status={agreement.status} />
        </dd>
        <dt>{t('agreements.field.recipient')}</dt>
        <dd>{agreement.organisation.name}</dd>
        <dt>{t('agreements.field.application')}</dt>
        <dd>
          {manages ? (
            <Link to="/sprava/zadosti/$applicationId" params={{ applicationId: agreement.application.id }}>
              {agreement.application.number}
            </Link>
          ) : recipient ? (
            <Link to="/zadosti/$applicationId" params={{ applicationId: agreement.application.id }}>
              {agreement.application.number}
            </Link>
          ) : (
            agreement.application.number
          )}{' '}
          – {agreement.application.title}
        </dd>
        <dt>{t('agreements.field.call')}</dt>
        <dd>{agreement.call.code}</dd>
        <dt>{t('agreements.field.amount')}</dt>
        <dd>{f.money(agreement.amount)}</dd>
        <dt>{t('agreements.field.purpose')}</dt>
        <dd>{agreement.purpose}</dd>
        <dt>{t('agreements.field.period')}</dt>
        <dd>
          {f.date(agreement.purposeFrom)} – {f.date(agreement.purposeTo)}
        </dd>
        <dt>{t('agreements.field.settlementDeadline')}</dt>
        <dd>{f.date(agreement.settlementDeadline)}</dd>
        {agreement.recipientSignature && (
          <>
            <dt>{t('agreements.field.recipientSigned')}</dt>
            <dd>{f.dateTime(String(agreement.recipientSignature.signedAt))}</dd>
          </>
        )}
        {agreement.signedOn && (
          <>
            <dt>{t('agreements.field.signedOn')}</dt>
            <dd>
              {f.date(agreement.signedOn)}
              {agreement.signatories ? ` (${agreement.signatories})` : ''}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="register-title">
        <h2 id="register-title">{t('agreements.register.title')}</h2>
        <p>
          <RegisterStateTag state={agreement.registerState} />
          <RegisterClockText clock={agreement.registerClock} />
        </p>
        {agreement.publishedOn && <p>{t('agreements.register.publishedOn', { when: f.date(agreement.publishedOn), id: agreement.registerId ?? '' })}</p>}
        {!agreement.registerRequired && <p>{t('agreements.register.notRequiredText')}</p>}
      </section>

      {manages && agreement.actions.some((a) => a === 'send' || a === 'sign' || a === 'publish') && (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t('agreements.actions.title')}</h2>
          {agreement.actions.includes('send') && <SendAction agreement={agreement} onDone={setMessage} />}
          {agreement.actions.includes('sign') && (
            <>
              <p>{agreement.recipientSignature ? t('agreements.actions.recipientSigned') : t('agreements.actions.waitingForRecipient')}</p>
              <SignatureForm
                form="counter-signature"
                path={`/api/v1/agreements/${agreement.id}/signature`}
                version={agreement.version}
                fileOptional={Boolean(agreement.recipientSignature)}
                title={t('agreements.signature.title')}
                onSaved={saved(t('agreements.signature.done'))}
              />
            </>
          )}
          {agreement.actions.includes('publish') && (
            <PublicationForm
              form="publication"
              kind="agreement"
              id={agreement.id}
              version={agreement.version}
              title={t('agreements.publication.title')}
              onSaved={saved(t('agreements.publication.done'))}
            />
          )}
        </section>
      )}
      {recipient && agreement.actions.includes('recipient_sign') && <RecipientSignature kind="agreement" agreement={agreement} />}

      <AgreementDocuments agreement={agreement} />

      <section aria-labelledby="tranches-title">
        <h2 id="tranches-title">{t('agreements.tranches.title')}</h2>
        <TableRegion label={t('agreements.tranches.title')}>
          <table className="data">
            <caption className="visually-hidden">{t('agreements.tranches.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreements.tranches.no')}</th>
                <th scope="col">{t('agreements.tranches.amountColumn')}</th>
                <th scope="col">{t('agreements.tranches.dueColumn')}</th>
                <th scope="col">{t('agreements.tranches.conditionColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {agreement.tranches.map((tr) => (
                <tr key={tr.trancheNo}>
                  <td>{tr.trancheNo}</td>
                  <td className="num">{f.money(tr.amount)}</td>
                  <td>{f.date(tr.dueDate)}</td>
                  <td>{tr.condition ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </section>

      <section aria-labelledby="conditions-title">
        <h2 id="conditions-title">{t('agreements.conditions.title')}</h2>
        {agreement.conditions.length > 0 ? <ConditionsList conditions={agreement.conditions} /> : <p>{t('agreements.conditions.none')}</p>}
      </section>

      <Amendments agreement={agreement} manage={manages} recipient={recipient} onDone={setMessage} />

      {manages && (
        <p>
          <Link to="/sprava/smlouvy">{t('agreements.page.backToList')}</Link>
        </p>
      )}
    </>
  );
}
