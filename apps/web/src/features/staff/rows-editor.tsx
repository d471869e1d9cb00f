/**
 * A small table of rows to add, change and remove (budget areas, criteria, annex types, cost categories):
 * every input labelled by its column and row ("Kód 2"), native controls only, so the keyboard works as usual.
 */
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { fieldId } from '../../forms/errors';

export interface Column<T> {
  key: keyof T & string;
  label: string;
  kind?: 'text' | 'number' | 'checkbox' | 'textarea' | 'formats';
  /** For kind 'formats': the choices. */
  options?: readonly string[];
  width?: string;
}

export function RowsEditor<T extends object>({
  form,
  name,
  caption,
  columns,
  rows,
  onChange,
  empty,
  error,
  readOnly = false,
}: {
  form: string;
  name: string;
  caption: string;
  columns: Column<T>[];
  rows: T[];
  onChange(rows: T[]): void;
  empty: T;
  error?: string;
  readOnly?: boolean;
}) {
  const intl = useIntl();
  const set = (index: number, key: keyof T, value: unknown) => onChange(rows.map((row, i) => (i === index ? { ...row, [key]: value } : row)));
  const cell = (row: T, index: number, column: Column<T>): ReactNode => {
    const label = `${column.label} ${index + 1}`;
    const id = fieldId(form, `${name}.${index}.${column.key}`);
    const value = row[column.key] as unknown;
    if (column.kind === 'checkbox')
      return <input id={id} type="checkbox" aria-label={label} checked={Boolean(value)} disabled={readOnly} onChange={(e) => set(index, column.key, e.target.checked)} />;
    if (column.kind === 'textarea')
      return (
        <textarea
          id={id}
          aria-label={label}
          value={String((value as string | number | undefined) ?? '')}
          readOnly={readOnly}
          rows={2}
          onChange={(e) => set(index, column.key, e.target.value)}
        />
      );
    if (column.kind === 'formats') {
      const chosen = (value as string[] | undefined) ?? [];
      return (
        <fieldset className="inline-options">
          <legend className="visually-hidden">{label}</legend>
          {column.options?.map((option) => (
            <label key={option}>
              <input
                type="checkbox"
                disabled={readOnly}
                checked={chosen.includes(option)}
                onChange={(e) => set(index, column.key, e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))}
              />{' '}
              {option}
            </label>
          ))}
        </fieldset>
      );
    }
    return (
      <input
        id={id}
        type="text"
        inputMode={column.kind === 'number' ? 'decimal' : undefined}
        aria-label={label}
        value={String((value as string | number | undefined) ?? '')}
        readOnly={readOnly}
        onChange={(e) => set(index, column.key, e.target.value)}
      />
    );
  };
  return (
    <div className="rows-editor" id={fieldId(form, name)} tabIndex={-1}>
      {error && (
        <p className="gov-form-message" data-color="error" id={`${fieldId(form, name)}-error`}>
          {error}
        </p>
      )}
      <div className="table-wrap">
        <table className="data">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" style={column.width ? { width: column.width } : undefined}>
                  {column.label}
                </th>
              ))}
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage id="staff.rows.actions" />
                  </span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length + 1}>
                  <FormattedMessage id="staff.rows.empty" />
                </td>
              </tr>
            )}
            {rows.map((row, index) => (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.key}>{cell(row, index, column)}</td>
                ))}
                {!readOnly && (
                  <td>
                    <button type="button" className="link-like" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                      {intl.formatMessage({ id: 'staff.rows.remove' }, { what: `${caption} ${index + 1}` })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && (
        <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" onClick={() => onChange([...rows, { ...empty }])}>
          {intl.formatMessage({ id: 'staff.rows.add' }, { what: caption })}
        </button>
      )}
    </div>
  );
}
