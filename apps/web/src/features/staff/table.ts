/**
 * The staff's table of a call's applications: search, filter, sort and pages over the call's applications,
 * all loaded once (the list API pages and searches, but does not sort), so every change answers at once.
 */
import { compareMoney } from '../applicant/budget';
import type { ApplicationRow, ApplicationStatus } from './types';

export const SORT_KEYS = ['number', 'applicant', 'title', 'area', 'requested', 'status', 'submitted'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TableQuery {
  search: string;
  status: ApplicationStatus | '';
  area: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const DEFAULT_QUERY: TableQuery = { search: '', status: '', area: '', sort: 'number', direction: 'asc', page: 1, pageSize: 50 };

const collator = new Intl.Collator('cs', { sensitivity: 'base', numeric: true });

/** Lower case without diacritics, so "zivot" finds "Život". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

const STATUS_ORDER: Record<ApplicationStatus, number> = { submitted: 0, remedy_requested: 1, accepted: 2, excluded: 3, withdrawn: 4, draft: 5 };

function compare(a: ApplicationRow, b: ApplicationRow, key: SortKey): number {
  switch (key) {
    case 'number':
      return collator.compare(a.number, b.number);
    case 'applicant':
      return collator.compare(a.organisation.name, b.organisation.name);
    case 'title':
      return collator.compare(a.title ?? '', b.title ?? '');
    case 'area':
      return collator.compare(a.budgetAreaCode ?? '', b.budgetAreaCode ?? '');
    case 'requested':
      return compareMoney(a.requestedAmount ?? '0', b.requestedAmount ?? '0');
    case 'status':
      return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'submitted':
      return (a.lastSubmittedAt ?? '').localeCompare(b.lastSubmittedAt ?? '');
  }
}

export interface TableView {
  /** The rows of the current page. */
  rows: ApplicationRow[];
  /** Every row that passes the search and filters, in order (for "select all matching"). */
  matching: ApplicationRow[];
  total: number;
  pages: number;
  page: number;
}

/** Filters, sorts (ties by number, so the order is stable) and cuts the page. */
export function applyQuery(all: readonly ApplicationRow[], query: TableQuery, searchIndex?: Map<string, string>): TableView {
  const needle = fold(query.search.trim());
  const haystack = (row: ApplicationRow) => searchIndex?.get(row.id) ?? searchText(row);
  const matching = all.filter(
    (row) => (!query.status || row.status === query.status) && (!query.area || row.budgetAreaCode === query.area) && (!needle || haystack(row).includes(needle)),
  );
  const sign = query.direction === 'asc' ? 1 : -1;
  matching.sort((a, b) => sign * compare(a, b, query.sort) || collator.compare(a.number, b.number));
  const pages = Math.max(1, Math.ceil(matching.length / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  return { rows: matching.slice((page - 1) * query.pageSize, page * query.pageSize), matching, total: matching.length, pages, page };
}

/** What the search looks in: number, project title, applicant's name and IČO. */
export const searchText = (row: ApplicationRow) => fold(`${row.number} ${row.title ?? ''} ${row.organisation.name} ${row.organisation.ico}`);

/** Built once per load, so typing in the search box does not fold a thousand rows again on every key. */
export const buildSearchIndex = (rows: readonly ApplicationRow[]) => new Map(rows.map((row) => [row.id, searchText(row)]));

/** Counts by status (for the filter's options and the call's overview). */
export function countByStatus(rows: readonly ApplicationRow[]): Partial<Record<ApplicationStatus, number>> {
  const counts: Partial<Record<ApplicationStatus, number>> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}
