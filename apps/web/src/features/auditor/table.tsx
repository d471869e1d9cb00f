/**
 * The auditor's tables and page frame, written once: a table that scrolls sideways inside a named, focusable
 * region on a narrow screen, the money kinds as header cells and as amount cells with decorative bars, the
 * pagination of a long list, and the frame every auditor page shares (only the auditor role gets in).
 */
import { Link } from '@tanstack/react-router';
import type { ComponentType, ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { RequireRole } from '../../app/require-role';
import { Amount, KindName } from './components';
import { routerSearch } from './filters';
import type { UrlSearch } from './filters';
import { KINDS } from './types';

/** A page of the auditor's area: the view, for auditors only. */
export function auditorPage(View: ComponentType): ComponentType {
  return function AuditorPage() {
    return (
      <RequireRole roles={['auditor']}>
        <View />
      </RequireRole>
    );
  };
}

/** A column: a message id (or any label), right-aligned when it holds numbers. */
export type Column = string | { label: ReactNode; key: string; num?: boolean } | { id: string; num: true };

function HeaderCell({ column }: { column: Column }) {
  const [key, label, num] =
    typeof column === 'string'
      ? [column, <FormattedMessage id={column} />, false]
      : 'id' in column
        ? [column.id, <FormattedMessage id={column.id} />, true]
        : [column.key, column.label, !!column.num];
  return (
    <th scope="col" className={num ? 'num' : undefined} data-column={key}>
      {label}
    </th>
  );
}

/**
 * A data table in a region named by `labelledBy` (a heading's id); the table is named by its visually hidden caption
 * when given, else by the same heading. The money kinds follow the columns when `kinds`.
 */
export function DataTable({
  labelledBy,
  caption,
  columns,
  kinds = false,
  className,
  children,
}: {
  labelledBy: string;
  caption?: string;
  columns: readonly Column[];
  kinds?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className={className ? `data ${className}` : 'data'} aria-labelledby={caption ? undefined : labelledBy}>
        {caption && (
          <caption className="visually-hidden">
            <FormattedMessage id={caption} />
          </caption>
        )}
        <thead>
          <tr>
            {columns.map((c) => (
              <HeaderCell key={typeof c === 'string' ? c : 'id' in c ? c.id : c.key} column={c} />
            ))}
            {kinds &&
              KINDS.map((k) => (
                <th scope="col" className="num" key={k}>
                  <KindName kind={k} />
                </th>
              ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** Each money kind's amount (as text, the bar only for the eye), in the order of `DataTable`'s kind columns. */
export function KindCells({ amounts, largest }: { amounts: Partial<Record<string, string>>; largest: bigint }) {
  return (
    <>
      {KINDS.map((k) => (
        <td className="num" key={k}>
          <Amount amount={amounts[k] ?? '0.00'} largest={largest} kind={k} />
        </td>
      ))}
    </>
  );
}

/** Previous / "page n of m" / next, as links to the same view with another page in its URL. */
export function Pagination({
  page,
  pages,
  to,
  params,
  searchOf,
}: {
  page: number;
  pages: number;
  to: string;
  params?: Record<string, string>;
  searchOf: (page: number) => UrlSearch;
}) {
  const intl = useIntl();
  if (pages <= 1) return null;
  const link = (target: number, label: string) => (
    <li>
      <Link to={to as never} params={params as never} search={routerSearch(searchOf(target)) as never}>
        <FormattedMessage id={label} />
      </Link>
    </li>
  );
  return (
    <nav aria-label={intl.formatMessage({ id: 'auditor.pagination' })}>
      <ul className="pagination">
        {page > 1 && link(page - 1, 'auditor.previous')}
        <li>
          <FormattedMessage id="auditor.pageOf" values={{ page, pages }} />
        </li>
        {page < pages && link(page + 1, 'auditor.next')}
      </ul>
    </nav>
  );
}
