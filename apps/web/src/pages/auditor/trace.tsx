import { useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { QueryState } from '../../components/query-state';
import { BackLink, DownloadButton, FilterSelect, TraceFilterForm, useSetSearch, useStrategyVersions } from '../../features/auditor/components';
import { auditorPage } from '../../features/auditor/table';
import { TraceTable } from '../../features/auditor/trace-table';
import { useTraceTree } from '../../features/auditor/use-trace-tree';
import { csvAmount, downloadCsv, toCsv } from '../../features/auditor/csv';
import { searchFromTraceFilters, traceFiltersFromSearch } from '../../features/auditor/filters';
import { LEVELS, rowsToLevel } from '../../features/auditor/tree';
import { KINDS } from '../../features/auditor/types';

/**
 * The trace explorer: the chosen strategy version's tree, each node with its money under the filters (one
 * request for the whole tree, summed here exactly). The version and the filters are in the URL.
 */
export const TraceExplorerPage = auditorPage(TraceExplorer);

function TraceExplorer() {
  const intl = useIntl();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const filters = traceFiltersFromSearch(search);
  const filterSearch = searchFromTraceFilters(filters);
  const setSearch = useSetSearch('/kontrola/strategie');
  const { versions, versionId, version } = useStrategyVersions(search.verze);
  const level = typeof search.uroven === 'string' && (LEVELS as readonly string[]).includes(search.uroven) ? search.uroven : 'subgoal';
  const { state, roots } = useTraceTree(versionId, filters);
  const rows = useMemo(() => (roots ? rowsToLevel(roots, level) : []), [roots, level]);
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
        <FilterSelect
          id="trace-version"
          label="auditor.trace.version"
          value={versionId ?? ''}
          onChange={(event) => setSearch({ ...filterSearch, verze: event.target.value, uroven: level })}
        >
          {versions.data?.map((v) => (
            <option key={v.id} value={v.id}>
              {v.title}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          id="trace-level"
          label="auditor.trace.level"
          value={level}
          onChange={(event) => setSearch({ ...filterSearch, ...(versionId ? { verze: versionId } : {}), uroven: event.target.value })}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {intl.formatMessage({ id: `auditor.level.${l}` })}
            </option>
          ))}
        </FilterSelect>
        <TraceFilterForm
          key={JSON.stringify(filterSearch)}
          filters={filters}
          keep={{ ...(versionId ? { verze: versionId } : {}), ...(search.uroven ? { uroven: level } : {}) }}
          onApply={setSearch}
        />
        <QueryState query={state}>
          <h2 id="trace-tree-title">
            <FormattedMessage id="auditor.trace.tree" values={{ version: version?.title ?? '' }} />
          </h2>
          <p>
            <DownloadButton onClick={exportCsv}>
              <FormattedMessage id="auditor.csv.download" />
            </DownloadButton>
          </p>
          <TraceTable id="trace-tree-title" title="auditor.trace.node" rows={rows} filterSearch={filterSearch} />
        </QueryState>
      </QueryState>
    </>
  );
}
