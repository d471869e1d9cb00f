/**
 * Conditions with their penalty (§ 10a odst. 6): a minor condition names its lower levy as a fixed amount, a
 * percentage or a range of percentages. One fieldset per condition, keyboard only, errors at their fields.
 * Used by the call's agreement template and by an agreement's own conditions.
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { fieldId } from '../../forms/errors';
import { emptyCondition } from './conditions';
import type { ConditionDraft, PenaltyKind } from './conditions';

const KINDS: PenaltyKind[] = ['fixed', 'percentage', 'percentage-range'];

export function ConditionsEditor({
  form,
  conditions,
  onChange,
  errors,
  legend,
}: {
  form: string;
  conditions: ConditionDraft[];
  onChange(next: ConditionDraft[]): void;
  errors: Record<string, string>;
  legend: string;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const update = (index: number, change: Partial<ConditionDraft>) => onChange(conditions.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const remove = (index: number) => {
    onChange(conditions.filter((_, i) => i !== index));
    // Focus stays in the list: the previous condition's text, or the add button.
    requestAnimationFrame(() => document.getElementById(index > 0 ? fieldId(form, `conditions.${index - 1}.text`) : `${form}-add-condition`)?.focus());
  };
  const add = () => {
    onChange([...conditions, emptyCondition()]);
    requestAnimationFrame(() => document.getElementById(fieldId(form, `conditions.${conditions.length}.text`))?.focus());
  };
  const input = (index: number, name: 'amount' | 'percent' | 'minPercent' | 'maxPercent', label: string, suffix: string) => {
    const field = `conditions.${index}.penalty.${name}`;
    const id = fieldId(form, field);
    const error = errors[field];
    return (
      <div className="gov-form-control field field--short">
        <label className="gov-form-label" htmlFor={id}>
          <span className="gov-form-label__label">{label}</span>
        </label>
        {error && (
          <p className="gov-form-message" data-color="error" id={`${id}-error`}>
            {error}
          </p>
        )}
        <div className="gov-form-input" data-size="m" data-invalid={error ? '' : undefined}>
          <div className="element">
            <input
              id={id}
              inputMode="decimal"
              value={conditions[index][name]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => update(index, { [name]: e.target.value })}
            />
            <span aria-hidden="true"> {suffix}</span>
          </div>
        </div>
      </div>
    );
  };
  return (
    <fieldset className="conditions">
      <legend>{legend}</legend>
      {conditions.length === 0 && (
        <p>
          <FormattedMessage id="agreements.conditions.none" />
        </p>
      )}
      <ol className="conditions__list">
        {conditions.map((condition, index) => {
          const textField = `conditions.${index}.text`;
          const textId = fieldId(form, textField);
          const textError = errors[textField];
          const penaltyError = errors[`conditions[${index}].penalty`];
          return (
            <li key={condition.key}>
              <fieldset className="condition">
                <legend>
                  <FormattedMessage id="agreements.conditions.item" values={{ number: index + 1 }} />
                </legend>
                <div className="gov-form-control field">
                  <label className="gov-form-label" htmlFor={textId}>
                    <span className="gov-form-label__label">{t('agreements.conditions.text', { number: index + 1 })}</span>
                  </label>
                  {textError && (
                    <p className="gov-form-message" data-color="error" id={`${textId}-error`}>
                      {textError}
                    </p>
                  )}
                  <textarea
                    id={textId}
                    rows={2}
                    value={condition.text}
                    aria-invalid={textError ? true : undefined}
                    aria-describedby={textError ? `${textId}-error` : undefined}
                    onChange={(e) => update(index, { text: e.target.value })}
                  />
                </div>
                <label className="checkbox-row">
                  <input id={`${textId}-minor`} type="checkbox" checked={condition.minor} onChange={(e) => update(index, { minor: e.target.checked })} />{' '}
                  {t('agreements.conditions.minor', { number: index + 1 })}
                </label>
                {condition.minor && (
                  <fieldset className="penalty" id={fieldId(form, `conditions[${index}].penalty`)} tabIndex={-1}>
                    <legend>{t('agreements.conditions.penalty', { number: index + 1 })}</legend>
                    {penaltyError && (
                      <p className="gov-form-message" data-color="error">
                        {penaltyError}
                      </p>
                    )}
                    {KINDS.map((kind) => (
                      <label className="checkbox-row" key={kind}>
                        <input type="radio" name={`${textId}-kind`} checked={condition.kind === kind} onChange={() => update(index, { kind })} />{' '}
                        {t(`agreements.penalty.kind.${kind}`)}
                      </label>
                    ))}
                    {condition.kind === 'fixed' && input(index, 'amount', t('agreements.penalty.amount', { number: index + 1 }), 'Kč')}
                    {condition.kind === 'percentage' && input(index, 'percent', t('agreements.penalty.percent', { number: index + 1 }), '%')}
                    {condition.kind === 'percentage-range' && (
                      <div className="inline-fields">
                        {input(index, 'minPercent', t('agreements.penalty.minPercent', { number: index + 1 }), '%')}
                        {input(index, 'maxPercent', t('agreements.penalty.maxPercent', { number: index + 1 }), '%')}
                      </div>
                    )}
                  </fieldset>
                )}
                <button type="button" className="gov-button" data-type="link" data-color="primary" data-size="s" onClick={() => remove(index)}>
                  {t('agreements.conditions.remove', { number: index + 1 })}
                </button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button id={`${form}-add-condition`} type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={add}>
        <FormattedMessage id="agreements.conditions.add" />
      </button>
    </fieldset>
  );
}
