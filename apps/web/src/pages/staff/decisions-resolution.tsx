/**
 * /sprava/vyzvy/<id>/rozhodnuti/usneseni?organ=council|assembly: staff assemble ONE body's resolution from the award
 * proposal: number, date, text, the signed PDF, and per application approved (amount, conditions) or rejected
 * (reason). The allocation left is shown live as amounts are typed; the server's refusals are shown at the row they
 * concern. `&zmena=<decisionId>` changes a decision in force instead: one row prefilled with `supersedesId`, the
 * decision before and after, and what the change requires (the agreement follows; below what is paid, a return).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { api, call, uploadWithProgress } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, TextAreaField, TextField, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { formatAmount, parseMoneyInput, toHalere, fromHalere } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { useStaffCall } from '../../features/staff/api';
import { decisionQueries, useDecisions, useFunding, useProposal } from '../../features/decisions/api';
import type { Body, Decision, Funding, ProposalLine } from '../../features/decisions/api';
import { liveAllocation } from '../../features/decisions/allocation';
import type { LiveAllocation } from '../../features/decisions/allocation';
import { resolutionErrors, rowField } from '../../features/decisions/row-errors';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/decisions/decisions.css';

const FORM = 'resolution';

export function ResolutionPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <ResolutionLoader />
    </RequireRole>
  );
}

function ResolutionLoader() {
  const { callId } = useParams({ strict: false }) as { callId: string };
  const search = useSearch({ strict: false }) as { organ?: string; zmena?: string };
  const body: Body = search.organ === 'assembly' ? 'assembly' : 'council';
  const call = useStaffCall(callId);
  const proposal = useProposal(callId);
  const funding = useFunding(callId);
  const decisions = useDecisions(callId);
  const ready = proposal.data && funding.data && decisions.data && call.data;
  return (
    <QueryState query={proposal}>
      <QueryState query={funding}>
        <QueryState query={decisions}>
          {ready && (
            <ResolutionForm
              key={`${body}-${search.zmena ?? ''}`}
              callId={callId}
              callCode={call.data.code}
              body={body}
              lines={proposal.data[body].concat(search.zmena ? proposal.data[body === 'council' ? 'assembly' : 'council'] : [])}
              sessionClosed={proposal.data.commissionSessionClosed}
              funding={funding.data}
              superseding={search.zmena ? (decisions.data.find((d) => d.id === search.zmena && d.effective) ?? null) : null}
              changeRequested={!!search.zmena}
            />
          )}
        </QueryState>
      </QueryState>
    </QueryState>
  );
}

interface RowState {
  include: boolean;
  outcome: 'approved' | 'rejected';
  amount: string;
  conditions: string;
  reason: string;
}

function ResolutionForm(props: {
  callId: string;
  callCode: string;
  body: Body;
  lines: readonly ProposalLine[];
  sessionClosed: boolean;
  funding: Funding;
  superseding: Decision | null;
  changeRequested: boolean;
}) {
  const { callId, body, funding, superseding } = props;
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `decisions.${id}` }, values);
  const { locale } = useLanguage();
  const f = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FORM);
  // The rows: the body's applications not yet decided, or (a change) the one application whose decision changes.
  const lines = useMemo(
    () => (superseding ? props.lines.filter((l) => l.applicationId === superseding.applicationId) : props.lines.filter((l) => !l.currentDecision && l.body === body)),
    [props.lines, superseding, body],
  );
  const [rows, setRows] = useState<Record<string, RowState>>(() =>
    Object.fromEntries(
      lines.map((l) => [
        l.applicationId,
        superseding
          ? {
              include: true,
              outcome: superseding.outcome,
              amount: superseding.outcome === 'approved' ? formatAmount(superseding.amount, locale) : '',
              conditions: superseding.conditions.join('\n'),
              reason: superseding.reason ?? '',
            }
          : {
              include: true,
              outcome: l.proposal === 'approve' ? 'approved' : 'rejected',
              amount: l.proposal === 'approve' ? formatAmount(l.recommended, locale) : '',
              conditions: '',
              reason: '',
            },
      ]),
    ),
  );
  const [number, setNumber] = useState('');
  const [adoptedOn, setAdoptedOn] = useState(() => new Date().toISOString().slice(0, 10));
  const [text, setText] = useState(() => t(superseding ? 'form.textDefaultChange' : `form.textDefault.${body}`));
  const [withoutReason, setWithoutReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);

  const included = lines.filter((l) => rows[l.applicationId]?.include);
  const previousOf = (l: ProposalLine) => (superseding && l.applicationId === superseding.applicationId ? superseding.amount : '0.00');
  const amountOf = (l: ProposalLine) => {
    const row = rows[l.applicationId];
    if (row.outcome === 'rejected') return '0.00';
    return parseMoneyInput(row.amount);
  };
  const live = liveAllocation(
    funding,
    included.map((l) => ({ applicationId: l.applicationId, budgetAreaId: l.budgetAreaId, amount: amountOf(l), previous: previousOf(l) })),
  );

  const set = (applicationId: string, patch: Partial<RowState>) => setRows((current) => ({ ...current, [applicationId]: { ...current[applicationId], ...patch } }));

  const labels: Record<string, string> = {
    number: t('form.number'),
    adoptedOn: t('form.adoptedOn'),
    text: t('form.text'),
    withoutCommissionReason: t('form.withoutReason'),
    file: t('form.file'),
  };
  for (const l of lines) {
    labels[rowField(l.applicationId, 'outcome')] = `${l.number} – ${t('row.outcome')}`;
    labels[rowField(l.applicationId, 'amount')] = `${l.number} – ${t('row.amount')}`;
    labels[rowField(l.applicationId, 'reason')] = `${l.number} – ${t('row.reason')}`;
    labels[rowField(l.applicationId, 'conditions')] = `${l.number} – ${t('row.conditions')}`;
  }

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!number.trim()) found.number = t('error.number');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(adoptedOn)) found.adoptedOn = t('error.adoptedOn');
    if (text.trim().length < 5) found.text = t('error.text');
    if (!props.sessionClosed && withoutReason.trim().length < 10) found.withoutCommissionReason = t('error.withoutReason');
    if (included.length === 0) found[rowField(lines[0]?.applicationId ?? 'none', 'outcome')] = t('error.noRows');
    for (const l of included) {
      const row = rows[l.applicationId];
      if (row.outcome === 'approved') {
        const amount = parseMoneyInput(row.amount);
        if (!amount || toHalere(amount) <= 0n) found[rowField(l.applicationId, 'amount')] = t('error.amount');
      } else if (!row.reason.trim()) {
        found[rowField(l.applicationId, 'reason')] = t('error.reason');
      }
    }
    return found;
  };

  const record = useMutation({
    mutationFn: async () => {
      const ids = included.map((l) => l.applicationId);
      setSent(ids);
      const result = await call<{ resolutionId: string }>(
        api.POST('/api/v1/calls/{callId}/resolutions', {
          params: { path: { callId } },
          body: {
            body: superseding ? superseding.body : body,
            number: number.trim(),
            adoptedOn,
            text: text.trim(),
            withoutCommissionReason: props.sessionClosed ? undefined : withoutReason.trim(),
            decisions: included.map((l) => {
              const row = rows[l.applicationId];
              const conditions = row.conditions
                .split('\n')
                .map((c) => c.trim())
                .filter(Boolean);
              return {
                applicationId: l.applicationId,
                outcome: row.outcome,
                ...(row.outcome === 'approved' ? { amount: parseMoneyInput(row.amount)!, conditions } : { reason: row.reason.trim() }),
                ...(superseding && l.applicationId === superseding.applicationId ? { supersedesId: superseding.id } : {}),
              };
            }),
          },
        }),
      );
      let fileFailed: string | null = null;
      if (file) {
        const form = new FormData();
        form.append('file', file);
        try {
          await uploadWithProgress(`/api/v1/resolutions/${result.resolutionId}/files`, form, () => undefined);
        } catch (error) {
          fileFailed = error instanceof Error ? error.message : 'upload failed';
        }
      }
      return { ...result, fileFailed };
    },
    onSuccess: async (result) => {
      setConfirming(false);
      await Promise.all(decisionQueries(callId).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await navigate({
        to: '/sprava/vyzvy/$callId/rozhodnuti',
        params: { callId },
        search: { zaznamenano: number.trim(), ...(result.fileFailed ? { soubor: result.fileFailed } : {}) } as never,
      });
    },
    onError: (error) => {
      setConfirming(false);
      const fields = resolutionErrors(
        error,
        included.map((l) => l.applicationId),
      );
      if (fields) errors.setFieldErrors(fields);
      else errors.fromError(error);
    },
  });

  const submit = () => {
    const found = validate();
    if (Object.keys(found).length > 0) {
      errors.setFieldErrors(found);
      return;
    }
    errors.clear();
    setConfirming(true);
  };

  if (props.changeRequested && !superseding) {
    return (
      <>
        <h1>{t('form.changeTitle', { code: props.callCode })}</h1>
        <div className="notice" role="alert">
          {t('form.changeGone')}
        </div>
        <Link to="/sprava/vyzvy/$callId/rozhodnuti" params={{ callId }}>
          {t('back.decisions')}
        </Link>
      </>
    );
  }

  const bodyName = t(`body.${superseding ? superseding.body : body}`);
  const approvals = included.filter((l) => rows[l.applicationId].outcome === 'approved').length;
  return (
    <>
      <p>
        <Link to="/sprava/vyzvy/$callId/rozhodnuti" params={{ callId }}>
          {t('back.decisions')}
        </Link>
      </p>
      <h1>{superseding ? t('form.changeTitle', { code: props.callCode }) : t('form.title', { body: bodyName, code: props.callCode })}</h1>
      {/* Before the summary: closing the dialog returns focus to its opener first, then a refusal's summary takes it. */}
      <ConfirmDialog
        open={confirming}
        title={t('confirm.title')}
        confirmLabel={t('confirm.yes')}
        cancelLabel={t('confirm.no')}
        busy={record.isPending}
        onConfirm={() => record.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('confirm.text', { body: bodyName, number: number.trim(), approvals, rejections: included.length - approvals, total: f.money(live.call.change) })}</p>
        <p>{t('confirm.letters')}</p>
      </ConfirmDialog>
      <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={labels} />
      <div className="resolution-layout">
        <form
          className="staff-form"
          noValidate
          aria-labelledby="resolution-form-title"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <h2 id="resolution-form-title" className="visually-hidden">
            {t('form.resolution')}
          </h2>
          <fieldset>
            <legend>{t('form.resolution')}</legend>
            <p>{t('form.bodyIs', { body: bodyName })}</p>
            <TextField
              form={FORM}
              name="number"
              label={labels.number}
              value={number}
              onChange={setNumber}
              error={errors.errors.fields.number}
              hint={t(`form.numberHint.${superseding ? superseding.body : body}`)}
            />
            <TextField form={FORM} name="adoptedOn" type="date" label={labels.adoptedOn} value={adoptedOn} onChange={setAdoptedOn} error={errors.errors.fields.adoptedOn} />
            <TextAreaField form={FORM} name="text" label={labels.text} value={text} onChange={setText} error={errors.errors.fields.text} rows={3} />
            {!props.sessionClosed && (
              <TextAreaField
                form={FORM}
                name="withoutCommissionReason"
                label={labels.withoutCommissionReason}
                hint={t('form.withoutReasonHint')}
                value={withoutReason}
                onChange={setWithoutReason}
                error={errors.errors.fields.withoutCommissionReason}
                rows={2}
              />
            )}
            <div className="field">
              <label className="gov-form-label" htmlFor={fieldId(FORM, 'file')}>
                <span className="gov-form-label__label">{labels.file}</span>
              </label>
              <p className="field__hint" id={`${fieldId(FORM, 'file')}-hint`}>
                {t('form.fileHint')}
              </p>
              <input
                ref={fileInput}
                id={fieldId(FORM, 'file')}
                type="file"
                accept="application/pdf,.pdf"
                aria-describedby={`${fieldId(FORM, 'file')}-hint`}
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </div>
          </fieldset>

          {superseding && <BeforeAfter decision={superseding} line={lines[0]} row={rows[lines[0].applicationId]} amount={lines[0] ? amountOf(lines[0]) : null} />}

          <h2>{t('form.rows', { count: lines.length })}</h2>
          {lines.length === 0 && <p>{t('form.nothingPending')}</p>}
          {lines.map((line) => (
            <DecisionRow
              key={line.applicationId}
              line={line}
              row={rows[line.applicationId]}
              onChange={(patch) => set(line.applicationId, patch)}
              errors={errors.errors.fields}
              overAllocation={live.overRows.has(line.applicationId)}
              single={!!superseding}
            />
          ))}
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={record.isPending}>
            {t(superseding ? 'form.submitChange' : 'form.submit')}
          </button>
        </form>
        <aside className="resolution-layout__aside" aria-labelledby="live-allocation-title">
          <LiveAllocationTable live={live} />
        </aside>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {sent.length > 0 && record.isPending ? t('form.sending') : ''}
      </p>
    </>
  );
}

function DecisionRow({
  line,
  row,
  onChange,
  errors,
  overAllocation,
  single,
}: {
  line: ProposalLine;
  row: RowState;
  onChange(patch: Partial<RowState>): void;
  errors: Record<string, string>;
  overAllocation: boolean;
  single: boolean;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `decisions.${id}` }, values);
  const f = useFormat();
  const { locale } = useLanguage();
  const outcomeId = fieldId(FORM, rowField(line.applicationId, 'outcome'));
  const outcomeError = errors[rowField(line.applicationId, 'outcome')];
  const rowErrors = ['outcome', 'amount', 'reason', 'conditions'].some((k) => errors[`${line.applicationId}.${k}`]);
  return (
    <fieldset className={`decision-row${rowErrors ? ' decision-row--error' : ''}`} aria-describedby={`${outcomeId}-facts`}>
      <legend>
        {line.number} – {line.applicant}
      </legend>
      <p id={`${outcomeId}-facts`} className="muted">
        {t('row.facts', {
          area: line.budgetAreaCode ?? '—',
          requested: f.money(line.requested),
          proposed: line.proposal === 'reject' ? t('proposal.reject') : f.money(line.recommended),
        })}{' '}
        {line.bodyReason[locale]} ({line.bodyReason.legalBasis})
      </p>
      {!single && (
        <div className="field">
          <label>
            <input type="checkbox" checked={row.include} onChange={(event) => onChange({ include: event.target.checked })} /> {t('row.include', { number: line.number })}
          </label>
        </div>
      )}
      {row.include && (
        <>
          <fieldset className="choices" aria-describedby={outcomeError ? `${outcomeId}-error` : undefined}>
            <legend>{t('row.outcome')}</legend>
            {outcomeError && (
              <p className="gov-form-message" data-color="error" id={`${outcomeId}-error`}>
                {outcomeError}
              </p>
            )}
            <label>
              <input id={outcomeId} type="radio" name={outcomeId} checked={row.outcome === 'approved'} onChange={() => onChange({ outcome: 'approved' })} /> {t('row.approve')}
            </label>
            <label>
              <input type="radio" name={outcomeId} checked={row.outcome === 'rejected'} onChange={() => onChange({ outcome: 'rejected' })} /> {t('row.reject')}
            </label>
          </fieldset>
          {row.outcome === 'approved' ? (
            <>
              <TextField
                form={FORM}
                name={rowField(line.applicationId, 'amount')}
                label={t('row.amountOf', { number: line.number })}
                inputMode="decimal"
                value={row.amount}
                onChange={(amount) => onChange({ amount })}
                error={errors[rowField(line.applicationId, 'amount')]}
                hint={overAllocation ? <span className="over">{t('row.overHint')}</span> : t('row.amountHint', { requested: f.money(line.requested) })}
              />
              <TextAreaField
                form={FORM}
                name={rowField(line.applicationId, 'conditions')}
                label={t('row.conditionsOf', { number: line.number })}
                hint={t('row.conditionsHint')}
                value={row.conditions}
                onChange={(conditions) => onChange({ conditions })}
                error={errors[rowField(line.applicationId, 'conditions')]}
                rows={2}
              />
            </>
          ) : (
            <TextAreaField
              form={FORM}
              name={rowField(line.applicationId, 'reason')}
              label={t('row.reasonOf', { number: line.number })}
              hint={t('row.reasonHint')}
              value={row.reason}
              onChange={(reason) => onChange({ reason })}
              error={errors[rowField(line.applicationId, 'reason')]}
              rows={2}
            />
          )}
        </>
      )}
    </fieldset>
  );
}

/** A change of a decision: before and after, and what it requires. */
function BeforeAfter({ decision, line, row, amount }: { decision: Decision; line: ProposalLine | undefined; row: RowState | undefined; amount: string | null }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `decisions.${id}` }, values);
  const f = useFormat();
  if (!line || !row) return null;
  const before = decision.outcome === 'approved' ? t('outcome.approved', { amount: f.money(decision.amount) }) : t('outcome.rejected', { reason: decision.reason ?? '' });
  const after = row.outcome === 'approved' ? (amount ? t('outcome.approved', { amount: f.money(amount) }) : '—') : t('outcome.rejected', { reason: row.reason });
  const consequences: ReactNode[] = [];
  const newAmount = amount ?? null;
  if (newAmount !== null) {
    const delta = toHalere(newAmount) - toHalere(decision.amount);
    if (delta < 0n) consequences.push(t('consequence.freed', { amount: f.money(fromHalere(-delta)) }));
    if (delta > 0n) consequences.push(t('consequence.needs', { amount: f.money(fromHalere(delta)) }));
    if (delta === 0n) consequences.push(t('consequence.sameAmount'));
    const agreement = decision.agreement;
    if (agreement) {
      const paid = toHalere(agreement.paid);
      const committed = toHalere(agreement.committed);
      if (toHalere(newAmount) < committed) {
        consequences.push(
          <strong key="below" className="over">
            {t('consequence.belowPaid', {
              paid: f.money(agreement.paid),
              committed: f.money(agreement.committed),
              shortfall: f.money(fromHalere(committed - toHalere(newAmount))),
            })}
          </strong>,
        );
      } else if (row.outcome === 'rejected') {
        consequences.push(t('consequence.agreementVoid', { number: agreement.number }));
      } else if (delta !== 0n) {
        consequences.push(t('consequence.agreementChanges', { number: agreement.number, from: f.money(agreement.amount), to: f.money(newAmount) }));
      }
      if (paid > 0n && toHalere(newAmount) >= committed) consequences.push(t('consequence.paidKept', { paid: f.money(agreement.paid) }));
    } else {
      consequences.push(t('consequence.noAgreement'));
    }
    consequences.push(t('consequence.letter'));
  }
  return (
    <section aria-labelledby="before-after-title" className="card">
      <h2 id="before-after-title">{t('change.title', { number: decision.number })}</h2>
      <dl className="before-after">
        <dt>{t('change.before')}</dt>
        <dd>
          {before} ({decision.resolution}, {f.date(decision.adoptedOn)})
        </dd>
        <dt>{t('change.after')}</dt>
        <dd>{after}</dd>
        {decision.agreement && (
          <>
            <dt>{t('change.paid')}</dt>
            <dd>{t('change.paidValue', { paid: f.money(decision.agreement.paid), committed: f.money(decision.agreement.committed) })}</dd>
          </>
        )}
      </dl>
      <h3>{t('change.requires')}</h3>
      <ul aria-live="polite">
        {consequences.map((c, i) => (
          <li key={i}>{c}</li>
        ))}
      </ul>
    </section>
  );
}

function LiveAllocationTable({ live }: { live: LiveAllocation }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `decisions.${id}` }, values);
  const caption = t('live.title');
  const cell = (amount: string, over: boolean) => <td className={`num${over ? ' over' : ''}`}>{f.money(amount)}</td>;
  return (
    <>
      <h2 id="live-allocation-title">{caption}</h2>
      <div className="table-wrap" role="region" aria-label={t('tableOf', { title: caption })} tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funding.area')}</th>
              <th scope="col" className="num">
                {t('live.change')}
              </th>
              <th scope="col" className="num">
                {t('live.remaining')}
              </th>
            </tr>
          </thead>
          <tbody>
            {live.areas.map((area) => (
              <tr key={area.key}>
                <th scope="row">
                  {area.code} <span className="muted">{t('live.of', { allocation: f.money(area.allocation) })}</span>
                </th>
                <td className="num">{f.money(area.change)}</td>
                {cell(area.remaining, area.over)}
              </tr>
            ))}
            <tr>
              <th scope="row">
                {t('funding.total')} <span className="muted">{t('live.of', { allocation: f.money(live.call.allocation) })}</span>
              </th>
              <td className="num">{f.money(live.call.change)}</td>
              {cell(live.call.remaining, live.call.over)}
            </tr>
          </tbody>
        </table>
      </div>
      <p aria-live="polite" aria-atomic="true">
        {live.call.over || live.areas.some((a) => a.over)
          ? t('live.over', {
              areas:
                live.areas
                  .filter((a) => a.over)
                  .map((a) => a.code)
                  .join(', ') || t('funding.total'),
            })
          : t('live.left', { remaining: f.money(live.call.remaining) })}
      </p>
    </>
  );
}
