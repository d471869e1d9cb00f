import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { auditorPage, DataTable } from '../../features/auditor/table';
import { QueryState } from '../../components/query-state';
import { BackLink, DownloadButton, KindName } from '../../features/auditor/components';
import { csvAmount, downloadCsv, toCsv } from '../../features/auditor/csv';
import { searchFromAuditFilters, routerSearch } from '../../features/auditor/filters';
import { StatementLine } from '../../features/auditor/statement-line';
import type { Dossier, TraceEntry } from '../../features/auditor/types';
import { useFormat } from '../../lib/use-format';

/**
 * One project's whole money story: the application, decisions, agreement, payments, settlement, breaches,
 * the ledger's totals, each ledger entry behind the node the auditor came from (who and why), and the audit
 * trail of every record, each a link to that object's history in the audit log.
 */
export const DossierPage = auditorPage(DossierView);

const historyLink = (objectId: string) => searchFromAuditFilters({ objectId });

function HistoryLink({ objectId, children }: { objectId: string; children: ReactNode }) {
  return (
    <Link to={'/kontrola/auditni-log'} search={routerSearch(historyLink(objectId)) as never}>
      {children}
    </Link>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        <FormattedMessage id={title} />
      </h2>
      {children}
    </section>
  );
}

function DossierView() {
  const intl = useIntl();
  const f = useFormat();
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  const { uzel: nodeId } = useSearch({ strict: false }) as { uzel?: string };
  const dossier = useQuery({
    queryKey: ['auditor', 'dossier', applicationId],
    queryFn: () => call<Dossier>(api.GET('/api/v1/trace/projects/{applicationId}', { params: { path: { applicationId } } })),
  });
  const entries = useQuery({
    queryKey: ['auditor', 'entries', nodeId, applicationId],
    enabled: !!nodeId,
    queryFn: () => call<TraceEntry[]>(api.GET('/api/v1/trace/nodes/{nodeId}/projects/{applicationId}/entries', { params: { path: { nodeId: nodeId!, applicationId } } })),
  });
  const d = dossier.data;
  const source = (type: string) => intl.formatMessage({ id: `auditor.source.${type}`, defaultMessage: type });
  const exportEntries = () =>
    downloadCsv(
      `zaznamy-${d?.application.number ?? applicationId}.csv`,
      toCsv(
        ['datum_cas', 'druh', 'castka', 'aktivita', 'kdo', 'proc', 'zdroj_id', 'udalost_id', 'zaznam_id'],
        (entries.data ?? []).map((e) => [
          String(e.occurredAt),
          intl.formatMessage({ id: `auditor.kind.${e.kind}`, defaultMessage: e.kind }),
          csvAmount(e.amount),
          e.activityCode,
          e.actor ?? intl.formatMessage({ id: 'auditor.system' }),
          source(e.sourceType),
          e.sourceId,
          e.eventId,
          e.id,
        ]),
      ),
    );
  return (
    <>
      {nodeId && (
        <BackLink to="/kontrola/strategie/$nodeId" params={{ nodeId }}>
          <FormattedMessage id="auditor.dossier.backToNode" />
        </BackLink>
      )}
      <QueryState query={dossier}>
        {d && (
          <>
            <p className="meta">
              {d.application.number} · {d.application.callCode} ({d.application.year})
            </p>
            <h1>
              <FormattedMessage id="auditor.dossier.title" values={{ title: d.application.title ?? d.application.number }} />
            </h1>
            <dl className="facts">
              <dt>
                <FormattedMessage id="auditor.node.applicant" />
              </dt>
              <dd>
                {d.application.organisation} (<FormattedMessage id="auditor.node.ico" values={{ ico: d.application.ico }} />)
              </dd>
              <dt>
                <FormattedMessage id="auditor.dossier.status" />
              </dt>
              <dd>{d.application.status}</dd>
              <dt>
                <FormattedMessage id="auditor.kind.requested" />
              </dt>
              <dd>{d.application.requested ? f.money(d.application.requested) : '—'}</dd>
              <dt>
                <FormattedMessage id="auditor.dossier.activities" />
              </dt>
              <dd>{d.activities.map((a) => `${a.code} ${a.name} (${(a.shareBasisPoints / 100).toLocaleString(f.locale === 'cs' ? 'cs-CZ' : 'en-GB')} %)`).join('; ')}</dd>
            </dl>

            <Section id="dossier-ledger" title="auditor.dossier.ledger">
              <DataTable labelledBy="dossier-ledger" columns={['auditor.node.kind', { id: 'auditor.node.amount', num: true }, { id: 'auditor.dossier.events', num: true }]}>
                {d.ledger.map((l) => (
                  <tr key={l.kind}>
                    <th scope="row">
                      <KindName kind={l.kind} />
                    </th>
                    <td className="num">{f.money(l.total)}</td>
                    <td className="num">{l.events}</td>
                  </tr>
                ))}
              </DataTable>
            </Section>

            <Section id="dossier-entries" title="auditor.dossier.entries">
              {!nodeId ? (
                <p>
                  <FormattedMessage id="auditor.dossier.entriesFromNode" />
                </p>
              ) : (
                <QueryState query={entries}>
                  <p>
                    <DownloadButton onClick={exportEntries}>
                      <FormattedMessage id="auditor.csv.download" />
                    </DownloadButton>
                  </p>
                  <DataTable
                    labelledBy="dossier-entries"
                    columns={[
                      'auditor.entry.when',
                      'auditor.node.kind',
                      { id: 'auditor.node.amount', num: true },
                      'auditor.entry.activity',
                      'auditor.entry.who',
                      'auditor.entry.why',
                    ]}
                  >
                    {entries.data?.map((e) => (
                      <tr key={e.id}>
                        <td>{f.dateTime(String(e.occurredAt))}</td>
                        <td>
                          <KindName kind={e.kind} />
                        </td>
                        <td className="num">{f.money(e.amount)}</td>
                        <td>{e.activityCode}</td>
                        <td>{e.actor ?? <FormattedMessage id="auditor.system" />}</td>
                        <td>
                          <HistoryLink objectId={e.sourceId}>{source(e.sourceType)}</HistoryLink>
                          <br />
                          <span className="meta">
                            <FormattedMessage id="auditor.entry.event" values={{ id: e.eventId.slice(0, 8) }} />
                          </span>
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                </QueryState>
              )}
            </Section>

            <Section id="dossier-decisions" title="auditor.dossier.decisions">
              {d.decisions.length === 0 ? (
                <p>
                  <FormattedMessage id="auditor.dossier.none" />
                </p>
              ) : (
                <ul>
                  {d.decisions.map((x) => (
                    <li key={x.id}>
                      <FormattedMessage
                        id="auditor.dossier.decision"
                        values={{ outcome: x.outcome, amount: f.money(x.amount), resolution: x.resolution, adoptedOn: f.date(x.adoptedOn), effective: x.effective ? 'yes' : 'no' }}
                      />{' '}
                      <HistoryLink objectId={x.id}>
                        <FormattedMessage id="auditor.dossier.history" />
                      </HistoryLink>
                    </li>
                  ))}
                </ul>
              )}
            </Section>

            <Section id="dossier-agreement" title="auditor.dossier.agreement">
              {d.agreement ? (
                <p>
                  <FormattedMessage
                    id="auditor.dossier.agreementText"
                    values={{
                      number: d.agreement.number,
                      status: d.agreement.status,
                      amount: f.money(d.agreement.amount),
                      published: d.agreement.publishedOn ? f.date(d.agreement.publishedOn) : '—',
                    }}
                  />{' '}
                  <HistoryLink objectId={d.agreement.id}>
                    <FormattedMessage id="auditor.dossier.history" />
                  </HistoryLink>
                </p>
              ) : (
                <p>
                  <FormattedMessage id="auditor.dossier.none" />
                </p>
              )}
              {d.payments.length > 0 && (
                <>
                  <h3 id="dossier-payments">
                    <FormattedMessage id="auditor.dossier.payments" />
                  </h3>
                  <DataTable
                    labelledBy="dossier-payments"
                    columns={[
                      'auditor.dossier.tranche',
                      { id: 'auditor.node.amount', num: true },
                      'auditor.dossier.paymentStatus',
                      'auditor.dossier.paidOn',
                      'auditor.statement.column',
                    ]}
                  >
                    {d.payments.map((p) => (
                      <tr key={p.id}>
                        <th scope="row">{p.trancheNo}</th>
                        <td className="num">{f.money(p.amount)}</td>
                        <td>
                          <FormattedMessage id={`auditor.paymentStatus.${p.status}`} defaultMessage={p.status} />
                          <br />
                          <HistoryLink objectId={p.id}>
                            <FormattedMessage id="auditor.dossier.history" />
                          </HistoryLink>
                        </td>
                        <td>{p.paidOn ? f.date(p.paidOn) : '—'}</td>
                        <td className="statement-cell">
                          <StatementLine line={p.statementLine} />
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                </>
              )}
            </Section>

            <Section id="dossier-settlement" title="auditor.dossier.settlement">
              {d.settlement ? (
                <p>
                  <FormattedMessage
                    id="auditor.dossier.settlementText"
                    values={{
                      status: d.settlement.status,
                      eligible: d.settlement.eligibleTotal ? f.money(d.settlement.eligibleTotal) : '—',
                      returnDue: d.settlement.returnDue ? f.money(d.settlement.returnDue) : '—',
                      returned: f.money(d.settlement.returned),
                    }}
                  />
                </p>
              ) : (
                <p>
                  <FormattedMessage id="auditor.dossier.none" />
                </p>
              )}
              {d.settlement && d.settlement.returns.length > 0 && (
                <>
                  <h3 id="dossier-returns">
                    <FormattedMessage id="auditor.dossier.returns" />
                  </h3>
                  <DataTable labelledBy="dossier-returns" columns={['auditor.dossier.receivedOn', { id: 'auditor.node.amount', num: true }, 'auditor.statement.column']}>
                    {d.settlement.returns.map((r, i) => (
                      <tr key={`${r.receivedOn}-${i}`}>
                        <th scope="row">
                          {f.date(r.receivedOn)}
                          {r.late && (
                            <>
                              {' '}
                              (<FormattedMessage id="auditor.dossier.lateReturn" />)
                            </>
                          )}
                        </th>
                        <td className="num">{f.money(r.amount)}</td>
                        <td className="statement-cell">
                          <StatementLine line={r.statementLine} />
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                </>
              )}
              {d.breaches.length > 0 && (
                <ul>
                  {d.breaches.map((b) => (
                    <li key={b.id}>
                      {b.description} —{' '}
                      <FormattedMessage id="auditor.dossier.breach" values={{ levy: b.levy ? f.money(b.levy) : '—', penalty: b.penalty ? f.money(b.penalty) : '—' }} />{' '}
                      <HistoryLink objectId={b.id}>
                        <FormattedMessage id="auditor.dossier.history" />
                      </HistoryLink>
                      {b.statementLine && (
                        <>
                          <br />
                          <FormattedMessage id="auditor.dossier.breachLine" /> <StatementLine line={b.statementLine} />
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Section>

            <Section id="dossier-audit" title="auditor.dossier.audit">
              <DataTable labelledBy="dossier-audit" columns={['auditor.entry.when', 'auditor.log.action', 'auditor.log.object', 'auditor.entry.who']}>
                {d.audit.map((a) => (
                  <tr key={a.seq}>
                    <td>{f.dateTime(String(a.occurredAt))}</td>
                    <td>{a.action}</td>
                    <td>
                      <HistoryLink objectId={a.objectId}>{a.objectType}</HistoryLink>
                    </td>
                    <td>{a.actor ?? <FormattedMessage id="auditor.system" />}</td>
                  </tr>
                ))}
              </DataTable>
            </Section>
          </>
        )}
      </QueryState>
    </>
  );
}
