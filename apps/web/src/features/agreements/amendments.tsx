/**
 * Amendments (dodatky): what each changes, field by field before and after (the server keeps the terms an
 * amendment replaces), its signature and Registr smluv publication like the agreement's; and the form for a new
 * one (reason, the sentences of its text, the new period end or settlement deadline), previewing before/after live.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ErrorSummary, fieldId, TextField, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import { TableRegion } from '../../components/table-region';
import { agreementKey } from './api';
import type { Agreement, AmendedTerms, Amendment } from './api';
import { ConditionsList } from './penalty-text';
import { RecipientSignature } from './recipient-sign';
import { PublicationForm, SignatureForm } from './staff-actions';

const FIELDS = ['purposeTo', 'settlementDeadline', 'tranches', 'conditions'] as const;

/** One row per changed field: its name, the value it had, the value it gets. */
export function BeforeAfter({ caption, before, after }: { caption: string; before: AmendedTerms | null; after: AmendedTerms }) {
  const intl = useIntl();
  const f = useFormat();
  const show = (terms: AmendedTerms | null, field: (typeof FIELDS)[number]) => {
    if (!terms || terms[field] === undefined) return '—';
    if (field === 'purposeTo' || field === 'settlementDeadline') return f.date(terms[field]!);
    if (field === 'tranches')
      return (
        <ol>
          {terms.tranches!.map((t) => (
            <li key={t.trancheNo}>
              <FormattedMessage id="agreements.tranches.item" values={{ amount: f.money(t.amount), due: f.date(t.dueDate) }} />
            </li>
          ))}
        </ol>
      );
    return <ConditionsList conditions={terms.conditions!} />;
  };
  const changed = FIELDS.filter((field) => after[field] !== undefined);
  if (changed.length === 0) return null;
  return (
    <TableRegion label={caption}>
      <table className="data before-after">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{intl.formatMessage({ id: 'agreements.amendments.field' })}</th>
            <th scope="col">{intl.formatMessage({ id: 'agreements.amendments.before' })}</th>
            <th scope="col">{intl.formatMessage({ id: 'agreements.amendments.after' })}</th>
          </tr>
        </thead>
        <tbody>
          {changed.map((field) => (
            <tr key={field}>
              <th scope="row">{intl.formatMessage({ id: `agreements.field.${field}` })}</th>
              <td>{show(before, field)}</td>
              <td>{show(after, field)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

export function Amendments({ agreement, manage, recipient, onDone }: { agreement: Agreement; manage: boolean; recipient: boolean; onDone(message: string): void }) {
  const intl = useIntl();
  const f = useFormat();
  const queryClient = useQueryClient();
  const refresh = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: agreementKey(agreement.id) });
    onDone(message);
  };
  return (
    <section aria-labelledby="amendments-title">
      <h2 id="amendments-title">
        <FormattedMessage id="agreements.amendments.title" />
      </h2>
      {agreement.amendments.length === 0 && (
        <p>
          <FormattedMessage id="agreements.amendments.none" />
        </p>
      )}
      {agreement.amendments.map((a: Amendment) => (
        <article key={a.id} className="condition" aria-labelledby={`amendment-${a.number}`}>
          <h3 id={`amendment-${a.number}`}>
            <FormattedMessage id="agreements.amendments.item" values={{ number: a.number }} />{' '}
            <strong className={`status-tag ${a.status === 'effective' ? 'status-tag--done' : 'status-tag--todo'}`}>
              <FormattedMessage id={`agreements.amendments.status.${a.status}`} />
            </strong>
          </h3>
          <p>
            <FormattedMessage id="agreements.amendments.reason" values={{ reason: a.reason }} />
          </p>
          <ul>
            {a.changes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
          <BeforeAfter caption={intl.formatMessage({ id: 'agreements.amendments.caption' }, { number: a.number })} before={a.previousTerms} after={a.terms} />
          {a.signedOn && (
            <p>
              <FormattedMessage id="agreements.amendments.signedOn" values={{ when: f.date(a.signedOn) }} />
              {a.publishedOn && (
                <>
                  {' '}
                  <FormattedMessage id="agreements.amendments.publishedOn" values={{ when: f.date(a.publishedOn), id: a.registerId ?? '' }} />
                </>
              )}
            </p>
          )}
          {recipient && a.status === 'awaiting_signature' && <RecipientSignature kind="amendment" agreement={agreement} amendment={a} />}
          {manage && a.status === 'awaiting_signature' && a.recipientSignature && (
            <p>{intl.formatMessage({ id: 'agreements.amendments.recipientSigned' }, { when: f.dateTime(String(a.recipientSignature.signedAt)) })}</p>
          )}
          {manage && a.status === 'awaiting_signature' && (
            <SignatureForm
              form={`amendment-${a.number}-signature`}
              path={`/api/v1/amendments/${a.id}/signature`}
              version={a.version}
              fileOptional={Boolean(a.recipientSignature)}
              title={intl.formatMessage({ id: 'agreements.amendments.sign' }, { number: a.number })}
              onSaved={() => refresh(intl.formatMessage({ id: 'agreements.amendments.signed' }, { number: a.number }))}
            />
          )}
          {manage && a.status === 'signed' && (
            <PublicationForm
              form={`amendment-${a.number}-publication`}
              kind="amendment"
              id={a.id}
              version={a.version}
              title={intl.formatMessage({ id: 'agreements.amendments.publish' }, { number: a.number })}
              onSaved={() => refresh(intl.formatMessage({ id: 'agreements.amendments.published' }, { number: a.number }))}
            />
          )}
        </article>
      ))}
      {manage && agreement.actions.includes('amend') && <NewAmendment agreement={agreement} onDone={(m) => refresh(m)} />}
    </section>
  );
}

const FORM = 'amendment';

function NewAmendment({ agreement, onDone }: { agreement: Agreement; onDone(message: string): void }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const errors = useFormErrors(FORM);
  const [reason, setReason] = useState('');
  const [changes, setChanges] = useState('');
  const [purposeTo, setPurposeTo] = useState('');
  const [settlementDeadline, setSettlementDeadline] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const terms: AmendedTerms = {
    ...(purposeTo && purposeTo !== agreement.purposeTo ? { purposeTo } : {}),
    ...(settlementDeadline && settlementDeadline !== agreement.settlementDeadline ? { settlementDeadline } : {}),
  };
  const before: AmendedTerms = {
    ...(terms.purposeTo ? { purposeTo: agreement.purposeTo } : {}),
    ...(terms.settlementDeadline ? { settlementDeadline: agreement.settlementDeadline } : {}),
  };
  const sentences = changes
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const propose = useMutation({
    mutationFn: () =>
      call<Amendment>(api.POST('/api/v1/agreements/{id}/amendments', { params: { path: { id: agreement.id } }, body: { reason: reason.trim(), changes: sentences, ...terms } })),
    onSuccess: (amendment) => {
      errors.clear();
      setReason('');
      setChanges('');
      setPurposeTo('');
      setSettlementDeadline('');
      onDone(t('agreements.amendments.proposed', { number: amendment.number }));
    },
    onError: (error) => errors.fromError(error, ['reason', 'changes', 'purposeTo', 'settlementDeadline']),
  });
  const labels = {
    reason: t('agreements.amendments.reasonLabel'),
    changes: t('agreements.amendments.changesLabel'),
    purposeTo: t('agreements.field.purposeTo'),
    settlementDeadline: t('agreements.field.settlementDeadline'),
  };
  const changesId = fieldId(FORM, 'changes');
  const fe = errors.errors.fields;
  return (
    <form
      noValidate
      aria-labelledby="new-amendment-title"
      onSubmit={(e) => {
        e.preventDefault();
        const missing: Record<string, string> = {};
        if (reason.trim().length < 5) missing.reason = t('agreements.error.reason');
        if (sentences.length === 0) missing.changes = t('agreements.error.changes');
        if (Object.keys(terms).length === 0) missing.purposeTo = t('agreements.error.nothingChanges');
        if (Object.keys(missing).length > 0) errors.setFieldErrors(missing);
        else propose.mutate();
      }}
    >
      <h3 id="new-amendment-title" ref={heading}>
        <FormattedMessage id="agreements.amendments.new" />
      </h3>
      <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={labels} />
      <TextField form={FORM} name="reason" label={labels.reason} value={reason} onChange={setReason} error={fe.reason} />
      <div className="gov-form-control field">
        <label className="gov-form-label" htmlFor={changesId}>
          <span className="gov-form-label__label">{labels.changes}</span>
        </label>
        <p className="field__hint" id={`${changesId}-hint`}>
          <FormattedMessage id="agreements.amendments.changesHint" />
        </p>
        {fe.changes && (
          <p className="gov-form-message" data-color="error" id={`${changesId}-error`}>
            {fe.changes}
          </p>
        )}
        <textarea
          id={changesId}
          rows={3}
          value={changes}
          aria-invalid={fe.changes ? true : undefined}
          aria-describedby={[`${changesId}-hint`, fe.changes ? `${changesId}-error` : null].filter(Boolean).join(' ')}
          onChange={(e) => setChanges(e.target.value)}
        />
      </div>
      <div className="inline-fields">
        <TextField
          form={FORM}
          name="purposeTo"
          type="date"
          label={labels.purposeTo}
          hint={t('agreements.amendments.now', { value: f.date(agreement.purposeTo) })}
          value={purposeTo}
          onChange={setPurposeTo}
          error={fe.purposeTo}
        />
        <TextField
          form={FORM}
          name="settlementDeadline"
          type="date"
          label={labels.settlementDeadline}
          hint={t('agreements.amendments.now', { value: f.date(agreement.settlementDeadline) })}
          value={settlementDeadline}
          onChange={setSettlementDeadline}
          error={fe.settlementDeadline}
        />
      </div>
      <BeforeAfter caption={t('agreements.amendments.preview')} before={before} after={terms} />
      <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={propose.isPending}>
        <FormattedMessage id="agreements.amendments.submit" />
      </button>
    </form>
  );
}
