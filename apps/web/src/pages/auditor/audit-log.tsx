import { Link, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormattedMessage } from 'react-intl';
import { api, call } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { BackLink, DownloadButton, FilterForm, FilterInput, useSetSearch } from '../../features/auditor/components';
import { auditorPage, DataTable, Pagination } from '../../features/auditor/table';
import { downloadCsv, toCsv } from '../../features/auditor/csv';
import { auditFiltersFromSearch, auditQuery, searchFromAuditFilters, routerSearch } from '../../features/auditor/filters';
import type { AuditFilters } from '../../features/auditor/filters';
import type { AuditPage, ChainVerification } from '../../features/auditor/types';
import { VerificationResult } from '../../features/auditor/verification';
import { useFormat } from '../../lib/use-format';

const PAGE_SIZE = 50;

/**
 * The audit log: search by action (its beginning, e.g. "application."), object, actor and dates, kept in
 * the URL; one object's history (`?objekt=<id>`); and the verification of the hash chain, explained.
 */
export const AuditLogPage = auditorPage(AuditLogView);

function AuditLogView() {
  const f = useFormat();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const filters = auditFiltersFromSearch(search);
  const filterSearch = searchFromAuditFilters(filters);
  const setSearch = useSetSearch('/kontrola/auditni-log');
  const page = filters.page ?? 1;
  const log = useQuery({
    queryKey: ['auditor', 'audit-log', filterSearch],
    queryFn: () => call<AuditPage>(api.GET('/api/v1/audit-log', { params: { query: auditQuery(filters, PAGE_SIZE) as never } })),
  });
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / PAGE_SIZE)) : 1;
  const exportCsv = () =>
    downloadCsv(
      'auditni-zaznam.csv',
      toCsv(
        ['poradi', 'cas', 'akce', 'typ_objektu', 'objekt_id', 'kdo_id', 'role', 'korelace', 'otisk'],
        (log.data?.items ?? []).map((e) => [e.seq, String(e.occurredAt), e.action, e.objectType, e.objectId, e.actorUserId, e.actorRoles.join(', '), e.correlationId, e.hash]),
      ),
    );
  return (
    <>
      <BackLink to="/kontrola">
        <FormattedMessage id="auditor.home.title" />
      </BackLink>
      <h1>
        <FormattedMessage id="auditor.log.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="auditor.log.lead" />
      </p>
      <Verification />
      <AuditFilterForm key={JSON.stringify(filterSearch)} filters={filters} onApply={(next) => setSearch(searchFromAuditFilters({ ...next, page: undefined }))} />
      <h2 id="audit-results-title">
        {filters.objectId ? (
          <FormattedMessage id="auditor.log.history" values={{ id: filters.objectId }} />
        ) : (
          <FormattedMessage id="auditor.log.results" values={{ count: log.data?.total ?? 0 }} />
        )}
      </h2>
      {filters.objectId && (
        <p>
          <Link to={'/kontrola/auditni-log' as never} search={{} as never}>
            <FormattedMessage id="auditor.log.wholeLog" />
          </Link>
        </p>
      )}
      <QueryState query={log}>
        {log.data && log.data.items.length === 0 ? (
          <p>
            <FormattedMessage id="auditor.log.empty" />
          </p>
        ) : (
          <>
            <p>
              <DownloadButton onClick={exportCsv}>
                <FormattedMessage id="auditor.csv.download" />
              </DownloadButton>
            </p>
            <DataTable
              labelledBy="audit-results-title"
              columns={[{ id: 'auditor.log.seq', num: true }, 'auditor.entry.when', 'auditor.log.action', 'auditor.log.object', 'auditor.entry.who', 'auditor.log.change']}
            >
              {log.data?.items.map((e) => (
                <tr key={e.seq}>
                  <td className="num">{e.seq}</td>
                  <td>{f.dateTime(String(e.occurredAt))}</td>
                  <td>{e.action}</td>
                  <td>
                    {e.objectType}
                    <br />
                    <Link to={'/kontrola/auditni-log' as never} search={routerSearch(searchFromAuditFilters({ objectId: e.objectId })) as never}>
                      <FormattedMessage id="auditor.log.historyOf" values={{ id: e.objectId.slice(0, 8) }} />
                    </Link>
                  </td>
                  <td>
                    {e.actorUserId ? (
                      <Link to={'/kontrola/auditni-log' as never} search={routerSearch(searchFromAuditFilters({ actorUserId: e.actorUserId })) as never}>
                        <FormattedMessage id="auditor.log.actorOf" values={{ id: e.actorUserId.slice(0, 8) }} />
                      </Link>
                    ) : (
                      <FormattedMessage id="auditor.system" />
                    )}
                    {e.actorRoles.length > 0 && (
                      <>
                        <br />
                        <span className="meta">{e.actorRoles.join(', ')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    {e.before !== null || e.after !== null ? (
                      <details>
                        <summary>
                          <FormattedMessage id="auditor.log.showChange" values={{ seq: e.seq }} />
                        </summary>
                        {e.before !== null && (
                          <>
                            <p>
                              <FormattedMessage id="auditor.log.before" />
                            </p>
                            <pre className="audit-json">{JSON.stringify(e.before, null, 2)}</pre>
                          </>
                        )}
                        {e.after !== null && (
                          <>
                            <p>
                              <FormattedMessage id="auditor.log.after" />
                            </p>
                            <pre className="audit-json">{JSON.stringify(e.after, null, 2)}</pre>
                          </>
                        )}
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={page} pages={pages} to="/kontrola/auditni-log" searchOf={(p) => searchFromAuditFilters({ ...filters, page: p })} />
          </>
        )}
      </QueryState>
    </>
  );
}

function AuditFilterForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const fields = ['action', 'objectType', 'objectId', 'actorUserId', 'from', 'to'] as const;
  const [draft, setDraft] = useState<Record<(typeof fields)[number], string>>(
    () => Object.fromEntries(fields.map((k) => [k, filters[k] ?? ''])) as Record<(typeof fields)[number], string>,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(auditFiltersFromSearch(searchFromAuditFilters(Object.fromEntries(fields.map((k) => [k, draft[k].trim() || undefined])) as AuditFilters)));
  };
  return (
    <FilterForm title="auditor.log.search" submit="auditor.log.find" search onSubmit={submit}>
      {fields.map((k) => (
        <FilterInput
          key={k}
          id={`audit-${k}`}
          label={`auditor.log.filter.${k}`}
          hint={k === 'action' || k === 'actorUserId' ? `auditor.log.filter.${k}Hint` : undefined}
          type={k === 'from' || k === 'to' ? 'date' : 'text'}
          value={draft[k]}
          onChange={(event) => setDraft((d) => ({ ...d, [k]: event.target.value }))}
        />
      ))}
    </FilterForm>
  );
}

/** Runs the chain verification (it only reads) and says what its result means. */
function Verification() {
  const [requested, setRequested] = useState(0);
  const verification = useQuery({
    queryKey: ['auditor', 'verify', requested],
    enabled: requested > 0,
    queryFn: () => call<ChainVerification>(api.GET('/api/v1/audit-log/verify')),
  });
  return (
    <section aria-labelledby="verify-title" className="verification">
      <h2 id="verify-title">
        <FormattedMessage id="auditor.verify.title" />
      </h2>
      <p>
        <FormattedMessage id="auditor.verify.lead" />
      </p>
      <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => setRequested((n) => n + 1)}>
        <FormattedMessage id="auditor.verify.run" />
      </button>
      <div role="status" aria-live="polite">
        {requested > 0 && <QueryState query={verification}>{verification.data && <VerificationResult result={verification.data} />}</QueryState>}
      </div>
    </section>
  );
}
