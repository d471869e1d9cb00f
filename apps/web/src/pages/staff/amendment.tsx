/**
 * /sprava/vyzvy/<id>/zmena: an amendment of a published call. Each field shows its value before and the new
 * value after; the lists (budget areas with their allocations, criteria, annex types, activities) are edited with
 * the editor's own blocks and compared item by item; a summary lists what changes; the reason is shown to
 * applicants. The box on the side says what the law allows at this stage; a change it refuses comes back from
 * the API at its field (`changes.<field>`), with the reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call as callApi } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { parseMoneyInput } from '../../lib/format';
import { callKey, useActionPlanActivities, usePublicationCheck, useStaffCall } from '../../features/staff/api';
import { ActivitiesBlock, AnnexTypesBlock, ApplicantTypesBlock, BudgetAreasBlock, CriteriaBlock } from '../../features/staff/call-blocks';
import { listChanges } from '../../features/staff/call-diff';
import type { ItemChange } from '../../features/staff/call-diff';
import { formFromCall, sectionsFor } from '../../features/staff/call-form';
import type { CallForm, FormKey } from '../../features/staff/call-form';
import { pragueParts } from '../../features/staff/dates';
import type { CallContent, StaffCall } from '../../features/staff/types';
import '../../features/staff/staff.css';

const FORM = 'amend';

type Kind = 'text' | 'textarea' | 'date' | 'datetime' | 'types' | 'list';
type ListKey = 'budgetAreas' | 'criteria' | 'annexTypes' | 'activityIds';
const FIELDS: { key: keyof CallContent; label: string; kind: Kind; inputs: FormKey[] }[] = [
  { key: 'title', label: 'staff.call.title', kind: 'text', inputs: ['title'] },
  { key: 'closesAt', label: 'staff.call.closesDate', kind: 'datetime', inputs: ['closesDate', 'closesTime'] },
  { key: 'opensAt', label: 'staff.call.opensDate', kind: 'datetime', inputs: ['opensDate', 'opensTime'] },
  { key: 'decisionDeadline', label: 'staff.call.decisionDeadline', kind: 'date', inputs: ['decisionDeadline'] },
  { key: 'settlementDeadline', label: 'staff.call.settlementDeadline', kind: 'date', inputs: ['settlementDeadline'] },
  { key: 'totalAllocation', label: 'staff.call.totalAllocation', kind: 'text', inputs: ['totalAllocation'] },
  { key: 'maxGrant', label: 'staff.call.maxGrant', kind: 'text', inputs: ['maxGrant'] },
  { key: 'minGrant', label: 'staff.call.minGrant', kind: 'text', inputs: ['minGrant'] },
  { key: 'eligibleApplicantTypes', label: 'staff.call.eligible', kind: 'types', inputs: ['eligibleApplicantTypes'] },
  { key: 'purpose', label: 'staff.call.purpose', kind: 'textarea', inputs: ['purpose'] },
  { key: 'reasons', label: 'staff.call.reasons', kind: 'textarea', inputs: ['reasons'] },
  { key: 'conditions', label: 'staff.call.conditions', kind: 'textarea', inputs: ['conditions'] },
  { key: 'budgetAreas', label: 'staff.call.budgetAreas', kind: 'list', inputs: ['budgetAreas'] },
  { key: 'criteria', label: 'staff.call.criteria', kind: 'list', inputs: ['criteria'] },
  { key: 'annexTypes', label: 'staff.call.annexTypes', kind: 'list', inputs: ['annexTypes'] },
  { key: 'activityIds', label: 'staff.call.activities', kind: 'list', inputs: ['activityIds'] },
];

export function AmendmentPage() {
  const { callId } = useParams({ strict: false }) as { callId: string };
  return (
    <RequireRole roles={['staff', 'admin']}>
      <CallLoader callId={callId} />
    </RequireRole>
  );
}

function CallLoader({ callId }: { callId: string }) {
  const query = useStaffCall(callId);
  return <QueryState query={query}>{query.data && <Amendment key={query.data.version} call={query.data} />}</QueryState>;
}

function Amendment({ call }: { call: StaffCall }) {
  const intl = useIntl();
  const { locale } = useLanguage();
  const f = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const clock = usePublicationCheck(call.id);
  const errors = useFormErrors(FORM);
  const original = useMemo(() => formFromCall(call), [call]);
  const [form, setForm] = useState<CallForm>(original);
  const [reason, setReason] = useState('');
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const today = clock.data?.today ?? '';
  const started = today !== '' && call.opensAt !== '' && today >= pragueParts(call.opensAt).date;

  const show = (key: keyof CallContent, source: CallForm): string => {
    const v = (k: FormKey) => source[k] as string;
    switch (key) {
      case 'opensAt':
        return v('opensDate') ? `${f.date(v('opensDate'))} ${v('opensTime')}` : '—';
      case 'closesAt':
        return v('closesDate') ? `${f.date(v('closesDate'))} ${v('closesTime')}` : '—';
      case 'decisionDeadline':
      case 'settlementDeadline':
        return v(key) ? f.date(v(key)) : '—';
      case 'eligibleApplicantTypes':
        return source.eligibleApplicantTypes.map((x) => t(`staff.applicantType.${x}`)).join(', ') || '—';
      default:
        return (source[key as FormKey] as string) || '—';
    }
  };
  // The lists, item by item (rows matched by code, activities by id), described in words the applicant reads.
  const activities = useActionPlanActivities();
  const activityLabel = (id: string) => {
    const a = activities.data?.find((x) => x.id === id) ?? call.activities.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : id;
  };
  const moneyText = (text: string) => {
    const parsed = parseMoneyInput(text);
    return parsed === null ? text : f.money(parsed);
  };
  const itemChanges = (key: ListKey): ItemChange[] => {
    switch (key) {
      case 'budgetAreas':
        return listChanges(
          original.budgetAreas,
          form.budgetAreas,
          (a) => a.code,
          (a) => `${a.code} ${a.name}`.trim(),
          (a) => t('staff.amend.item.area', { name: a.name, allocation: moneyText(a.allocation) }),
        );
      case 'criteria':
        return listChanges(
          original.criteria,
          form.criteria,
          (c) => c.code,
          (c) => `${c.code} ${c.name}`.trim(),
          (c) => t('staff.amend.item.criterion', { name: c.name, max: c.maxScore, weight: c.weight, min: c.minScore.trim() || '—' }),
        );
      case 'annexTypes':
        return listChanges(
          original.annexTypes,
          form.annexTypes,
          (a) => a.code,
          (a) => `${a.code} ${a.name}`.trim(),
          (a) =>
            t('staff.amend.item.annex', {
              name: a.name,
              required: t(a.required ? 'staff.amend.item.required' : 'staff.amend.item.optional'),
              formats: a.allowedFormats.join(', '),
              size: a.maxSizeMb,
            }),
        );
      case 'activityIds':
        return listChanges(
          original.activityIds,
          form.activityIds,
          (id) => id,
          activityLabel,
          () => t('staff.amend.item.funded'),
        );
    }
  };
  const changed = FIELDS.filter((field) => (field.kind === 'list' ? itemChanges(field.key as ListKey).length > 0 : show(field.key, form) !== show(field.key, original)));
  const labels: Record<string, string> = Object.fromEntries(FIELDS.map((field) => [`changes.${field.key}`, t(field.label)]));
  labels.reason = t('staff.amend.reason');
  labels.changes = t('staff.amend.changes');
  // A refusal inside a list (changes.criteria.0.minScore) is named by its list in the summary.
  for (const name of Object.keys(errors.errors.fields)) labels[name] ??= labels[name.split('.').slice(0, 2).join('.')] ?? '';
  const errorOf = (name: string) => errors.errors.fields[name] ?? Object.entries(errors.errors.fields).find(([field]) => field.startsWith(`${name}.`))?.[1];

  const amend = useMutation({
    mutationFn: () => {
      const changes: Record<string, unknown> = {};
      const local: Record<string, string> = {};
      for (const field of changed) {
        const result = sectionsFor(field.inputs[0], form);
        Object.assign(changes, result.sections);
        for (const [name, id] of Object.entries(result.errors)) local[`changes.${name}`] = t(id);
      }
      if (Object.keys(local).length) {
        errors.setFieldErrors(local);
        return Promise.reject(new Error('local'));
      }
      return callApi<StaffCall>(api.POST('/api/v1/calls/{id}/amendments', { params: { path: { id: call.id } }, body: { version: call.version, reason: reason.trim(), changes } }));
    },
    onSuccess: async (view) => {
      queryClient.setQueryData(callKey(call.id), view);
      await navigate({ to: '/sprava/vyzvy/$callId', params: { callId: call.id } });
    },
    onError: (error) => {
      if (error instanceof Error && error.message === 'local') return;
      errors.fromError(error);
    },
  });

  const input = (field: (typeof FIELDS)[number]) => {
    const id = fieldId(FORM, `changes.${field.key}`);
    const error = errors.errors.fields[`changes.${field.key}`];
    const describedBy = [`${id}-before`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const set = (key: FormKey, value: unknown) => setForm((current) => ({ ...current, [key]: value }));
    // Every text-like control of a field: its value, its description (before, error) and its change.
    const own = {
      id,
      value: form[field.inputs[0]] as string,
      'aria-describedby': describedBy,
      'aria-invalid': error ? true : undefined,
      onChange: (e: { target: { value: string } }) => set(field.inputs[0], e.target.value),
    };
    let control;
    if (field.kind === 'textarea') control = <textarea {...own} rows={4} />;
    else if (field.kind === 'date') control = <input {...own} type="date" />;
    else if (field.kind === 'datetime')
      control = (
        <>
          <input {...own} type="date" />
          <label className="gov-form-label" htmlFor={`${id}-time`}>
            {t('staff.amend.time', { field: t(field.label) })}
          </label>
          <input id={`${id}-time`} type="time" value={form[field.inputs[1]] as string} onChange={(e) => set(field.inputs[1], e.target.value)} />
        </>
      );
    else if (field.kind === 'types')
      control = (
        <ApplicantTypesBlock
          form={FORM}
          name={`changes.${field.key}`}
          legend={t('staff.amend.after', { field: t(field.label) })}
          describedBy={describedBy}
          selected={form.eligibleApplicantTypes}
          onChange={(types) => set('eligibleApplicantTypes', types)}
        />
      );
    else control = <input {...own} type="text" />;
    const isChanged = changed.includes(field);
    if (field.kind === 'list') return listInput(field.key as ListKey, isChanged);
    return (
      <div key={field.key} className={`field${isChanged ? ' changed' : ''}`}>
        {field.kind === 'types' ? null : (
          <label className="gov-form-label" htmlFor={id}>
            {t('staff.amend.after', { field: t(field.label) })}
          </label>
        )}
        <p className="field__hint" id={`${id}-before`}>
          {t('staff.amend.before', { value: show(field.key, original) })}
        </p>
        {error && (
          <p className="gov-form-message" data-color="error" id={`${id}-error`}>
            {error}
          </p>
        )}
        {control}
      </div>
    );
  };

  const listInput = (key: ListKey, isChanged: boolean) => {
    const name = `changes.${key}`;
    const common = { form: FORM, name, error: errorOf(name) };
    const items = itemChanges(key);
    return (
      <section key={key} className={`amend-list${isChanged ? ' changed' : ''}`} aria-labelledby={`${fieldId(FORM, name)}-title`}>
        <h2 id={`${fieldId(FORM, name)}-title`}>{t(FIELDS.find((x) => x.key === key)!.label)}</h2>
        {key === 'budgetAreas' && <BudgetAreasBlock {...common} rows={form.budgetAreas} onChange={(rows) => setForm((c) => ({ ...c, budgetAreas: rows }))} />}
        {key === 'criteria' && <CriteriaBlock {...common} rows={form.criteria} onChange={(rows) => setForm((c) => ({ ...c, criteria: rows }))} />}
        {key === 'annexTypes' && <AnnexTypesBlock {...common} rows={form.annexTypes} onChange={(rows) => setForm((c) => ({ ...c, annexTypes: rows }))} />}
        {key === 'activityIds' && <ActivitiesBlock {...common} selected={form.activityIds} onChange={(ids) => setForm((c) => ({ ...c, activityIds: ids }))} />}
        {items.length > 0 && (
          <ul className="item-changes" aria-label={t('staff.amend.itemChanges', { field: t(FIELDS.find((x) => x.key === key)!.label) })}>
            {items.map((item) => (
              <li key={item.key}>
                <strong>{item.label}</strong>: {item.before || t('staff.amend.item.new')} → {item.after || t('staff.amend.item.removed')}
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  };

  return (
    <form
      className="staff-editor staff-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const missing: Record<string, string> = {};
        if (changed.length === 0) missing.changes = t('staff.amend.nothing');
        if (reason.trim().length < 5) missing.reason = t('staff.amend.reasonMissing');
        if (Object.keys(missing).length) errors.setFieldErrors(missing);
        else amend.mutate();
      }}
    >
      <div>
        <h1>
          <FormattedMessage id="staff.amend.title" values={{ code: call.code, number: call.amendments.length + 1 }} />
        </h1>
        <p className="lead">{call.title}</p>
        <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={labels} />
        {FIELDS.map(input)}
        <section aria-labelledby="amend-summary" id={fieldId(FORM, 'changes')} tabIndex={-1}>
          <h2 id="amend-summary">
            <FormattedMessage id="staff.amend.changes" />
          </h2>
          {changed.length === 0 ? (
            <p>
              <FormattedMessage id="staff.amend.nothing" />
            </p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">
                  <FormattedMessage id="staff.amend.changes" />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage id="staff.amend.field" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="staff.amend.beforeCol" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="staff.amend.afterCol" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changed.flatMap((field) =>
                    field.kind === 'list'
                      ? itemChanges(field.key as ListKey).map((item) => (
                          <tr key={`${field.key}-${item.key}`}>
                            <th scope="row">
                              {t(field.label)}: {item.label}
                            </th>
                            <td>{item.before || t('staff.amend.item.new')}</td>
                            <td>{item.after || t('staff.amend.item.removed')}</td>
                          </tr>
                        ))
                      : [
                          <tr key={field.key}>
                            <th scope="row">{t(field.label)}</th>
                            <td>{show(field.key, original)}</td>
                            <td>{show(field.key, form)}</td>
                          </tr>,
                        ],
                  )}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <div className="field">
          <label className="gov-form-label" htmlFor={fieldId(FORM, 'reason')}>
            {labels.reason}
          </label>
          <p className="field__hint" id={`${fieldId(FORM, 'reason')}-hint`}>
            <FormattedMessage id="staff.amend.reasonHint" />
          </p>
          {errors.errors.fields.reason && (
            <p className="gov-form-message" data-color="error" id={`${fieldId(FORM, 'reason')}-error`}>
              {errors.errors.fields.reason}
            </p>
          )}
          <textarea
            id={fieldId(FORM, 'reason')}
            rows={3}
            value={reason}
            aria-invalid={errors.errors.fields.reason ? true : undefined}
            aria-describedby={`${fieldId(FORM, 'reason')}-hint${errors.errors.fields.reason ? ` ${fieldId(FORM, 'reason')}-error` : ''}`}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={amend.isPending}>
            <FormattedMessage id="staff.amend.submit" />
          </button>
          <Link to="/sprava/vyzvy/$callId" params={{ callId: call.id }}>
            <FormattedMessage id="staff.amend.cancel" />
          </Link>
        </div>
      </div>
      <aside className="staff-editor__aside notice" aria-labelledby="law-title">
        <h2 id="law-title">
          <FormattedMessage id="staff.amend.lawTitle" />
        </h2>
        <p>
          <FormattedMessage id="staff.amend.status" values={{ status: call.statusName[locale] }} />
        </p>
        {started ? (
          <ul>
            <li>
              <FormattedMessage id="staff.amend.law.extend" />
            </li>
            <li>
              <FormattedMessage id="staff.amend.law.eligibility" />
            </li>
            <li>
              <FormattedMessage id="staff.amend.law.maxGrant" />
            </li>
            <li>
              <FormattedMessage id="staff.amend.law.annexes" />
            </li>
            <li>
              <FormattedMessage id="staff.amend.law.opening" />
            </li>
          </ul>
        ) : (
          <p>
            <FormattedMessage id="staff.amend.law.before" values={{ days: clock.data?.minDaysFromPublicationToOpening ?? 30 }} />
          </p>
        )}
        <p>
          <FormattedMessage id="staff.amend.law.listsTitle" />
        </p>
        <ul>
          <li>
            <FormattedMessage id="staff.amend.law.allocations" />
          </li>
          <li>
            <FormattedMessage id="staff.amend.law.inUse" />
          </li>
          <li>
            <FormattedMessage id="staff.amend.law.codes" />
          </li>
        </ul>
        <p>
          <FormattedMessage id="staff.amend.law.public" />
        </p>
      </aside>
    </form>
  );
}
