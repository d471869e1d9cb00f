import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { auditorPage, DataTable, KindCells, Pagination } from '../../features/auditor/table';
import { QueryState } from '../../components/query-state';
import { Amount, BackLink, DownloadButton, KindName, LevelName, TraceFilterForm, useSetSearch } from '../../features/auditor/components';
import { csvAmount, downloadCsv, toCsv } from '../../features/auditor/csv';
import { searchFromTraceFilters, traceFiltersFromSearch, traceQuery, routerSearch } from '../../features/auditor/filters';
import { findNode, largestAmount } from '../../features/auditor/tree';
import { TraceTable } from '../../features/auditor/trace-table';
import { useTraceTree } from '../../features/auditor/use-trace-tree';
import { KINDS } from '../../features/auditor/types';
import type { TraceNode, TraceProject, TraceProjects } from '../../features/auditor/types';

const PAGE_SIZE = 50;

/** One node of the strategy: its money under the filters, then the projects behind it (each a link to its dossier). */
export const TraceNodePage = auditorPage(TraceNodeView);

function TraceNodeView() {
  const intl = useIntl();
  const { nodeId } = useParams({ strict: false }) as { nodeId: string };
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const filters = traceFiltersFromSearch(search);
  const filterSearch = searchFromTraceFilters(filters);
  const page = typeof search.strana === 'string' && /^[1-9]\d*$/.test(search.strana) ? Number(search.strana) : 1;
  const setSearch = useSetSearch('/kontrola/strategie/$nodeId', { nodeId });
  const node = useQuery({
    queryKey: ['auditor', 'trace-node', nodeId, filterSearch],
    queryFn: () => call<TraceNode>(api.GET('/api/v1/trace/nodes/{nodeId}', { params: { path: { nodeId }, query: traceQuery(filters) as never } })),
  });
  const projectsPage = (p: number, size: number) =>
    call<TraceProjects>(
      api.GET('/api/v1/trace/nodes/{nodeId}/projects', { params: { path: { nodeId }, query: { ...traceQuery(filters), page: String(p), pageSize: String(size) } as never } }),
    );
  const projects = useQuery({ queryKey: ['auditor', 'trace-projects', nodeId, filterSearch, page], queryFn: () => projectsPage(page, PAGE_SIZE) });
  const largest = node.data ? largestAmount([node.data]) : 0n;
  const { roots } = useTraceTree(node.data?.node.versionId, filters);
  const children = (roots && findNode(roots, nodeId)?.children) ?? [];
  const projectLargest = largestAmount(projects.data?.items ?? []);
  const pages = projects.data ? Math.max(1, Math.ceil(projects.data.total / PAGE_SIZE)) : 1;

  // The CSV holds every project of the view, not only this page: the pages are read 200 at a time.
  const exportCsv = async () => {
    const all: TraceProject[] = [];
    for (let p = 1; ; p += 1) {
      const next = await projectsPage(p, 200);
      all.push(...next.items);
      if (all.length >= next.total || next.items.length === 0) break;
    }
    downloadCsv(
      `stopa-penez-${node.data?.node.code ?? nodeId}.csv`,
      toCsv(
        ['zadost_cislo', 'projekt', 'zadatel', 'ico', 'typ_zadatele', 'vyzva', ...KINDS.map((k) => intl.formatMessage({ id: `auditor.csv.${k}` }))],
        all.map((r) => [
          r.number,
          r.title,
          r.organisation,
          r.ico,
          intl.formatMessage({ id: `auditor.applicantType.${r.applicantType}` }),
          r.callCode,
          ...KINDS.map((k) => csvAmount(r.amounts[k] ?? '0.00')),
        ]),
      ),
    );
  };
  return (
    <>
      <BackLink to="/kontrola/strategie" search={filterSearch}>
        <FormattedMessage id="auditor.trace.title" />
      </BackLink>
      <QueryState query={node}>
        {node.data && (
          <>
            <p className="meta">
              <LevelName level={node.data.node.level} /> {node.data.node.code}
            </p>
            <h1>{node.data.node.name}</h1>
            <TraceFilterForm key={JSON.stringify(filterSearch)} filters={filters} onApply={setSearch} />
            <h2 id="node-amounts-title">
              <FormattedMessage id="auditor.node.amounts" />
            </h2>
            <p>
              <FormattedMessage id="auditor.node.counts" values={{ projects: node.data.supportedProjects, organisations: node.data.supportedOrganisations }} />
            </p>
            <DataTable labelledBy="node-amounts-title" columns={['auditor.node.kind', { id: 'auditor.node.amount', num: true }]}>
              {KINDS.map((k) => (
                <tr key={k}>
                  <th scope="row">
                    <KindName kind={k} />
                  </th>
                  <td className="num">
                    <Amount amount={node.data.amounts[k]} largest={largest} kind={k} />
                  </td>
                </tr>
              ))}
            </DataTable>
            {children.length > 0 && (
              <>
                <h2 id="node-children-title">
                  <FormattedMessage id="auditor.node.children" />
                </h2>
                <TraceTable id="node-children-title" title="auditor.trace.node" rows={children} filterSearch={filterSearch} baseDepth={children[0].depth} />
              </>
            )}
            <h2 id="node-projects-title">
              <FormattedMessage id="auditor.node.projects" values={{ count: projects.data?.total ?? 0 }} />
            </h2>
            <QueryState query={projects}>
              {projects.data && projects.data.total === 0 ? (
                <p>
                  <FormattedMessage id="auditor.node.noProjects" />
                </p>
              ) : (
                <>
                  <p>
                    <DownloadButton onClick={exportCsv}>
                      <FormattedMessage id="auditor.csv.download" />
                    </DownloadButton>
                  </p>
                  <DataTable labelledBy="node-projects-title" className="auditor-projects" columns={['auditor.node.project', 'auditor.node.applicant']} kinds>
                    {projects.data?.items.map((p) => (
                      <tr key={p.applicationId}>
                        <th scope="row">
                          <Link
                            to={'/kontrola/projekty/$applicationId' as never}
                            params={{ applicationId: p.applicationId } as never}
                            search={routerSearch({ uzel: nodeId }) as never}
                          >
                            {p.number}
                          </Link>
                          <br />
                          {p.title}
                        </th>
                        <td>
                          {p.organisation}
                          <br />
                          <span className="meta">
                            <FormattedMessage id="auditor.node.ico" values={{ ico: p.ico }} /> · {p.callCode}
                          </span>
                        </td>
                        <KindCells amounts={p.amounts} largest={projectLargest} />
                      </tr>
                    ))}
                  </DataTable>
                  <Pagination page={page} pages={pages} to="/kontrola/strategie/$nodeId" params={{ nodeId }} searchOf={(p) => ({ ...filterSearch, strana: String(p) })} />
                </>
              )}
            </QueryState>
          </>
        )}
      </QueryState>
    </>
  );
}
