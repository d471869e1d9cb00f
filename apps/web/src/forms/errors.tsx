/**
 * The portal's ONE way to show errors. A failed submit fills `useFormErrors` from the API's problem+json
 * (field errors go next to their fields, tied by aria-describedby; the rest is a general message), and
 * <ErrorSummary> at the top of the form takes focus and links to each field.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { NetworkError, ProblemError } from '../api/errors';

export interface FormErrors {
  /** field name (as the API names it) → message in the user's language */
  fields: Record<string, string>;
  /** a message that belongs to no field */
  general: string | null;
}

const NONE: FormErrors = { fields: {}, general: null };

export const fieldId = (form: string, field: string) => `${form}-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function useFormErrors(form: string) {
  const intl = useIntl();
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const [version, setVersion] = useState(0);
  /** Reads any error of a submit: the API's problem, a lost connection (input is kept) or a bug. */
  const fromError = useCallback(
    (error: unknown, known: readonly string[] = []) => {
      if (error instanceof ProblemError) {
        const fields: Record<string, string> = {};
        const stray: string[] = [];
        for (const problem of error.fieldErrors) {
          if (known.length === 0 || known.includes(problem.field)) fields[problem.field] ??= problem.message;
          else stray.push(problem.message);
        }
        const general = Object.keys(fields).length === 0 ? error.message : stray.length > 0 ? stray.join(' ') : null;
        setErrors({ fields, general });
      } else if (error instanceof NetworkError) {
        setErrors({ fields: {}, general: intl.formatMessage({ id: 'common.error.network' }) });
      } else {
        setErrors({ fields: {}, general: intl.formatMessage({ id: 'common.error.unexpected' }) });
      }
      setVersion((v) => v + 1);
    },
    [intl],
  );
  const setFieldErrors = useCallback((fields: Record<string, string>) => {
    setErrors({ fields, general: null });
    setVersion((v) => v + 1);
  }, []);
  const clear = useCallback(() => setErrors(NONE), []);
  const hasErrors = errors.general !== null || Object.keys(errors.fields).length > 0;
  return { form, errors, version, hasErrors, fromError, setFieldErrors, clear };
}

/** At the top of a form: takes focus after a failed submit; each link moves focus to its field. */
export function ErrorSummary({ form, errors, version, labels }: { form: string; errors: FormErrors; version: number; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors.fields);
  const visible = errors.general !== null || entries.length > 0;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, version]);
  if (!visible) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${form}-error-summary-title`}>
      <h2 id={`${form}-error-summary-title`} className="error-summary__title">
        <FormattedMessage id="common.error.summaryTitle" />
      </h2>
      {errors.general && <p>{errors.general}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <a
                href={`#${fieldId(form, field)}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(fieldId(form, field))?.focus();
                }}
              >
                {labels[field] ? `${labels[field]}: ${message}` : message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The ids a control names in `aria-describedby`: its hint and its error, when shown. */
export function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** One field in the design system's look: the label, the hint and the error around the control (`children`). */
export function FieldFrame({ id, label, hint, error, children }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="gov-form-control field">
      <label className="gov-form-label" htmlFor={id}>
        <span className="gov-form-label__label">{label}</span>
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="gov-form-message" data-color="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

interface FieldProps {
  form: string;
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
}

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'onChange' | 'value' | 'form'>;

/** A labelled input, with its hint and error tied by aria-describedby. */
export function TextField({ form, name, label, value, onChange, error, hint, ...input }: TextFieldProps) {
  const id = fieldId(form, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <div className="gov-form-input" data-size="m" data-invalid={error ? '' : undefined}>
        <div className="element">
          <input
            {...input}
            id={id}
            name={name}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error)}
            onChange={(event) => onChange(event.target.value)}
          />
        </div>
      </div>
    </FieldFrame>
  );
}

type TextAreaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'onChange' | 'value' | 'form'>;

/** A labelled textarea, with its hint and error tied by aria-describedby. */
export function TextAreaField({ form, name, label, value, onChange, error, hint, ...textarea }: TextAreaFieldProps) {
  const id = fieldId(form, name);
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        {...textarea}
        id={id}
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      />
    </FieldFrame>
  );
}
