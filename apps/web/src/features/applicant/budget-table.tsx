/**
 * The budget table: one row per cost line (category, description, unit, count, unit price, co-financing),
 * totals live against the call's minimum and maximum grant and co-financing share. Keyboard first: Tab moves
 * along a row, ↑/↓ move within a column, "Přidat položku" focuses the new row; rows can be pasted from a
 * spreadsheet (tab-separated). Amounts are typed the Czech way or the international way and kept exact.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { parseMoneyInput } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { BUDGET_COLUMNS, budgetTotals, compareMoney, parseCountInput, parsePastedRows, withTotals } from './budget';
import type { BudgetColumn, BudgetLine } from './budget';

export interface BudgetLimits {
  minGrant: string | null;
  maxGrant: string | null;
  coFinancingMinPercent: string;
}

interface Props {
  lines: BudgetLine[];
  categories: { code: string; name: string }[];
  limits: BudgetLimits;
  onChange(lines: BudgetLine[]): void;
  readOnly?: boolean;
  /** API field errors by path (`budgetLines.2.category`) */
  errors?: Record<string, string>;
}

let nextKey = 0;
const newKey = () => `line-${++nextKey}`;
const cellId = (row: number, column: BudgetColumn) => `budget-${row}-${column}`;
const percentBp = (value: string) => {
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
};

const NO_ERRORS: Record<string, string> = {};

export function BudgetTable({ lines, categories, limits, onChange, readOnly = false, errors = NO_ERRORS }: Props) {
  const intl = useIntl();
  const f = useFormat();
  const keys = useRef<string[]>([]);
  while (keys.current.length < lines.length) keys.current.push(newKey());
  keys.current.length = lines.length;
  const latest = useRef(lines);
  latest.current = lines;
  const [announcement, setAnnouncement] = useState('');
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    // The new row may arrive in a later render (the lines come back through the application's state): keep the
    // target until it exists, else a slow update loses the focus the keyboard user was promised.
    const target = focusAfter.current ? document.getElementById(focusAfter.current) : null;
    if (target) {
      target.focus();
      focusAfter.current = null;
    }
  });

  const updateLine = useCallback(
    (index: number, patch: Partial<BudgetLine>) => {
      const next = latest.current.slice();
      next[index] = withTotals({ ...next[index], ...patch });
      onChange(next);
    },
    [onChange],
  );

  const removeLine = useCallback(
    (index: number) => {
      const next = latest.current.filter((_, i) => i !== index);
      keys.current.splice(index, 1);
      focusAfter.current = next.length > 0 ? cellId(Math.min(index, next.length - 1), 'category') : 'budget-add';
      setAnnouncement(intl.formatMessage({ id: 'applicant.budget.removed' }, { number: index + 1 }));
      onChange(next);
    },
    [intl, onChange],
  );

  const pasteRows = useCallback(
    (index: number, text: string) => {
      const pasted = parsePastedRows(text, categories, parseMoneyInput);
      const next = latest.current.slice();
      next.splice(index, pasted.length, ...pasted);
      setAnnouncement(intl.formatMessage({ id: 'applicant.budget.pasted' }, { count: pasted.length }));
      onChange(next);
    },
    [categories, intl, onChange],
  );

  const addLine = () => {
    focusAfter.current = cellId(lines.length, 'category');
    onChange([...lines, {}]);
  };

  const totals = budgetTotals(lines);
  const requestedOk = {
    min: !limits.minGrant || compareMoney(totals.requested, limits.minGrant) >= 0,
    max: !limits.maxGrant || compareMoney(totals.requested, limits.maxGrant) <= 0,
  };
  const coFinancingOk = totals.coFinancingPercent === null || percentBp(totals.coFinancingPercent) >= percentBp(limits.coFinancingMinPercent);
  const headers = useMemo<Record<BudgetColumn, string>>(
    () => Object.fromEntries(BUDGET_COLUMNS.map((column) => [column, intl.formatMessage({ id: `applicant.budget.${column}` })])) as Record<BudgetColumn, string>,
    [intl],
  );

  return (
    <div className="budget">
      <p className="field__hint" id="budget-help">
        <FormattedMessage id="applicant.budget.help" />
      </p>
      <div className="table-wrap">
        <table className="data budget-table" aria-describedby="budget-help">
          <caption className="visually-hidden">
            <FormattedMessage id="applicant.budget.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {BUDGET_COLUMNS.map((column) => (
                <th scope="col" key={column} className={column === 'count' || column === 'unitPrice' || column === 'otherSources' ? 'num' : undefined}>
                  {headers[column]}
                </th>
              ))}
              <th scope="col" className="num">
                <FormattedMessage id="applicant.budget.totalCost" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="applicant.budget.requested" />
              </th>
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage id="applicant.budget.actions" />
                  </span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {lines.map((line, index) => (
              <BudgetRow
                key={keys.current[index]}
                index={index}
                line={line}
                last={index === lines.length - 1}
                categories={categories}
                headers={headers}
                readOnly={readOnly}
                errors={errors}
                onLine={updateLine}
                onRemove={removeLine}
                onPaste={pasteRows}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                <FormattedMessage id="applicant.budget.totals" />
              </th>
              <td className="num" data-testid="budget-other-total">
                {f.money(totals.otherSources)}
              </td>
              <td className="num">{f.money(totals.totalCost)}</td>
              <td className="num">{f.money(totals.requested)}</td>
              {!readOnly && <td />}
            </tr>
          </tfoot>
        </table>
      </div>
      {!readOnly && (
        <div className="actions">
          <button type="button" id="budget-add" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={addLine}>
            <FormattedMessage id="applicant.budget.add" />
          </button>
        </div>
      )}
      <dl className="facts budget-summary" aria-live="polite">
        <dt>
          <FormattedMessage id="applicant.budget.requestedTotal" />
        </dt>
        <dd>
          {f.money(totals.requested)}{' '}
          {!requestedOk.min && limits.minGrant && (
            <strong className="text-error">
              <FormattedMessage id="applicant.budget.belowMin" values={{ amount: f.money(limits.minGrant) }} />
            </strong>
          )}
          {!requestedOk.max && limits.maxGrant && (
            <strong className="text-error">
              <FormattedMessage id="applicant.budget.aboveMax" values={{ amount: f.money(limits.maxGrant) }} />
            </strong>
          )}
        </dd>
        <dt>
          <FormattedMessage id="applicant.budget.limits" />
        </dt>
        <dd>
          {limits.minGrant ? f.money(limits.minGrant) : '—'} – {limits.maxGrant ? f.money(limits.maxGrant) : '—'}
        </dd>
        <dt>
          <FormattedMessage id="applicant.budget.coFinancing" />
        </dt>
        <dd>
          {totals.coFinancingPercent === null ? '—' : `${intl.formatNumber(Number(totals.coFinancingPercent), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`}{' '}
          <FormattedMessage id="applicant.budget.coFinancingMin" values={{ percent: limits.coFinancingMinPercent.replace('.', intl.locale.startsWith('cs') ? ',' : '.') }} />
          {!coFinancingOk && (
            <strong className="text-error">
              {' '}
              <FormattedMessage id="applicant.budget.coFinancingLow" />
            </strong>
          )}
        </dd>
      </dl>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

interface RowProps {
  index: number;
  line: BudgetLine;
  last: boolean;
  categories: { code: string; name: string }[];
  headers: Record<BudgetColumn, string>;
  readOnly: boolean;
  errors: Record<string, string>;
  onLine(index: number, patch: Partial<BudgetLine>): void;
  onRemove(index: number): void;
  onPaste(index: number, text: string): void;
}

/** ↑/↓ move to the same column in the row above/below, as in a spreadsheet. */
function moveVertically(event: KeyboardEvent<HTMLElement>, row: number, column: BudgetColumn): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const target = event.key === 'ArrowDown' ? row + 1 : event.key === 'ArrowUp' ? row - 1 : null;
  if (target === null) return;
  const cell = document.getElementById(cellId(target, column));
  if (cell) {
    event.preventDefault();
    cell.focus();
  }
}

const BudgetRow = memo(function BudgetRow({ index, line, categories, headers, readOnly, errors, onLine, onRemove, onPaste }: RowProps) {
  const intl = useIntl();
  const f = useFormat();
  const number = index + 1;
  const label = (column: BudgetColumn) => intl.formatMessage({ id: 'applicant.budget.cellLabel' }, { column: headers[column], number });
  const error = (column: BudgetColumn) =>
    errors[`budgetLines.${index}.${column}`] ?? (column === 'unitPrice' || column === 'count' ? errors[`budgetLines.${index}.totalCost`] : undefined);

  const paste = (event: ClipboardEvent<HTMLElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !text.trim().includes('\n')) return; // an ordinary paste into one cell
    event.preventDefault();
    onPaste(index, text);
  };

  if (readOnly) {
    return (
      <tr>
        <th scope="row">{number}</th>
        <td>{categories.find((c) => c.code === line.category)?.name ?? line.category ?? '—'}</td>
        <td>{line.description ?? '—'}</td>
        <td>{line.unit ?? '—'}</td>
        <td className="num">{line.count ? intl.formatNumber(Number(line.count)) : '—'}</td>
        <td className="num">{line.unitPrice ? f.money(line.unitPrice) : '—'}</td>
        <td className="num">{line.otherSources ? f.money(line.otherSources) : '—'}</td>
        <td className="num">{line.totalCost ? f.money(line.totalCost) : '—'}</td>
        <td className="num">{line.requested ? f.money(line.requested) : '—'}</td>
      </tr>
    );
  }

  return (
    <tr>
      <th scope="row">{number}</th>
      <td>
        <select
          id={cellId(index, 'category')}
          className="budget-cell"
          aria-label={label('category')}
          aria-invalid={error('category') ? true : undefined}
          aria-describedby={error('category') ? `${cellId(index, 'category')}-error` : undefined}
          value={line.category ?? ''}
          onChange={(event) => onLine(index, { category: event.target.value || undefined })}
          onPaste={paste}
        >
          <option value="">{intl.formatMessage({ id: 'applicant.budget.chooseCategory' })}</option>
          {categories.map((category) => (
            <option key={category.code} value={category.code}>
              {category.name}
            </option>
          ))}
        </select>
        <CellError id={`${cellId(index, 'category')}-error`} message={error('category')} />
      </td>
      <TextCell
        index={index}
        column="description"
        label={label('description')}
        value={line.description ?? ''}
        error={error('description')}
        onValue={(value) => onLine(index, { description: value || undefined })}
        onPaste={paste}
      />
      <TextCell
        index={index}
        column="unit"
        label={label('unit')}
        value={line.unit ?? ''}
        error={error('unit')}
        onValue={(value) => onLine(index, { unit: value || undefined })}
        onPaste={paste}
      />
      <NumberCell
        index={index}
        column="count"
        label={label('count')}
        value={line.count}
        display={(v) => intl.formatNumber(Number(v), { maximumFractionDigits: 2 })}
        parse={parseCountInput}
        error={error('count')}
        onValue={(count) => onLine(index, { count })}
        onPaste={paste}
      />
      <NumberCell
        index={index}
        column="unitPrice"
        label={label('unitPrice')}
        value={line.unitPrice}
        display={f.amount}
        parse={parseMoneyInput}
        error={error('unitPrice')}
        onValue={(unitPrice) => onLine(index, { unitPrice })}
        onPaste={paste}
      />
      <NumberCell
        index={index}
        column="otherSources"
        label={label('otherSources')}
        value={line.otherSources}
        display={f.amount}
        parse={parseMoneyInput}
        error={error('otherSources')}
        onValue={(otherSources) => onLine(index, { otherSources })}
        onPaste={paste}
      />
      <td className="num">{line.totalCost ? f.money(line.totalCost) : '—'}</td>
      <td className="num">{line.requested ? f.money(line.requested) : '—'}</td>
      <td>
        <button type="button" className="gov-button" data-type="link" data-color="primary" data-size="s" onClick={() => onRemove(index)}>
          <FormattedMessage id="applicant.budget.remove" values={{ number }} />
        </button>
      </td>
    </tr>
  );
});

function CellError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="gov-form-message" data-color="error" id={id}>
      {message}
    </p>
  );
}

function TextCell({
  index,
  column,
  label,
  value,
  error,
  onValue,
  onPaste,
}: {
  index: number;
  column: BudgetColumn;
  label: string;
  value: string;
  error?: string;
  onValue(value: string): void;
  onPaste(event: ClipboardEvent<HTMLElement>): void;
}) {
  const id = cellId(index, column);
  return (
    <td>
      <input
        id={id}
        className="budget-cell"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        onKeyDown={(event) => moveVertically(event, index, column)}
        onPaste={onPaste}
      />
      <CellError id={`${id}-error`} message={error} />
    </td>
  );
}

/** A number typed as text: kept as typed while focused, parsed on every keystroke, shown formatted otherwise. */
function NumberCell({
  index,
  column,
  label,
  value,
  display,
  parse,
  error,
  onValue,
  onPaste,
}: {
  index: number;
  column: BudgetColumn;
  label: string;
  value: string | undefined;
  display(value: string): string;
  parse(text: string): string | null;
  error?: string;
  onValue(value: string | undefined): void;
  onPaste(event: ClipboardEvent<HTMLElement>): void;
}) {
  const intl = useIntl();
  const id = cellId(index, column);
  const [text, setText] = useState<string | null>(null);
  const invalid = text !== null && text.trim() !== '' && parse(text) === null;
  const message = invalid ? intl.formatMessage({ id: column === 'count' ? 'applicant.budget.notCount' : 'applicant.budget.notAmount' }) : error;
  return (
    <td className="num">
      <input
        id={id}
        className="budget-cell budget-cell--num"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        value={text ?? (value ? display(value) : '')}
        onFocus={() => setText(value ? display(value) : '')}
        onBlur={() => {
          if (!invalid) setText(null);
        }}
        onChange={(event) => {
          setText(event.target.value);
          const parsed = parse(event.target.value);
          if (parsed !== null || event.target.value.trim() === '') onValue(parsed ?? undefined);
        }}
        onKeyDown={(event) => moveVertically(event, index, column)}
        onPaste={onPaste}
      />
      <CellError id={`${id}-error`} message={message} />
    </td>
  );
}
