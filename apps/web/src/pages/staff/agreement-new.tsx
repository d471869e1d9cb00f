/**
 * /sprava/zadosti/<applicationId>/smlouva: staff draw the agreement of an approved application (POST
 * /applications/{id}/agreement). Prefilled from the application (purpose, period) and the decision (one tranche of
 * the whole grant); the call's template conditions are shown as they will be included (the server adds them), the
 * agreement's own conditions — minor ones with their penalty — and the tranches are edited here, the tranches'
 * sum checked live against the grant exactly (haléře).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, TextField, useFormErrors } from '../../forms/errors';
import { parseMoneyInput, sumMoney } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { ConditionsEditor } from '../../features/agreements/conditions-editor';
import { conditionInput, missingPenaltyField } from '../../features/agreements/conditions';
import type { ConditionDraft } from '../../features/agreements/conditions';
import type { Agreement, Decision, Template } from '../../features/agreements/api';
import type { components } from '../../api/schema';
import { PenaltyText } from '../../features/agreements/penalty-text';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/agreements/agreements.css';

type Application = components['schemas']['ApplicationResponse'];
const FORM = 'agreement';

export function NewAgreementPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <NewAgreement />
    </RequireRole>
  );
}

function NewAgreement() {
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  const application = useQuery({
    queryKey: ['applications', applicationId],
    queryFn: () => call<Application>(api.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } })),
  });
  const callId = application.data?.call.id;
  const decisions = useQuery({
    queryKey: ['decisions', callId],
    queryFn: () => call<Decision[]>(api.GET('/api/v1/calls/{callId}/decisions', { params: { path: { callId: callId! } } })),
    enabled: Boolean(callId),
  });
  const template = useQuery({
    queryKey: ['staff-template', callId],
    queryFn: async () => {
      try {
        return await call<Template>(api.GET('/api/v1/calls/{callId}/agreement-template', { params: { path: { callId: callId! } } }));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(callId),
  });
  const decision = decisions.data?.find((d) => d.applicationId === applicationId && d.outcome === 'approved' && d.effective);
  return (
    <>
      <h1>
        <FormattedMessage id="agreements.new.title" values={{ number: application.data?.number ?? '' }} />
      </h1>
      <QueryState query={application}>
        <QueryState query={decisions}>
          <QueryState query={template}>
            {application.data && decisions.data && template.data !== undefined ? (
              decision ? (
                <AgreementForm application={application.data} decision={decision} template={template.data} />
              ) : (
                <p role="alert">
                  <FormattedMessage id="agreements.new.notApproved" />
                </p>
              )
            ) : null}
          </QueryState>
        </QueryState>
      </QueryState>
    </>
  );
}

interface TrancheDraft {
  key: string;
  amount: string;
  dueDate: string;
  condition: string;
}

let trancheCounter = 0;
const tranche = (amount = '', dueDate = ''): TrancheDraft => ({ key: `t${++trancheCounter}`, amount, dueDate, condition: '' });

function AgreementForm({ application, decision, template }: { application: Application; decision: Decision; template: Template | null }) {
  const intl = useIntl();
  const f = useFormat();
  const navigate = useNavigate();
  const errors = useFormErrors(FORM);
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [purpose, setPurpose] = useState(application.draft.purpose ?? application.title ?? '');
  const [purposeFrom, setPurposeFrom] = useState(application.draft.period?.from ?? '');
  const [purposeTo, setPurposeTo] = useState(application.draft.period?.to ?? '');
  const [settlementDeadline, setSettlementDeadline] = useState('');
  const [conditions, setConditions] = useState<ConditionDraft[]>([]);
  const [tranches, setTranches] = useState<TrancheDraft[]>([tranche(f.amount(decision.amount), application.draft.period?.from ?? '')]);
  const focusAfter = useRef<string | null>(null);
  useEffect(() => {
    if (focusAfter.current) document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });
  const parsed = tranches.map((tr) => parseMoneyInput(tr.amount));
  // The sum of what is typed so far (an empty or unreadable amount counts as nothing until it is one).
  const readable = parsed.filter((p): p is string => p !== null);
  const total = readable.length > 0 ? sumMoney(readable) : null;
  const balanced = readable.length === parsed.length && total === decision.amount;
  const create = useMutation({
    mutationFn: () =>
      call<Agreement>(
        api.POST('/api/v1/applications/{applicationId}/agreement', {
          params: { path: { applicationId: application.id } },
          body: {
            purpose: purpose.trim(),
            purposeFrom,
            purposeTo,
            settlementDeadline,
            conditions: conditions.map((c) => conditionInput(c, parseMoneyInput)),
            tranches: tranches.map((tr, i) => ({ amount: parsed[i] ?? tr.amount, dueDate: tr.dueDate, ...(tr.condition.trim() ? { condition: tr.condition.trim() } : {}) })),
          },
        }),
      ),
    onSuccess: (agreement) => void navigate({ to: '/smlouvy/$agreementId', params: { agreementId: agreement.id } }),
    onError: (error) => errors.fromError(error),
  });
  const submit = () => {
    const missing: Record<string, string> = {};
    if (purpose.trim().length < 10) missing.purpose = t('agreements.error.purpose');
    if (!purposeFrom) missing.purposeFrom = t('agreements.error.date');
    if (!purposeTo) missing.purposeTo = t('agreements.error.date');
    if (!settlementDeadline) missing.settlementDeadline = t('agreements.error.date');
    conditions.forEach((c, i) => {
      if (c.text.trim().length < 5) missing[`conditions.${i}.text`] = t('agreements.error.conditionText');
      const field = missingPenaltyField(c);
      if (field) missing[`conditions.${i}.penalty.${field}`] = t('agreements.error.penaltyMissing');
    });
    tranches.forEach((tr, i) => {
      if (parsed[i] === null) missing[`tranches.${i}.amount`] = t('agreements.error.amount');
      if (!tr.dueDate) missing[`tranches.${i}.dueDate`] = t('agreements.error.date');
    });
    if (Object.keys(missing).length === 0 && !balanced)
      missing.tranches = t('agreements.error.tranchesSum', { total: total ? f.money(total) : '—', amount: f.money(decision.amount) });
    if (Object.keys(missing).length > 0) {
      errors.setFieldErrors(missing);
      return;
    }
    create.mutate();
  };
  const fe = errors.errors.fields;
  const labels: Record<string, string> = {
    purpose: t('agreements.field.purpose'),
    purposeFrom: t('agreements.field.purposeFrom'),
    purposeTo: t('agreements.field.purposeTo'),
    settlementDeadline: t('agreements.field.settlementDeadline'),
    tranches: t('agreements.tranches.title'),
  };
  const purposeId = fieldId(FORM, 'purpose');
  return (
    <form
      className="agreement-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={labels} />
      <dl className="facts">
        <dt>{t('agreements.field.recipient')}</dt>
        <dd>
          {application.organisation.name} ({application.organisation.ico})
        </dd>
        <dt>{t('agreements.field.project')}</dt>
        <dd>{application.title}</dd>
        <dt>{t('agreements.field.amount')}</dt>
        <dd>{f.money(decision.amount)}</dd>
        <dt>{t('agreements.field.resolution')}</dt>
        <dd>
          {decision.resolution} ({f.date(decision.adoptedOn)})
        </dd>
      </dl>
      <div className="gov-form-control field">
        <label className="gov-form-label" htmlFor={purposeId}>
          <span className="gov-form-label__label">{labels.purpose}</span>
        </label>
        {fe.purpose && (
          <p className="gov-form-message" data-color="error" id={`${purposeId}-error`}>
            {fe.purpose}
          </p>
        )}
        <textarea
          id={purposeId}
          rows={3}
          value={purpose}
          aria-invalid={fe.purpose ? true : undefined}
          aria-describedby={fe.purpose ? `${purposeId}-error` : undefined}
          onChange={(e) => setPurpose(e.target.value)}
        />
      </div>
      <div className="inline-fields">
        <TextField form={FORM} name="purposeFrom" type="date" label={labels.purposeFrom} value={purposeFrom} onChange={setPurposeFrom} error={fe.purposeFrom} />
        <TextField form={FORM} name="purposeTo" type="date" label={labels.purposeTo} value={purposeTo} onChange={setPurposeTo} error={fe.purposeTo} />
        <TextField
          form={FORM}
          name="settlementDeadline"
          type="date"
          label={labels.settlementDeadline}
          value={settlementDeadline}
          onChange={setSettlementDeadline}
          error={fe.settlementDeadline}
        />
      </div>
      <h2>{t('agreements.template.title')}</h2>
      {template && template.conditions.length > 0 ? (
        <>
          <p>{t('agreements.template.included', { version: template.version })}</p>
          <ol>
            {template.conditions.map((c, i) => (
              <li key={i}>
                {c.text}
                {c.minor && c.penalty && (
                  <>
                    {' '}
                    (<PenaltyText penalty={c.penalty} />)
                  </>
                )}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('agreements.template.none')}</p>
      )}
      <ConditionsEditor form={FORM} conditions={conditions} onChange={setConditions} errors={fe} legend={t('agreements.conditions.own')} />
      <fieldset id={fieldId(FORM, 'tranches')} tabIndex={-1}>
        <legend>{labels.tranches}</legend>
        {fe.tranches && (
          <p className="gov-form-message" data-color="error">
            {fe.tranches}
          </p>
        )}
        <ol className="conditions__list">
          {tranches.map((tr, i) => (
            <li key={tr.key} className="condition">
              <div className="inline-fields">
                <TextField
                  form={FORM}
                  name={`tranches.${i}.amount`}
                  label={t('agreements.tranches.amount', { number: i + 1 })}
                  inputMode="decimal"
                  value={tr.amount}
                  onChange={(amount) => setTranches(tranches.map((x, j) => (j === i ? { ...x, amount } : x)))}
                  error={fe[`tranches.${i}.amount`]}
                />
                <TextField
                  form={FORM}
                  name={`tranches.${i}.dueDate`}
                  type="date"
                  label={t('agreements.tranches.dueDate', { number: i + 1 })}
                  value={tr.dueDate}
                  onChange={(dueDate) => setTranches(tranches.map((x, j) => (j === i ? { ...x, dueDate } : x)))}
                  error={fe[`tranches.${i}.dueDate`]}
                />
                <TextField
                  form={FORM}
                  name={`tranches.${i}.condition`}
                  label={t('agreements.tranches.condition', { number: i + 1 })}
                  value={tr.condition}
                  onChange={(condition) => setTranches(tranches.map((x, j) => (j === i ? { ...x, condition } : x)))}
                  error={fe[`tranches.${i}.condition`]}
                />
              </div>
              {tranches.length > 1 && (
                <button
                  type="button"
                  className="gov-button"
                  data-type="link"
                  data-color="primary"
                  data-size="s"
                  onClick={() => {
                    focusAfter.current = fieldId(FORM, `tranches.${Math.max(0, i - 1)}.amount`);
                    setTranches(tranches.filter((_, j) => j !== i));
                  }}
                >
                  {t('agreements.tranches.remove', { number: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        <p aria-live="polite">
          {t(balanced ? 'agreements.tranches.balanced' : 'agreements.tranches.unbalanced', { total: total ? f.money(total) : '—', amount: f.money(decision.amount) })}
        </p>
        <button
          type="button"
          className="gov-button"
          data-type="outlined"
          data-color="primary"
          data-size="m"
          onClick={() => {
            focusAfter.current = fieldId(FORM, `tranches.${tranches.length}.amount`);
            setTranches([...tranches, tranche()]);
          }}
        >
          {t('agreements.tranches.add')}
        </button>
      </fieldset>
      <div className="agreement-actions">
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={create.isPending}>
          {t('agreements.new.submit')}
        </button>
        <Link to="/sprava/smlouvy">{t('agreements.new.cancel')}</Link>
      </div>
    </form>
  );
}
