/**
 * /sprava/smlouvy/<agreementId>/poruseni: breaches of budget discipline on one agreement (§ 22 zákona
 * č. 250/2000 Sb.). Staff open a breach; a breach of a condition the agreement marks as minor may get a remedy
 * request with a deadline first; otherwise (or when not remedied) the levy is imposed and, once paid, the penalty
 * is fixed. Every amount and its explanation (the agreement's lower levy, the 1 000 Kč thresholds, days ×
 * 0,4 ‰ × levy capped at the levy) comes from the server; the letters are PDFs with the QR Platba code.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, TextField, useFormErrors } from '../../forms/errors';
import { parseMoneyInput } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { breachesKey, useAgreement, useBreaches } from '../../features/settlement/api';
import type { Agreement, Breach } from '../../features/settlement/api';
import { Facts, SelectField } from '../../features/settlement/fields';
import '../../features/applicant/applicant.css';
import '../../features/settlement/settlement.css';
import '../../features/staff/staff.css';

const today = () => new Date().toISOString().slice(0, 10);

export function BreachesPage() {
  const { agreementId } = useParams({ strict: false }) as { agreementId: string };
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Loaded agreementId={agreementId} />
    </RequireRole>
  );
}

/** What the one confirmation of the page asks before an irreversible step of a breach. */
interface Ask {
  kind: 'levy' | 'payment';
  run(): void;
}

function Loaded({ agreementId }: { agreementId: string }) {
  const agreement = useAgreement(agreementId);
  const breaches = useBreaches(agreementId);
  const f = useFormat();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  // One dialog for the whole page (its ids are unique), asked for by each breach's buttons.
  const [ask, setAsk] = useState<Ask | null>(null);
  return (
    <QueryState query={agreement}>
      {agreement.data && (
        <>
          <h1>
            <FormattedMessage id="settlement.breaches.title" values={{ number: agreement.data.number }} />
          </h1>
          <Facts
            items={[
              [intl.formatMessage({ id: 'settlement.breaches.grant' }), f.money(agreement.data.amount)],
              [intl.formatMessage({ id: 'settlement.breaches.conditions' }), agreement.data.conditions.length],
            ]}
          />
          <p>
            <Link to="/sprava/vyuctovani">
              <FormattedMessage id="settlement.check.back" />
            </Link>
          </p>
          <QueryState query={breaches}>
            {breaches.data?.length === 0 && (
              <p>
                <FormattedMessage id="settlement.breaches.none" />
              </p>
            )}
            {breaches.data?.map((breach, i) => (
              <BreachCard key={breach.id} breach={breach} agreement={agreement.data!} n={i + 1} ask={setAsk} />
            ))}
          </QueryState>
          <OpenBreachForm agreement={agreement.data} />
          <ConfirmDialog
            open={ask !== null}
            title={t(ask?.kind === 'payment' ? 'settlement.breaches.confirmPaymentTitle' : 'settlement.breaches.confirmLevyTitle')}
            confirmLabel={t(ask?.kind === 'payment' ? 'settlement.breaches.recordPayment' : 'settlement.breaches.impose')}
            cancelLabel={t('settlement.cancel')}
            onConfirm={() => {
              // Closed first, so that focus returns to the button before an error summary takes it.
              setAsk(null);
              ask?.run();
            }}
            onCancel={() => setAsk(null)}
          >
            <p>
              <FormattedMessage id={ask?.kind === 'payment' ? 'settlement.breaches.confirmPaymentText' : 'settlement.breaches.confirmLevyText'} />
            </p>
          </ConfirmDialog>
        </>
      )}
    </QueryState>
  );
}

function conditionLabel(agreement: Agreement, no: number | null, t: (id: string, v?: Record<string, string | number>) => string): string {
  if (!no) return t('settlement.breaches.noCondition');
  const condition = agreement.conditions[no - 1];
  return t(condition?.minor ? 'settlement.breaches.conditionMinor' : 'settlement.breaches.condition', { no, text: condition?.text ?? '' });
}

function BreachCard({ breach, agreement, n, ask }: { breach: Breach; agreement: Agreement; n: number; ask(question: Ask): void }) {
  const intl = useIntl();
  const f = useFormat();
  const queryClient = useQueryClient();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const form = `breach-${n}`;
  const errors = useFormErrors(form);
  const [dueDate, setDueDate] = useState('');
  const [percent, setPercent] = useState('');
  const [paidOn, setPaidOn] = useState(today);
  const [remediedOn, setRemediedOn] = useState(today);
  const heading = useRef<HTMLHeadingElement>(null);
  const condition = breach.conditionNo ? agreement.conditions[breach.conditionNo - 1] : undefined;
  const range = condition?.minor && condition.penalty?.kind === 'percentage-range' ? condition.penalty : null;

  const act = useMutation({
    mutationFn: (action: 'levy' | 'payment' | 'remedied') => {
      const path = { params: { path: { id: breach.id } } };
      if (action === 'levy')
        return call<Breach>(
          api.POST('/api/v1/breaches/{id}/levy', { ...path, body: { dueDate, percent: range ? percent.replace(',', '.') || undefined : undefined, version: breach.version } }),
        );
      if (action === 'payment') return call<Breach>(api.POST('/api/v1/breaches/{id}/payment', { ...path, body: { paidOn, version: breach.version } }));
      return call<Breach>(api.POST('/api/v1/breaches/{id}/remedied', { ...path, body: { remediedOn, version: breach.version } }));
    },
    onSuccess: async () => {
      errors.clear();
      await queryClient.invalidateQueries({ queryKey: breachesKey(breach.agreementId) });
      heading.current?.focus();
    },
    onError: (error) => errors.fromError(error, ['dueDate', 'percent', 'paidOn', 'remediedOn']),
  });
  const letter = useMutation({
    mutationFn: () => downloadFile(`/api/v1/breaches/${breach.id}/document.pdf`, `poruseni-${agreement.number.replace(/[^A-Za-z0-9-]/g, '_')}-${n}.pdf`),
  });
  const hasLetter = breach.status === 'remedy_requested' || breach.status === 'remedied' || (breach.levy !== null && breach.levy !== '0.00');

  return (
    <section aria-labelledby={`${form}-title`} className="settlement-document">
      <h2 id={`${form}-title`} ref={heading} tabIndex={-1}>
        <FormattedMessage id="settlement.breaches.cardTitle" values={{ n, date: f.date(breach.breachDate), status: t(`settlement.breachStatus.${breach.status}`) }} />
      </h2>
      <p>{breach.description}</p>
      <Facts
        items={[
          [t('settlement.breaches.condition.label'), conditionLabel(agreement, breach.conditionNo, t)],
          [t('settlement.breaches.misused'), f.money(breach.misused)],
          ...(breach.remedyDeadline ? [[t('settlement.breaches.remedyDeadline'), f.date(breach.remedyDeadline)] as [string, string]] : []),
          ...(breach.remediedOn ? [[t('settlement.breaches.remediedOn'), f.date(breach.remediedOn)] as [string, string]] : []),
          ...(breach.levy !== null ? [[t('settlement.breaches.levy'), f.money(breach.levy)] as [string, string]] : []),
          ...(breach.levyDueDate ? [[t('settlement.breaches.levyDueDate'), f.date(breach.levyDueDate)] as [string, string]] : []),
          ...(breach.levyReason ? [[t('settlement.breaches.levyReason'), breach.levyReason] as [string, string]] : []),
          ...(breach.penalty !== null ? [[t('settlement.breaches.penalty'), f.money(breach.penalty)] as [string, string]] : []),
          ...(breach.penaltyComputation ? [[t('settlement.breaches.penaltyComputation'), breach.penaltyComputation] as [string, string]] : []),
          ...(breach.paidOn ? [[t('settlement.breaches.paidOn'), f.date(breach.paidOn)] as [string, string]] : []),
        ]}
      />
      {hasLetter && (
        <div className="actions">
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => letter.mutate()}>
            <FormattedMessage id={breach.status === 'remedy_requested' || breach.status === 'remedied' ? 'settlement.breaches.remedyLetter' : 'settlement.breaches.levyLetter'} />
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {letter.isError && letter.error instanceof Error ? letter.error.message : letter.isSuccess ? t('settlement.return.downloaded') : ''}
      </p>
      <ErrorSummary
        form={form}
        errors={errors.errors}
        version={errors.version}
        labels={{
          dueDate: t('settlement.breaches.levyDueDate'),
          percent: t('settlement.breaches.percent'),
          paidOn: t('settlement.breaches.paidOn'),
          remediedOn: t('settlement.breaches.remediedOn'),
        }}
      />
      {breach.status === 'remedy_requested' && (
        <div>
          <h3>
            <FormattedMessage id="settlement.breaches.remediedTitle" />
          </h3>
          <TextField
            form={form}
            name="remediedOn"
            type="date"
            label={t('settlement.breaches.remediedOn')}
            value={remediedOn}
            error={errors.errors.fields.remediedOn}
            onChange={setRemediedOn}
          />
          <div className="actions">
            <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => act.mutate('remedied')}>
              <FormattedMessage id="settlement.breaches.remedied" />
            </button>
          </div>
        </div>
      )}
      {(breach.status === 'open' || breach.status === 'remedy_requested') && (
        <div>
          <h3>
            <FormattedMessage id="settlement.breaches.levyTitle" />
          </h3>
          <TextField
            form={form}
            name="dueDate"
            type="date"
            label={t('settlement.breaches.levyDueDate')}
            value={dueDate}
            error={errors.errors.fields.dueDate}
            onChange={setDueDate}
          />
          {range && (
            <TextField
              form={form}
              name="percent"
              inputMode="decimal"
              label={t('settlement.breaches.percent')}
              hint={t('settlement.breaches.percentHint', { min: range.minPercent ?? '', max: range.maxPercent ?? '' })}
              value={percent}
              error={errors.errors.fields.percent}
              onChange={setPercent}
            />
          )}
          <div className="actions">
            <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" onClick={() => ask({ kind: 'levy', run: () => act.mutate('levy') })}>
              <FormattedMessage id="settlement.breaches.impose" />
            </button>
          </div>
        </div>
      )}
      {breach.status === 'levied' && (
        <div>
          <h3>
            <FormattedMessage id="settlement.breaches.paymentTitle" />
          </h3>
          <TextField form={form} name="paidOn" type="date" label={t('settlement.breaches.paidOn')} value={paidOn} error={errors.errors.fields.paidOn} onChange={setPaidOn} />
          <div className="actions">
            <button
              type="button"
              className="gov-button"
              data-type="solid"
              data-color="primary"
              data-size="m"
              onClick={() => ask({ kind: 'payment', run: () => act.mutate('payment') })}
            >
              <FormattedMessage id="settlement.breaches.recordPayment" />
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

function OpenBreachForm({ agreement }: { agreement: Agreement }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const errors = useFormErrors('breach');
  const [description, setDescription] = useState('');
  const [conditionNo, setConditionNo] = useState('');
  const [breachDate, setBreachDate] = useState('');
  const [misused, setMisused] = useState('');
  const [remedyDeadline, setRemedyDeadline] = useState('');
  const minor = conditionNo ? agreement.conditions[Number(conditionNo) - 1]?.minor : false;
  const open = useMutation({
    mutationFn: () =>
      call<Breach>(
        api.POST('/api/v1/agreements/{id}/breaches', {
          params: { path: { id: agreement.id } },
          body: {
            description: description.trim(),
            conditionNo: conditionNo ? Number(conditionNo) : undefined,
            breachDate,
            misused: parseMoneyInput(misused) ?? misused,
            remedyDeadline: minor && remedyDeadline ? remedyDeadline : undefined,
          },
        }),
      ),
    onSuccess: async () => {
      errors.clear();
      setDescription('');
      setConditionNo('');
      setBreachDate('');
      setMisused('');
      setRemedyDeadline('');
      await queryClient.invalidateQueries({ queryKey: breachesKey(agreement.id) });
    },
    onError: (error) => errors.fromError(error, ['description', 'conditionNo', 'breachDate', 'misused', 'remedyDeadline']),
  });
  const labels = {
    description: t('settlement.breaches.description'),
    conditionNo: t('settlement.breaches.condition.label'),
    breachDate: t('settlement.breaches.breachDate'),
    misused: t('settlement.breaches.misused'),
    remedyDeadline: t('settlement.breaches.remedyDeadline'),
  };
  return (
    <section aria-labelledby="breach-open-title">
      <h2 id="breach-open-title">
        <FormattedMessage id="settlement.breaches.openTitle" />
      </h2>
      <ErrorSummary form="breach" errors={errors.errors} version={errors.version} labels={labels} />
      <TextField form="breach" name="description" label={labels.description} value={description} error={errors.errors.fields.description} onChange={setDescription} />
      <SelectField form="breach" name="conditionNo" label={labels.conditionNo} value={conditionNo} error={errors.errors.fields.conditionNo} onChange={setConditionNo}>
        <option value="">{t('settlement.breaches.noCondition')}</option>
        {agreement.conditions.map((c, i) => (
          <option key={i} value={String(i + 1)}>
            {conditionLabel(agreement, i + 1, t)}
          </option>
        ))}
      </SelectField>
      <TextField form="breach" name="breachDate" type="date" label={labels.breachDate} value={breachDate} error={errors.errors.fields.breachDate} onChange={setBreachDate} />
      <TextField
        form="breach"
        name="misused"
        inputMode="decimal"
        label={labels.misused}
        hint={t('settlement.breaches.misusedHint')}
        value={misused}
        error={errors.errors.fields.misused}
        onChange={setMisused}
      />
      {minor && (
        <TextField
          form="breach"
          name="remedyDeadline"
          type="date"
          label={labels.remedyDeadline}
          hint={t('settlement.breaches.remedyHint')}
          value={remedyDeadline}
          error={errors.errors.fields.remedyDeadline}
          onChange={setRemedyDeadline}
        />
      )}
      <div className="actions">
        <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={open.isPending} onClick={() => open.mutate()}>
          <FormattedMessage id="settlement.breaches.open" />
        </button>
      </div>
    </section>
  );
}
