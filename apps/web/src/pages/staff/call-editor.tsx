/**
 * The call editor (a draft): every § 10c(2) element, budget areas, criteria, annex types, the eligible
 * action-plan activities and the agreement template. Edits autosave (lib/autosave, version checked, 409 →
 * ConflictNotice); beside the form, the live list of what still stops publication (the API's own check) and
 * the 30-day rule as the opening date is picked; publication behind a dialog that says what becomes public.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call as callApi } from '../../api/client';
import { ConflictNotice, changedFields } from '../../components/conflict';
import { ErrorSummary, TextAreaField, TextField, fieldId, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { AutosaveStatus, useAutosaveState, useLeaveWarning, useRestoredEdits } from '../../lib/autosave/use-autosave';
import { useFormat } from '../../lib/use-format';
import { callKey, checkKey, usePublicationCheck } from '../../features/staff/api';
import { ActivitiesBlock, AnnexTypesBlock, ApplicantTypesBlock, BudgetAreasBlock, CostCategoriesBlock, CriteriaBlock } from '../../features/staff/call-blocks';
import { callQueueFor } from '../../features/staff/call-autosave';
import type { SavedCall } from '../../features/staff/call-autosave';
import { apiFieldOf, formFromCall, sectionsFor } from '../../features/staff/call-form';
import type { CallForm, FormKey } from '../../features/staff/call-form';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { dateRule } from '../../features/staff/dates';
import type { StaffCall } from '../../features/staff/types';
import { AgreementTemplate } from './agreement-template';

const FORM = 'call';

export function CallEditor({ call, onPublished }: { call: StaffCall; onPublished(view: StaffCall): void }) {
  const intl = useIntl();
  const { locale } = useLanguage();
  const f = useFormat();
  const queryClient = useQueryClient();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const queue = useMemo(() => callQueueFor(call.id), [call.id]);
  const state = useAutosaveState(queue);
  useLeaveWarning(queue);
  const restored = useRestoredEdits(queue);
  const [form, setForm] = useState<CallForm>(() => formFromCall(call));
  const version = useRef(call.version);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const check = usePublicationCheck(call.id);
  const [publishing, setPublishing] = useState(false);
  const publishErrors = useFormErrors('publish');

  useEffect(
    () =>
      queue.onSaved((saved) => {
        const view = saved as SavedCall;
        version.current = view.version;
        queryClient.setQueryData(callKey(call.id), view);
        void queryClient.invalidateQueries({ queryKey: checkKey(call.id) });
      }),
    [queue, queryClient, call.id],
  );
  // Edits left unsent by an earlier visit are sent first; the form then shows what the server has.
  useEffect(() => {
    if (!restored.ready || !restored.restored) return;
    void queue.flush().then(() => {
      const current = queryClient.getQueryData<StaffCall>(callKey(call.id));
      if (current) setForm(formFromCall(current));
    });
  }, [restored, queue, queryClient, call.id]);

  const edit = <K extends FormKey>(key: K, value: CallForm[K]) => {
    const next = { ...form, [key]: value };
    setForm(next);
    const { sections, errors } = sectionsFor(key, next);
    const field = apiFieldOf(key);
    setLocalErrors((current) => {
      const kept = Object.fromEntries(Object.entries(current).filter(([name]) => name !== field && !name.startsWith(`${field}.`)));
      return { ...kept, ...Object.fromEntries(Object.entries(errors).map(([name, id]) => [name, t(id)])) };
    });
    if (Object.keys(sections).length > 0) void queue.edit(version.current, sections);
  };

  const serverErrors: Record<string, string> = {};
  let generalError: string | null = null;
  if (state.kind === 'failed') {
    for (const problem of state.error.fieldErrors) serverErrors[problem.field] ??= problem.message;
    if (state.error.fieldErrors.length === 0) generalError = state.error.message;
  }
  const errors = { ...serverErrors, ...localErrors };
  const errorOf = (field: string) => errors[field] ?? Object.entries(errors).find(([name]) => name.startsWith(`${field}.`))?.[1];

  const labels: Record<string, string> = {
    title: t('staff.call.title'),
    purpose: t('staff.call.purpose'),
    reasons: t('staff.call.reasons'),
    totalAllocation: t('staff.call.totalAllocation'),
    minGrant: t('staff.call.minGrant'),
    maxGrant: t('staff.call.maxGrant'),
    grantRule: t('staff.call.grantRule'),
    eligibleApplicantTypes: t('staff.call.eligible'),
    opensAt: t('staff.call.opensDate'),
    closesAt: t('staff.call.closesDate'),
    decisionDeadline: t('staff.call.decisionDeadline'),
    conditions: t('staff.call.conditions'),
    coFinancingMinPercent: t('staff.call.coFinancing'),
    settlementDeadline: t('staff.call.settlementDeadline'),
    stateAidRegime: t('staff.call.stateAid'),
    reviewersPerApplication: t('staff.call.reviewers'),
    costCategories: t('staff.call.costCategories'),
    budgetAreas: t('staff.call.budgetAreas'),
    criteria: t('staff.call.criteria'),
    annexTypes: t('staff.call.annexTypes'),
    activityIds: t('staff.call.activities'),
  };

  const rule = check.data ? dateRule(check.data.today, form.opensDate, check.data.minDaysFromPublicationToOpening) : null;

  const publish = useMutation({
    mutationFn: async () => {
      await queue.flush();
      if (queue.hasUnsaved()) throw new Error('unsaved');
      return callApi<StaffCall>(api.POST('/api/v1/calls/{id}/publish', { params: { path: { id: call.id } }, body: { version: version.current } }));
    },
    onSuccess: (view) => {
      setPublishing(false);
      queryClient.setQueryData(callKey(call.id), view);
      void queryClient.invalidateQueries({ queryKey: ['staff-calls'] });
      onPublished(view);
    },
    onError: (error) => {
      setPublishing(false);
      publishErrors.fromError(error, Object.keys(labels));
      void queryClient.invalidateQueries({ queryKey: checkKey(call.id) });
    },
  });

  const text = (key: 'title' | 'purpose' | 'reasons' | 'conditions' | 'grantRule', hint?: ReactNode, multiline = true) => {
    const error = errorOf(key);
    if (!multiline) return <TextField form={FORM} name={key} label={labels[key]} value={form[key]} onChange={(v) => edit(key, v)} error={error} hint={hint} />;
    return <TextAreaField form={FORM} name={key} label={labels[key]} value={form[key]} rows={4} onChange={(v) => edit(key, v)} error={error} hint={hint} />;
  };
  const numberField = (
    key: 'totalAllocation' | 'minGrant' | 'maxGrant' | 'coFinancingMinPercent' | 'reviewersPerApplication',
    hint?: string,
    inputMode: 'decimal' | 'numeric' = 'decimal',
  ) => <TextField form={FORM} name={key} label={labels[key]} value={form[key]} inputMode={inputMode} onChange={(v) => edit(key, v)} error={errorOf(key)} hint={hint} />;
  const dateInput = (key: 'opensDate' | 'closesDate' | 'decisionDeadline' | 'settlementDeadline', label: string, extra?: { min?: string; describedBy?: string }) => {
    const id = fieldId(FORM, key === 'opensDate' ? 'opensAt' : key === 'closesDate' ? 'closesAt' : key);
    const error = errorOf(apiFieldOf(key));
    return (
      <div className="field">
        <label className="gov-form-label" htmlFor={id}>
          {label}
        </label>
        {error && (
          <p className="gov-form-message" data-color="error" id={`${id}-error`}>
            {error}
          </p>
        )}
        <input
          id={id}
          type="date"
          value={form[key]}
          min={extra?.min}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `${id}-error` : '', extra?.describedBy ?? ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => edit(key, e.target.value)}
        />
      </div>
    );
  };
  const timeInput = (key: 'opensTime' | 'closesTime', label: string) => (
    <div className="field">
      <label className="gov-form-label" htmlFor={fieldId(FORM, key)}>
        {label}
      </label>
      <input id={fieldId(FORM, key)} type="time" value={form[key]} onChange={(e) => edit(key, e.target.value)} />
    </div>
  );

  const blockers = check.data?.blockers ?? [];
  const conflict = state.kind === 'conflict' ? state : null;

  return (
    <div className="staff-editor staff-form">
      <div>
        <h1>
          <FormattedMessage id="staff.editor.title" values={{ code: call.code }} />
        </h1>
        <p className="lead">
          <FormattedMessage id="staff.editor.lead" />
        </p>
        <AutosaveStatus state={state} />
        {conflict && (
          <ConflictNotice
            changes={changedFields(conflict.mine, conflict.theirs, Object.fromEntries(Object.keys(conflict.mine).map((k) => [k, labels[k] ?? k])))}
            onKeepMine={() => {
              version.current = conflict.theirs.draftVersion;
              void queue.keepMine(conflict.theirs);
            }}
            onTakeTheirs={() => {
              void queue.takeTheirs(conflict.theirs).then(() => {
                const theirs = conflict.theirs as SavedCall;
                version.current = theirs.version;
                setForm(formFromCall(theirs));
                setLocalErrors({});
              });
            }}
          />
        )}
        {generalError && (
          <div className="notice" role="alert">
            {generalError}
          </div>
        )}
        <ErrorSummary form="publish" errors={publishErrors.errors} version={publishErrors.version} labels={labels} />

        <fieldset>
          <legend>
            <FormattedMessage id="staff.editor.basics" />
          </legend>
          {text('title', undefined, false)}
          {text('purpose', t('staff.call.purposeHint'))}
          {text('reasons', t('staff.call.reasonsHint'))}
        </fieldset>

        <fieldset>
          <legend>
            <FormattedMessage id="staff.editor.money" />
          </legend>
          {numberField('totalAllocation', t('staff.call.amountHint'))}
          {numberField('minGrant')}
          {numberField('maxGrant')}
          {text('grantRule', t('staff.call.grantRuleHint'))}
          {numberField('coFinancingMinPercent')}
          <div className="field">
            <label className="gov-form-label" htmlFor={fieldId(FORM, 'stateAidRegime')}>
              {labels.stateAidRegime}
            </label>
            <select id={fieldId(FORM, 'stateAidRegime')} value={form.stateAidRegime} onChange={(e) => edit('stateAidRegime', e.target.value as CallForm['stateAidRegime'])}>
              <option value="none">{t('staff.call.stateAid.none')}</option>
              <option value="de_minimis">{t('staff.call.stateAid.de_minimis')}</option>
            </select>
          </div>
          <h2>{labels.budgetAreas}</h2>
          <BudgetAreasBlock form={FORM} name="budgetAreas" rows={form.budgetAreas} onChange={(rows) => edit('budgetAreas', rows)} error={errorOf('budgetAreas')} />
          <h2>{labels.costCategories}</h2>
          <CostCategoriesBlock form={FORM} name="costCategories" rows={form.costCategories} onChange={(rows) => edit('costCategories', rows)} error={errorOf('costCategories')} />
        </fieldset>

        <fieldset>
          <legend>
            <FormattedMessage id="staff.editor.who" />
          </legend>
          <ApplicantTypesBlock
            form={FORM}
            name="eligibleApplicantTypes"
            legend={labels.eligibleApplicantTypes}
            selected={form.eligibleApplicantTypes}
            onChange={(types) => edit('eligibleApplicantTypes', types)}
            error={errorOf('eligibleApplicantTypes')}
          />
        </fieldset>

        <fieldset>
          <legend>
            <FormattedMessage id="staff.editor.dates" />
          </legend>
          {dateInput('opensDate', labels.opensAt, { min: check.data?.earliestOpeningDate, describedBy: 'date-rule' })}
          {timeInput('opensTime', t('staff.call.opensTime'))}
          <p id="date-rule" role="status" aria-live="polite" className={rule ? (rule.ok ? 'rule-ok' : 'rule-bad') : undefined}>
            {check.data && (
              <FormattedMessage
                id="staff.rule.earliest"
                values={{ today: f.date(check.data.today), days: check.data.minDaysFromPublicationToOpening, earliest: f.date(check.data.earliestOpeningDate) }}
              />
            )}{' '}
            {rule && (
              <FormattedMessage
                id={rule.ok ? 'staff.rule.ok' : 'staff.rule.bad'}
                values={{ lead: rule.lead, days: check.data!.minDaysFromPublicationToOpening, latest: f.date(rule.latestPublication) }}
              />
            )}
          </p>
          {dateInput('closesDate', labels.closesAt)}
          {timeInput('closesTime', t('staff.call.closesTime'))}
          {dateInput('decisionDeadline', labels.decisionDeadline)}
          {dateInput('settlementDeadline', labels.settlementDeadline)}
        </fieldset>

        <fieldset>
          <legend>
            <FormattedMessage id="staff.editor.evaluation" />
          </legend>
          <CriteriaBlock form={FORM} name="criteria" rows={form.criteria} onChange={(rows) => edit('criteria', rows)} error={errorOf('criteria')} />
          {numberField('reviewersPerApplication', undefined, 'numeric')}
        </fieldset>

        <fieldset>
          <legend>
            <FormattedMessage id="staff.editor.conditions" />
          </legend>
          {text('conditions')}
          <h2>{labels.annexTypes}</h2>
          <AnnexTypesBlock form={FORM} name="annexTypes" rows={form.annexTypes} onChange={(rows) => edit('annexTypes', rows)} error={errorOf('annexTypes')} />
        </fieldset>

        <fieldset>
          <legend>{labels.activityIds}</legend>
          <ActivitiesBlock form={FORM} name="activityIds" selected={form.activityIds} onChange={(ids) => edit('activityIds', ids)} error={errorOf('activityIds')} />
        </fieldset>

        <AgreementTemplate callId={call.id} />
      </div>

      <aside className="staff-editor__aside" aria-labelledby="blockers-title">
        <h2 id="blockers-title">
          <FormattedMessage id="staff.blockers.title" />
        </h2>
        <div role="status" aria-live="polite">
          {check.data &&
            (blockers.length === 0 ? (
              <p className="rule-ok">
                <FormattedMessage id="staff.blockers.none" />
              </p>
            ) : (
              <>
                <p>
                  <FormattedMessage id="staff.blockers.count" values={{ count: blockers.length }} />
                </p>
                <ul className="blockers">
                  {blockers.map((b) => (
                    <li key={`${b.field}-${b.code}`}>
                      <a
                        href={`#${fieldId(FORM, b.field)}`}
                        onClick={(event) => {
                          event.preventDefault();
                          document.getElementById(fieldId(FORM, b.field))?.focus();
                        }}
                      >
                        {b.message[locale]}
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ))}
        </div>
        {Object.keys(errors).length > 0 && (
          <section aria-labelledby="unsaved-title">
            <h3 id="unsaved-title">
              <FormattedMessage id="staff.editor.notSaved" />
            </h3>
            <ul>
              {Object.entries(errors).map(([field, message]) => (
                <li key={field}>
                  <a
                    href={`#${fieldId(FORM, field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      (document.getElementById(fieldId(FORM, field)) ?? document.getElementById(fieldId(FORM, field.split('.')[0])))?.focus();
                    }}
                  >
                    {labels[field.split('.')[0]] ?? field}: {message}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
        <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" onClick={() => setPublishing(true)}>
          <FormattedMessage id="staff.publish.open" />
        </button>
      </aside>

      <ConfirmDialog
        open={publishing}
        title={t('staff.publish.title')}
        confirmLabel={t('staff.publish.confirm')}
        cancelLabel={t('staff.publish.cancel')}
        busy={publish.isPending}
        onConfirm={() => publish.mutate()}
        onCancel={() => setPublishing(false)}
      >
        <p>
          <FormattedMessage id="staff.publish.what" />
        </p>
        <ul>
          <li>
            <FormattedMessage id="staff.publish.whatText" values={{ title: form.title }} />
          </li>
          <li>
            <FormattedMessage
              id="staff.publish.whatDates"
              values={{
                opens: form.opensDate ? f.date(form.opensDate) : '—',
                closes: form.closesDate ? f.date(form.closesDate) : '—',
              }}
            />
          </li>
          <li>
            <FormattedMessage
              id="staff.publish.whatLists"
              values={{ areas: form.budgetAreas.length, criteria: form.criteria.length, annexes: form.annexTypes.length, activities: form.activityIds.length }}
            />
          </li>
        </ul>
        <p>
          <FormattedMessage id="staff.publish.after" />
        </p>
        {blockers.length > 0 && (
          <p className="rule-bad">
            <FormattedMessage id="staff.publish.blocked" values={{ count: blockers.length }} />
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
