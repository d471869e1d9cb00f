import { Link, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { Amount, BackLink, CsvButton, KindName, LevelName, TraceFilterForm, useSetSearch } from '../../features/auditor/components';
import { csvAmount, downloadCsv, toCsv } from '../../features/auditor/csv';
import { searchFromTraceFilters, traceFiltersFromSearch, traceQuery } from '../../features/auditor/filters';
import { buildTraceTree, flattenTree, largestAmount } from '../../features/auditor/tree';
import type { StrategyNodeInput } from '../../features/auditor/tree';
import { KINDS } from '../../features/auditor/types';
import type { TraceVersion } from '../../features/auditor/types';

interface VersionOption {
  id: string;
  kind: 'koncepce' | 'action-plan';
  title: string;
}

/**
 * The trace explorer: the chosen strategy version's tree, each node with its money under the filters (one
 * request for the whole tree, summed here exactly). The version and the filters are in the URL.
 */
export function TraceExplorerPage() {
  return (
    <RequireRole roles={['auditor']}>
      <TraceExplorer />
    </RequireRole>
  );
}

function TraceExplorer() {
  const intl = useIntl();
  const search = useSearch({ strict: false }) as Record<string, string>;
  const filters = traceFiltersFromSearch(search);
  const filterSearch = searchFromTraceFilters(filters);
  const setSearch = useSetSearch('/kontrola/strategie');
  const versions = useQuery({ queryKey: ['strategy-versions'], queryFn: () => call<VersionOption[]>(api.GET('/api/v1/strategy/versions')) });
  const versionId = search.verze ?? versions.data?.find((v) => v.kind === 'action-plan')?.id ?? versions.data?.[0]?.id;
  const tree = useQuery({
    queryKey: ['strategy-tree', versionId],
    enabled: !!versionId,
    queryFn: () => call<{ roots: StrategyNodeInput[] }>(api.GET('/api/v1/strategy/versions/{id}/tree', { params: { path: { id: versionId! } } })),
    staleTime: 300_000,
  });
  const totals = useQuery({
    queryKey: ['auditor', 'trace-version', versionId, filterSearch],
    enabled: !!versionId,
    queryFn: () => call<TraceVersion>(api.GET('/api/v1/trace/versions/{versionId}', { params: { path: { versionId: versionId! }, query: traceQuery(filters) as never } })),
  });
  const rows = useMemo(() => (tree.data && totals.data ? flattenTree(buildTraceTree(tree.data.roots, totals.data.activities)) : []), [tree.data, totals.data]);
  const largest = useMemo(() => largestAmount(rows), [rows]);
  const version = versions.data?.find((v) => v.id === versionId);
  const exportCsv = () =>
    downloadCsv(
      'stopa-penez-strategie.csv',
      toCsv(
        ['uroven', 'kod', 'nazev', ...KINDS.map((k) => intl.formatMessage({ id: `auditor.csv.${k}` }))],
        rows.map((r) => [intl.formatMessage({ id: `auditor.level.${r.level}` }), r.code, r.name, ...KINDS.map((k) => csvAmount(r.amounts[k]))]),
      ),
    );
  return (
    <>
      <BackLink to="/kontrola">
        <FormattedMessage id="auditor.home.title" />
      </BackLink>
      <h1>
        <FormattedMessage id="auditor.trace.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="auditor.trace.lead" />
      </p>
      <QueryState query={versions}>
        <div className="field">
          <label className="gov-form-label" htmlFor="trace-version">
            <FormattedMessage id="auditor.trace.version" />
          </label>
          <div className="gov-form-select" data-size="m">
            <select id="trace-version" value={versionId ?? ''} onChange={(event) => setSearch({ ...filterSearch, verze: event.target.value })}>
              {versions.data?.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        <TraceFilterForm key={JSON.stringify(filterSearch)} filters={filters} keep={versionId ? { verze: versionId } : {}} onApply={setSearch} />
        <QueryState query={tree.isPending ? tree : totals}>
          <h2 id="trace-tree-title">
            <FormattedMessage id="auditor.trace.tree" values={{ version: version?.title ?? '' }} />
          </h2>
          <p>
            <CsvButton onClick={exportCsv}>
              <FormattedMessage id="auditor.csv.download" />
            </CsvButton>
          </p>
          <div className="table-wrap" role="region" aria-labelledby="trace-tree-title" tabIndex={0}>
            <table className="data">
              <caption className="visually-hidden">
                <FormattedMessage id="auditor.trace.caption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="auditor.trace.node" />
                  </th>
                  {KINDS.map((k) => (
                    <th scope="col" className="num" key={k}>
                      <KindName kind={k} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={`tree-row tree-row--depth-${r.depth}`}>
                    <th scope="row" style={{ paddingLeft: `${0.5 + r.depth * 1.25}rem` }}>
                      <span className="visually-hidden">
                        <LevelName level={r.level} />{' '}
                      </span>
                      <span className="tree-row__code">{r.code}</span>
                      <Link to={'/kontrola/strategie/$nodeId' as never} params={{ nodeId: r.id } as never} search={filterSearch as never}>
                        {r.name}
                      </Link>
                    </th>
                    {KINDS.map((k) => (
                      <td className="num" key={k}>
                        <Amount amount={r.amounts[k]} largest={largest} kind={k} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </QueryState>
      </QueryState>
    </>
  );
}
