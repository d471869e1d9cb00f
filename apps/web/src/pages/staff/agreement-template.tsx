/**
 * The call's agreement template (POST /calls/{id}/agreement-templates makes a new version): the conditions every
 * agreement of the call will carry — minor ones with their penalty (§ 10a odst. 6: a fixed amount, a percentage or
 * a range of percentages) — and the duties on transformation or winding-up. Saved explicitly; each save is a new
 * numbered version, so nothing is overwritten.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { parseMoneyInput } from '../../lib/format';
import { ConditionsEditor } from '../../features/agreements/conditions-editor';
import { conditionDraft, conditionInput, missingPenaltyField } from '../../features/agreements/conditions';
import type { ConditionDraft } from '../../features/agreements/conditions';
import type { Template } from '../../features/agreements/api';
import '../../features/agreements/agreements.css';

const FORM = 'template';
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function AgreementTemplate({ callId }: { callId: string }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FORM);
  const template = useQuery({
    queryKey: ['staff-template', callId],
    queryFn: async () => {
      try {
        return await call<Template>(api.GET('/api/v1/calls/{callId}/agreement-template', { params: { path: { callId } } }));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }
    },
  });
  const [conditions, setConditions] = useState<ConditionDraft[]>([]);
  const [duties, setDuties] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    if (!template.data) return;
    setConditions(template.data.conditions.map(conditionDraft));
    setDuties(template.data.transformationDuties.join('\n'));
  }, [template.data]);
  const save = useMutation({
    mutationFn: () =>
      call<Template>(
        api.POST('/api/v1/calls/{callId}/agreement-templates', {
          params: { path: { callId } },
          body: { conditions: conditions.map((c) => conditionInput(c, parseMoneyInput)), transformationDuties: lines(duties) },
        }),
      ),
    onSuccess: (view) => {
      errors.clear();
      setSaved(view.version);
      queryClient.setQueryData(['staff-template', callId], view);
    },
    onError: (error) => errors.fromError(error),
  });
  const submit = () => {
    const missing: Record<string, string> = {};
    conditions.forEach((c, i) => {
      if (c.text.trim().length < 5) missing[`conditions.${i}.text`] = intl.formatMessage({ id: 'agreements.error.conditionText' });
      const field = missingPenaltyField(c);
      if (field) missing[`conditions.${i}.penalty.${field}`] = intl.formatMessage({ id: 'agreements.error.penaltyMissing' });
    });
    if (Object.keys(missing).length > 0) {
      setSaved(null);
      errors.setFieldErrors(missing);
      return;
    }
    save.mutate();
  };
  const dutiesId = fieldId(FORM, 'transformationDuties');
  return (
    <fieldset>
      <legend>
        <FormattedMessage id="staff.template.title" />
      </legend>
      <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={{}} />
      <p>{template.data ? <FormattedMessage id="staff.template.version" values={{ version: template.data.version }} /> : <FormattedMessage id="staff.template.none" />}</p>
      <ConditionsEditor
        form={FORM}
        conditions={conditions}
        onChange={setConditions}
        errors={errors.errors.fields}
        legend={intl.formatMessage({ id: 'staff.template.conditions' })}
      />
      <div className="field">
        <label className="gov-form-label" htmlFor={dutiesId}>
          <FormattedMessage id="staff.template.duties" />
        </label>
        <p className="field__hint" id={`${dutiesId}-hint`}>
          <FormattedMessage id="staff.template.onePerLine" />
        </p>
        <textarea id={dutiesId} aria-describedby={`${dutiesId}-hint`} rows={5} value={duties} onChange={(e) => setDuties(e.target.value)} />
      </div>
      <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" disabled={save.isPending} onClick={submit}>
        <FormattedMessage id="staff.template.save" />
      </button>
      <p role="status">{saved !== null && <FormattedMessage id="staff.template.saved" values={{ version: saved }} />}</p>
    </fieldset>
  );
}
