/**
 * /sprava/vyuctovani/<settlementId>: staff check a settlement. Each cost document (with its scans) gets a verdict:
 * eligible, partly eligible (the amount) or ineligible (the reason); the return's due date; then, after a
 * confirmation, the server computes the return and the page shows its computation part by part, the account and
 * the return call (PDF with QR Platba). Returns are recorded here (or arrive matched from a bank statement); the
 * last one closes the settlement. The agreement's breaches are one link away.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, TextField, fieldId, useFormErrors } from '../../forms/errors';
import { fromHalere, parseMoneyInput, toHalere } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { settlementKey, useAgreement, useSettlement } from '../../features/settlement/api';
import type { Settlement } from '../../features/settlement/api';
import { SettlementView } from '../../features/settlement/result';
import '../../features/applicant/applicant.css';
import '../../features/settlement/settlement.css';
import '../../features/staff/staff.css';

type Verdict = 'eligible' | 'partly_eligible' | 'ineligible';
interface ReviewState {
  review?: Verdict;
  eligibleAmount: string;
  reason: string;
}

const today = () => new Date().toISOString().slice(0, 10);

export function SettlementCheckPage() {
  const { settlementId } = useParams({ strict: false }) as { settlementId: string };
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Loaded settlementId={settlementId} />
    </RequireRole>
  );
}

function Loaded({ settlementId }: { settlementId: string }) {
  const settlement = useSettlement(settlementId);
  const agreement = useAgreement(settlement.data?.agreementId ?? '');
  const heading = useRef<HTMLHeadingElement>(null);
  const status = settlement.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    // After the check or the last return the page changes under the user: focus goes back to its heading.
    if (previous.current && status && previous.current !== status) heading.current?.focus();
    previous.current = status;
  }, [status]);
  return (
    <QueryState query={settlement}>
      {settlement.data && (
        <>
          <h1 ref={heading} tabIndex={-1}>
            <FormattedMessage id="settlement.check.title" values={{ number: agreement.data?.number ?? '…' }} />
          </h1>
          <p>
            <Link to="/sprava/vyuctovani">
              <FormattedMessage id="settlement.check.back" />
            </Link>
            {' · '}
            <Link to="/sprava/smlouvy/$agreementId/poruseni" params={{ agreementId: settlement.data.agreementId }}>
              <FormattedMessage id="settlement.check.breaches" />
            </Link>
          </p>
          <SettlementView settlement={settlement.data} audience="staff" />
          {settlement.data.status === 'submitted' && <CheckForm settlement={settlement.data} />}
          {settlement.data.status === 'checked' && <ReturnForm settlement={settlement.data} />}
          {settlement.data.status === 'closed' && (
            <p className="notice notice--success">
              <FormattedMessage id="settlement.check.closed" />
            </p>
          )}
        </>
      )}
    </QueryState>
  );
}

function CheckForm({ settlement }: { settlement: Settlement }) {
  const intl = useIntl();
  const f = useFormat();
  const queryClient = useQueryClient();
  const errors = useFormErrors('check');
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [reviews, setReviews] = useState<Record<string, ReviewState>>(() => Object.fromEntries(settlement.costDocuments.map((d) => [d.id, { eligibleAmount: '', reason: '' }])));
  const [dueDate, setDueDate] = useState('');
  const [confirming, setConfirming] = useState(false);
  const set = (id: string, change: Partial<ReviewState>) => setReviews((current) => ({ ...current, [id]: { ...current[id], ...change } }));
  const lineName = (id: string) => settlement.budgetLines.find((l) => l.id === id)?.category ?? id;

  const labels: Record<string, string> = { returnDueDate: t('settlement.check.returnDueDate') };
  settlement.costDocuments.forEach((d, i) => {
    labels[`reviews[${i}].review`] = `${d.number} – ${t('settlement.review.verdict')}`;
    labels[`reviews[${i}].eligibleAmount`] = `${d.number} – ${t('settlement.review.eligibleAmount')}`;
    labels[`reviews[${i}].reason`] = `${d.number} – ${t('settlement.review.reason')}`;
  });

  /** The form's own checks first (a verdict for every document, an amount that parses), named at their fields like the server's. */
  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    settlement.costDocuments.forEach((d, i) => {
      const r = reviews[d.id];
      if (!r.review) found[`reviews[${i}].review`] = t('settlement.check.verdictRequired');
      if (r.review === 'partly_eligible' && parseMoneyInput(r.eligibleAmount) === null) found[`reviews[${i}].eligibleAmount`] = t('settlement.document.amountInvalid');
    });
    if (!dueDate) found.returnDueDate = t('settlement.check.dueDateRequired');
    return found;
  };

  const check = useMutation({
    mutationFn: () =>
      call<Settlement>(
        api.POST('/api/v1/settlements/{id}/check', {
          params: { path: { id: settlement.id } },
          body: {
            version: settlement.version,
            returnDueDate: dueDate,
            reviews: settlement.costDocuments.map((d) => {
              const r = reviews[d.id];
              return {
                costDocumentId: d.id,
                review: r.review!,
                eligibleAmount: r.review === 'partly_eligible' ? (parseMoneyInput(r.eligibleAmount) ?? undefined) : undefined,
                reason: r.review === 'eligible' ? undefined : r.reason.trim() || undefined,
              };
            }),
          },
        }),
      ),
    onSuccess: (checked) => {
      setConfirming(false);
      queryClient.setQueryData(settlementKey(settlement.id), checked);
      void queryClient.invalidateQueries({ queryKey: ['settlements'] });
    },
    onError: (error) => {
      setConfirming(false);
      errors.fromError(error);
    },
  });

  const download = useMutation({ mutationFn: (file: { id: string; fileName: string }) => downloadFile(`/api/v1/record-files/${file.id}`, file.fileName) });

  return (
    <section aria-labelledby="settlement-check-form-title">
      <h2 id="settlement-check-form-title">
        <FormattedMessage id="settlement.check.formTitle" />
      </h2>
      <ErrorSummary form="check" errors={errors.errors} version={errors.version} labels={labels} />
      {settlement.costDocuments.map((d, i) => {
        const r = reviews[d.id];
        const name = (field: string) => `reviews[${i}].${field}`;
        const verdictError = errors.errors.fields[name('review')];
        return (
          <fieldset key={d.id} className="settlement-document">
            <legend>
              <FormattedMessage id="settlement.check.documentLegend" values={{ number: d.number, supplier: d.supplier, amount: f.money(d.amount) }} />
            </legend>
            <p className="field__hint">
              <FormattedMessage id="settlement.check.documentFacts" values={{ line: lineName(d.budgetLineId), issued: f.date(d.issuedOn), paid: f.date(d.paidOn) }} />
            </p>
            {d.files.length === 0 ? (
              <p>
                <FormattedMessage id="settlement.check.noScan" />
              </p>
            ) : (
              <ul>
                {d.files.map((file) => (
                  <li key={file.id}>
                    <button type="button" className="link-like" onClick={() => download.mutate(file)}>
                      <FormattedMessage id="settlement.check.openScan" values={{ name: file.fileName }} />
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <fieldset className="gov-form-control field" aria-describedby={verdictError ? `${fieldId('check', name('review'))}-error` : undefined}>
              <legend className="gov-form-label">
                <FormattedMessage id="settlement.review.verdict" />
              </legend>
              {verdictError && (
                <p className="gov-form-message" data-color="error" id={`${fieldId('check', name('review'))}-error`}>
                  {verdictError}
                </p>
              )}
              {(['eligible', 'partly_eligible', 'ineligible'] as const).map((verdict, k) => {
                const id = k === 0 ? fieldId('check', name('review')) : `${fieldId('check', name('review'))}-${verdict}`;
                return (
                  <label key={verdict} className="checkbox-row" htmlFor={id}>
                    <input id={id} type="radio" name={`verdict-${d.id}`} checked={r.review === verdict} onChange={() => set(d.id, { review: verdict })} />
                    <FormattedMessage id={`settlement.review.${verdict}`} />
                  </label>
                );
              })}
            </fieldset>
            {r.review === 'partly_eligible' && (
              <TextField
                form="check"
                name={name('eligibleAmount')}
                label={t('settlement.review.eligibleAmountOf', { number: d.number })}
                inputMode="decimal"
                value={r.eligibleAmount}
                error={errors.errors.fields[name('eligibleAmount')]}
                onChange={(v) => set(d.id, { eligibleAmount: v })}
              />
            )}
            {r.review && r.review !== 'eligible' && (
              <TextField
                form="check"
                name={name('reason')}
                label={t('settlement.review.reasonOf', { number: d.number })}
                value={r.reason}
                error={errors.errors.fields[name('reason')]}
                onChange={(v) => set(d.id, { reason: v })}
              />
            )}
          </fieldset>
        );
      })}
      <TextField
        form="check"
        name="returnDueDate"
        type="date"
        label={t('settlement.check.returnDueDate')}
        hint={t('settlement.check.returnDueDateHint')}
        value={dueDate}
        error={errors.errors.fields.returnDueDate}
        onChange={setDueDate}
      />
      <div className="actions">
        <button
          type="button"
          className="gov-button"
          data-type="solid"
          data-color="primary"
          data-size="m"
          onClick={() => {
            const found = validate();
            if (Object.keys(found).length > 0) errors.setFieldErrors(found);
            else {
              errors.clear();
              setConfirming(true);
            }
          }}
        >
          <FormattedMessage id="settlement.check.submit" />
        </button>
      </div>
      <p role="status" aria-live="polite">
        {download.isError && download.error instanceof Error ? download.error.message : ''}
      </p>
      <ConfirmDialog
        open={confirming}
        title={t('settlement.check.confirmTitle')}
        confirmLabel={t('settlement.check.confirm')}
        cancelLabel={t('settlement.cancel')}
        busy={check.isPending}
        onConfirm={() => {
          // Closed first, so that focus returns to the button before an error summary takes it.
          setConfirming(false);
          check.mutate();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <FormattedMessage id="settlement.check.confirmText" />
        </p>
      </ConfirmDialog>
    </section>
  );
}

function ReturnForm({ settlement }: { settlement: Settlement }) {
  const intl = useIntl();
  const f = useFormat();
  const queryClient = useQueryClient();
  const errors = useFormErrors('return');
  const t = (id: string) => intl.formatMessage({ id });
  const owed = settlement.computation ? subtract(settlement.returnDue ?? '0.00', settlement.returned) : '0.00';
  const [amount, setAmount] = useState(() => f.amount(owed));
  const [receivedOn, setReceivedOn] = useState(today);
  const [reference, setReference] = useState('');
  const record = useMutation({
    mutationFn: () =>
      call<Settlement>(
        api.POST('/api/v1/settlements/{id}/returns', {
          params: { path: { id: settlement.id } },
          body: { amount: parseMoneyInput(amount) ?? amount, receivedOn, bankReference: reference.trim(), version: settlement.version },
        }),
      ),
    onSuccess: (saved) => {
      errors.clear();
      queryClient.setQueryData(settlementKey(settlement.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['settlements'] });
    },
    onError: (error) => errors.fromError(error, ['amount', 'receivedOn', 'bankReference']),
  });
  return (
    <section aria-labelledby="settlement-return-form-title">
      <h2 id="settlement-return-form-title">
        <FormattedMessage id="settlement.returns.formTitle" />
      </h2>
      <p>
        <FormattedMessage id="settlement.returns.owed" values={{ amount: f.money(owed) }} />
      </p>
      <ErrorSummary
        form="return"
        errors={errors.errors}
        version={errors.version}
        labels={{ amount: t('settlement.returns.amount'), receivedOn: t('settlement.returns.receivedOn'), bankReference: t('settlement.returns.reference') }}
      />
      <TextField form="return" name="amount" label={t('settlement.returns.amount')} inputMode="decimal" value={amount} error={errors.errors.fields.amount} onChange={setAmount} />
      <TextField
        form="return"
        name="receivedOn"
        type="date"
        label={t('settlement.returns.receivedOn')}
        value={receivedOn}
        error={errors.errors.fields.receivedOn}
        onChange={setReceivedOn}
      />
      <TextField
        form="return"
        name="bankReference"
        label={t('settlement.returns.reference')}
        value={reference}
        error={errors.errors.fields.bankReference}
        onChange={setReference}
      />
      <div className="actions">
        <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={record.isPending} onClick={() => record.mutate()}>
          <FormattedMessage id="settlement.returns.record" />
        </button>
      </div>
    </section>
  );
}

const subtract = (a: string, b: string): string => fromHalere(toHalere(a) - toHalere(b));
