/**
 * Small labelled controls of the settlement forms, in the same markup as `forms/errors.tsx`'s TextField
 * (label, hint and error tied by aria-describedby; ids from `fieldId`, so the error summary's links reach them).
 */
import { Fragment } from 'react';
import type { ReactNode } from 'react';
import { fieldId } from '../../forms/errors';

export function SelectField({
  form,
  name,
  label,
  value,
  onChange,
  error,
  children,
  disabled,
}: {
  form: string;
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  children: ReactNode;
  disabled?: boolean;
}) {
  const id = fieldId(form, name);
  return (
    <div className="gov-form-control field">
      <label className="gov-form-label" htmlFor={id}>
        <span className="gov-form-label__label">{label}</span>
      </label>
      {error && (
        <p className="gov-form-message" data-color="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="gov-form-select" data-size="m" data-invalid={error ? '' : undefined}>
        <select
          id={id}
          value={value}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      </div>
    </div>
  );
}

/** A definition list of label → value pairs (the design's `.facts`). */
export function Facts({ items }: { items: [ReactNode, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value], i) => (
        <Fragment key={i}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
