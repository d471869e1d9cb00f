/**
 * The call's agreement template (POST /calls/{id}/agreement-templates makes a new version): the conditions the
 * agreements will carry, one per line, and the duties on transformation or winding-up. Saved explicitly; each
 * save is a new numbered version, so nothing is overwritten.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import type { components } from '../../api/schema';

type Template = components['schemas']['AgreementTemplateResponse'];
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
  const [conditions, setConditions] = useState('');
  const [duties, setDuties] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  useEffect(() => {
    if (!template.data) return;
    setConditions(template.data.conditions.map((c) => c.text).join('\n'));
    setDuties(template.data.transformationDuties.join('\n'));
  }, [template.data]);
  const save = useMutation({
    mutationFn: () =>
      call<Template>(
        api.POST('/api/v1/calls/{callId}/agreement-templates', {
          params: { path: { callId } },
          body: { conditions: lines(conditions).map((text) => ({ text, minor: false })), transformationDuties: lines(duties) },
        }),
      ),
    onSuccess: (view) => {
      errors.clear();
      setSaved(view.version);
      queryClient.setQueryData(['staff-template', callId], view);
    },
    onError: (error) => errors.fromError(error),
  });
  const area = (name: 'conditions' | 'duties', label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label className="gov-form-label" htmlFor={fieldId(FORM, name)}>
        {label}
      </label>
      <p className="field__hint" id={`${fieldId(FORM, name)}-hint`}>
        <FormattedMessage id="staff.template.onePerLine" />
      </p>
      <textarea id={fieldId(FORM, name)} aria-describedby={`${fieldId(FORM, name)}-hint`} rows={5} value={value} onChange={(e) => set(e.target.value)} />
    </div>
  );
  return (
    <fieldset>
      <legend>
        <FormattedMessage id="staff.template.title" />
      </legend>
      <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={{}} />
      <p>{template.data ? <FormattedMessage id="staff.template.version" values={{ version: template.data.version }} /> : <FormattedMessage id="staff.template.none" />}</p>
      {area('conditions', intl.formatMessage({ id: 'staff.template.conditions' }), conditions, setConditions)}
      {area('duties', intl.formatMessage({ id: 'staff.template.duties' }), duties, setDuties)}
      <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" disabled={save.isPending} onClick={() => save.mutate()}>
        <FormattedMessage id="staff.template.save" />
      </button>
      <p role="status">{saved !== null && <FormattedMessage id="staff.template.saved" values={{ version: saved }} />}</p>
    </fieldset>
  );
}
