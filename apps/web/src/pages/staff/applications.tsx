/**
 * /sprava/vyzvy/<id>/zadosti: the call's applications. All of them load once (in pages of 200), then search,
 * filters, sorting and pages answer at once in the browser (1 000 rows are nothing to sort); the CSV export is
 * the API's, with the same filters. Rows can be selected (also "all matching") for bulk acceptance in the
 * formal check, which reports per application what was done.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadFile } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { applicationsKey, useCallApplications, useStaffCall } from '../../features/staff/api';
import { acceptWithoutFindings } from '../../features/staff/bulk';
import type { BulkReportRow } from '../../features/staff/bulk';
import { DEFAULT_QUERY, SORT_KEYS, applyQuery, buildSearchIndex, countByStatus } from '../../features/staff/table';
import type { SortKey, TableQuery } from '../../features/staff/table';
import { APPLICATION_STATUSES } from '../../features/staff/types';
import type { ApplicationRow, ApplicationStatus, StaffCall } from '../../features/staff/types';
import { StatusTag } from '../../features/applicant/status';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';

export function ApplicationsTablePage() {
  const { callId } = useParams({ strict: false }) as { callId: string };
  return (
    <RequireRole roles={['staff', 'admin']}>
      <CallLoader callId={callId} />
    </RequireRole>
  );
}

/** Loads only once signed in (inside RequireRole), so a reloaded page does not ask before the session is back. */
function CallLoader({ callId }: { callId: string }) {
  const grantCall = useStaffCall(callId);
  return <QueryState query={grantCall}>{grantCall.data && <ApplicationsTable call={grantCall.data} />}</QueryState>;
}

function ApplicationsTable({ call }: { call: StaffCall }) {
  const intl = useIntl();
  const { locale } = useLanguage();
  const search = useSearch({ strict: false }) as { stav?: string };
  const queryClient = useQueryClient();
  const applications = useCallApplications(call.id);
  const rows = useMemo(() => applications.data ?? [], [applications.data]);
  const index = useMemo(() => buildSearchIndex(rows), [rows]);
  const [query, setQuery] = useState<TableQuery>(() => ({
    ...DEFAULT_QUERY,
    status: APPLICATION_STATUSES.includes(search.stav as ApplicationStatus) ? (search.stav as ApplicationStatus) : '',
  }));
  const view = useMemo(() => applyQuery(rows, query, index), [rows, query, index]);
  const counts = useMemo(() => countByStatus(rows), [rows]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [report, setReport] = useState<BulkReportRow[] | null>(null);
  const [progress, setProgress] = useState(0);
  const errors = useFormErrors('bulk');
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const update = (change: Partial<TableQuery>) => setQuery((current) => ({ ...current, page: 1, ...change }));

  const bulk = useMutation({
    mutationFn: () => {
      setProgress(0);
      return acceptWithoutFindings([...selected], locale, t('staff.bulk.note'), setProgress);
    },
    onSuccess: async (result) => {
      setReport(result);
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: applicationsKey(call.id) });
    },
    onError: (error) => errors.fromError(error),
  });

  const exportCsv = () => {
    const params = new URLSearchParams({ callId: call.id });
    if (query.status) params.set('status', query.status);
    if (query.search.trim()) params.set('search', query.search.trim());
    void downloadFile(`/api/v1/applications/export.csv?${params}`, `zadosti-${call.code}.csv`).catch((error) => errors.fromError(error));
  };

  const header = (key: SortKey) => {
    const active = query.sort === key;
    return (
      <th scope="col" aria-sort={active ? (query.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sort" onClick={() => setQuery((q) => ({ ...q, sort: key, direction: active && q.direction === 'asc' ? 'desc' : 'asc' }))}>
          {t(`staff.table.col.${key}`)}
          <span aria-hidden="true">{active ? (query.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };
  const numberOf = useMemo(() => new Map(rows.map((r) => [r.id, r.number])), [rows]);
  const toggle = useCallback(
    (id: string, on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [],
  );
  const pageIds = view.rows.map((r) => r.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));

  return (
    <>
      <h1>
        <FormattedMessage id="staff.table.title" values={{ code: call.code }} />
      </h1>
      <p>
        <Link to="/sprava/vyzvy/$callId" params={{ callId: call.id }}>
          <FormattedMessage id="staff.table.back" values={{ title: call.title }} />
        </Link>
      </p>
      <ErrorSummary form="bulk" errors={errors.errors} version={errors.version} labels={{}} />
      <QueryState query={applications}>
        <div role="search" className="table-tools" aria-label={t('staff.table.tools')}>
          <div className="field">
            <label className="gov-form-label" htmlFor="table-search">
              <FormattedMessage id="staff.table.search" />
            </label>
            <input id="table-search" type="search" value={query.search} onChange={(e) => update({ search: e.target.value })} />
          </div>
          <div className="field">
            <label className="gov-form-label" htmlFor="table-status">
              <FormattedMessage id="staff.table.status" />
            </label>
            <select id="table-status" value={query.status} onChange={(e) => update({ status: e.target.value as TableQuery['status'] })}>
              <option value="">{t('staff.table.all', { count: rows.length })}</option>
              {APPLICATION_STATUSES.filter((s) => counts[s]).map((s) => (
                <option key={s} value={s}>
                  {rows.find((r) => r.status === s)!.statusName[locale]} ({counts[s]})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="gov-form-label" htmlFor="table-area">
              <FormattedMessage id="staff.table.area" />
            </label>
            <select id="table-area" value={query.area} onChange={(e) => update({ area: e.target.value })}>
              <option value="">{t('staff.table.allAreas')}</option>
              {call.budgetAreas.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code} {a.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="gov-form-label" htmlFor="table-sort">
              <FormattedMessage id="staff.table.sortBy" />
            </label>
            <select
              id="table-sort"
              value={`${query.sort}:${query.direction}`}
              onChange={(e) => {
                const [sort, direction] = e.target.value.split(':') as [SortKey, 'asc' | 'desc'];
                setQuery((q) => ({ ...q, sort, direction }));
              }}
            >
              {SORT_KEYS.flatMap((key) =>
                (['asc', 'desc'] as const).map((direction) => (
                  <option key={`${key}:${direction}`} value={`${key}:${direction}`}>
                    {t(`staff.table.col.${key}`)} {t(`staff.table.${direction}`)}
                  </option>
                )),
              )}
            </select>
          </div>
          <div className="field">
            <label className="gov-form-label" htmlFor="table-size">
              <FormattedMessage id="staff.table.pageSize" />
            </label>
            <select id="table-size" value={query.pageSize} onChange={(e) => update({ pageSize: Number(e.target.value) })}>
              {[25, 50, 100, 200].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={exportCsv}>
            <FormattedMessage id="staff.table.csv" />
          </button>
        </div>

        <p role="status" aria-live="polite">
          <FormattedMessage id="staff.table.found" values={{ count: view.total }} /> <FormattedMessage id="staff.table.selected" values={{ count: selected.size }} />
        </p>
        <div className="actions">
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" onClick={() => setSelected(new Set(view.matching.map((r) => r.id)))}>
            <FormattedMessage id="staff.table.selectMatching" values={{ count: view.total }} />
          </button>
          {selected.size > 0 && (
            <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" onClick={() => setSelected(new Set())}>
              <FormattedMessage id="staff.table.clearSelection" />
            </button>
          )}
          <button
            type="button"
            className="gov-button"
            data-type="solid"
            data-color="primary"
            data-size="s"
            disabled={selected.size === 0 || bulk.isPending}
            onClick={() => bulk.mutate()}
          >
            <FormattedMessage id="staff.bulk.accept" values={{ count: selected.size }} />
          </button>
          {bulk.isPending && (
            <span role="status">
              <FormattedMessage id="staff.bulk.progress" values={{ done: progress, count: selected.size }} />
            </span>
          )}
        </div>

        {report && <BulkReport report={report} numberOf={numberOf} />}

        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">
              <FormattedMessage id="staff.table.caption" values={{ page: view.page, pages: view.pages }} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    aria-label={t('staff.table.selectPage')}
                    checked={allOnPage}
                    onChange={(e) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        for (const id of pageIds)
                          if (e.target.checked) next.add(id);
                          else next.delete(id);
                        return next;
                      })
                    }
                  />
                </th>
                {header('number')}
                {header('applicant')}
                {header('title')}
                {header('area')}
                {header('requested')}
                {header('status')}
                {header('submitted')}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row: ApplicationRow) => (
                <Row key={row.id} row={row} selected={selected.has(row.id)} onSelect={toggle} label={t('staff.table.select', { number: row.number })} />
              ))}
            </tbody>
          </table>
        </div>
        <nav className="pager" aria-label={t('staff.table.pages')}>
          <button
            type="button"
            className="gov-button"
            data-type="outlined"
            data-color="primary"
            data-size="s"
            disabled={view.page <= 1}
            onClick={() => setQuery((q) => ({ ...q, page: view.page - 1 }))}
          >
            <FormattedMessage id="staff.table.previous" />
          </button>
          <span>
            <FormattedMessage id="staff.table.page" values={{ page: view.page, pages: view.pages }} />
          </span>
          <button
            type="button"
            className="gov-button"
            data-type="outlined"
            data-color="primary"
            data-size="s"
            disabled={view.page >= view.pages}
            onClick={() => setQuery((q) => ({ ...q, page: view.page + 1 }))}
          >
            <FormattedMessage id="staff.table.next" />
          </button>
        </nav>
      </QueryState>
    </>
  );
}

/** One row; unchanged rows are not redrawn when the order, filter or selection elsewhere changes. */
const Row = memo(function Row({ row, selected, onSelect, label }: { row: ApplicationRow; selected: boolean; onSelect(id: string, on: boolean): void; label: string }) {
  const f = useFormat();
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={label} checked={selected} onChange={(e) => onSelect(row.id, e.target.checked)} />
      </td>
      <th scope="row">
        <Link to="/sprava/zadosti/$applicationId" params={{ applicationId: row.id }}>
          {row.number}
        </Link>
      </th>
      <td>
        {row.organisation.name}
        <br />
        <span className="meta">{row.organisation.ico}</span>
      </td>
      <td>{row.title ?? '—'}</td>
      <td>{row.budgetAreaCode ?? '—'}</td>
      <td className="num">{row.requestedAmount ? f.money(row.requestedAmount) : '—'}</td>
      <td>
        <StatusTag status={row.status} name={row.statusName} />
      </td>
      <td>{row.lastSubmittedAt ? f.dateTime(row.lastSubmittedAt) : '—'}</td>
    </tr>
  );
});

function BulkReport({ report, numberOf }: { report: BulkReportRow[]; numberOf: Map<string, string> }) {
  const accepted = report.filter((r) => r.outcome === 'accepted').length;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [report]);
  return (
    <section className="notice notice--success" aria-labelledby="bulk-report" tabIndex={-1} ref={ref}>
      <h2 id="bulk-report">
        <FormattedMessage id="staff.bulk.report" values={{ accepted, count: report.length }} />
      </h2>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">
            <FormattedMessage id="staff.bulk.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="staff.table.col.number" />
              </th>
              <th scope="col">
                <FormattedMessage id="staff.bulk.outcome" />
              </th>
              <th scope="col">
                <FormattedMessage id="staff.bulk.why" />
              </th>
            </tr>
          </thead>
          <tbody>
            {report.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link to="/sprava/zadosti/$applicationId" params={{ applicationId: row.id }}>
                    {numberOf.get(row.id) ?? row.id}
                  </Link>
                </th>
                <td>
                  <FormattedMessage id={`staff.bulk.${row.outcome}`} />
                </td>
                <td>{row.message || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
