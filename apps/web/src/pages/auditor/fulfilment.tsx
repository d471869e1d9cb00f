import { useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { Amount, BackLink, DownloadButton, FilterForm, FilterSelect, useCallOptions, useSetSearch, useStrategyVersions } from '../../features/auditor/components';
import { auditorPage, DataTable } from '../../features/auditor/table';
import { achievedPercent, indicatorRows } from '../../features/auditor/fulfilment';
import type { FulfilmentActivity, FulfilmentReport } from '../../features/auditor/fulfilment';
import { largestAmount } from '../../features/auditor/tree';
import { useFormat } from '../../lib/use-format';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The action plan's fulfilment report on screen: money per priority as a chart whose numbers are the text
 * (the bars only repeat them), each funded activity's indicators asked for against the outputs reported,
 * and the same report as the official PDF and as CSV. The plan and the call are in the URL (`verze`, `vyzva`).
 */
export const FulfilmentPage = auditorPage(FulfilmentView);

function FulfilmentView() {
  const intl = useIntl();
  const search = useSearch({ strict: false }) as Record<string, unknown>;
  const callId = typeof search.vyzva === 'string' && UUID.test(search.vyzva) ? search.vyzva : undefined;
  const { versions, versionId } = useStrategyVersions(search.verze);
  const setSearch = useSetSearch('/kontrola/plneni');
  const report = useQuery({
    queryKey: ['auditor', 'fulfilment', versionId, callId],
    enabled: !!versionId,
    queryFn: () =>
      call<FulfilmentReport>(api.GET('/api/v1/reports/fulfilment/{versionId}', { params: { path: { versionId: versionId! }, query: (callId ? { callId } : {}) as never } })),
  });
  const file = (name: string) => `/api/v1/reports/fulfilment/${versionId}/${name}${callId ? `?callId=${callId}` : ''}`;
  return (
    <>
      <BackLink to="/kontrola">
        <FormattedMessage id="auditor.home.title" />
      </BackLink>
      <h1>
        <FormattedMessage id="auditor.fulfilment.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="auditor.fulfilment.lead" />
      </p>
      <QueryState query={versions}>
        <FulfilmentFilters
          key={`${versionId}-${callId}`}
          versions={(versions.data ?? []).filter((v) => v.kind === 'action-plan')}
          versionId={versionId ?? ''}
          callId={callId ?? ''}
          onApply={(verze, vyzva) => setSearch({ verze, ...(vyzva ? { vyzva } : {}) })}
        />
        <QueryState query={report}>
          {report.data && (
            <>
              <h2 id="fulfilment-report-title">{report.data.actionPlan.title}</h2>
              <p className="meta">
                <FormattedMessage id="auditor.fulfilment.generated" values={{ at: intl.formatDate(report.data.generatedAt, { dateStyle: 'long', timeStyle: 'short' }) }} />
              </p>
              <div className="downloads">
                <DownloadButton onClick={() => downloadFile(file('report.pdf'), 'zprava-o-naplnovani-akcniho-planu.pdf')}>
                  <FormattedMessage id="auditor.fulfilment.pdf" />
                </DownloadButton>
                <DownloadButton onClick={() => downloadFile(file('report.csv'), 'naplnovani-akcniho-planu.csv')}>
                  <FormattedMessage id="auditor.csv.download" />
                </DownloadButton>
              </div>
              <Totals report={report.data} />
              <PriorityChart report={report.data} />
              <Activities activities={report.data.activities} />
            </>
          )}
        </QueryState>
      </QueryState>
    </>
  );
}

function FulfilmentFilters({
  versions,
  versionId,
  callId,
  onApply,
}: {
  versions: readonly { id: string; title: string }[];
  versionId: string;
  callId: string;
  onApply: (versionId: string, callId: string) => void;
}) {
  const intl = useIntl();
  const calls = useCallOptions();
  const [draft, setDraft] = useState({ versionId, callId });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft.versionId, draft.callId);
  };
  return (
    <FilterForm title="auditor.filters.title" submit="auditor.filters.apply" onSubmit={submit}>
      <FilterSelect
        id="fulfilment-version"
        label="auditor.fulfilment.plan"
        value={draft.versionId}
        onChange={(event) => setDraft((d) => ({ ...d, versionId: event.target.value }))}
      >
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.title}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        id="fulfilment-call"
        label="auditor.filters.call"
        value={draft.callId}
        onChange={(event) => setDraft((d) => ({ ...d, callId: event.target.value }))}
        any={intl.formatMessage({ id: 'auditor.filters.any' })}
      >
        {calls.data?.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.code} – {c.title}
          </option>
        ))}
      </FilterSelect>
    </FilterForm>
  );
}

function Totals({ report }: { report: FulfilmentReport }) {
  const f = useFormat();
  return (
    <dl className="facts">
      <dt>
        <FormattedMessage id="auditor.fulfilment.projects" />
      </dt>
      <dd>{report.totals.supportedProjects}</dd>
      <dt>
        <FormattedMessage id="auditor.kind.approved" />
      </dt>
      <dd>{f.money(report.totals.approved)}</dd>
      <dt>
        <FormattedMessage id="auditor.kind.paid" />
      </dt>
      <dd>{f.money(report.totals.paid)}</dd>
      <dt>
        <FormattedMessage id="auditor.kind.settled" />
      </dt>
      <dd>{f.money(report.totals.settled)}</dd>
    </dl>
  );
}

/** The chart of the PDF, as a table: each number is text; the bars beside them are decorative. */
function PriorityChart({ report }: { report: FulfilmentReport }) {
  const largest = largestAmount(report.priorities.map((p) => ({ amounts: { approved: p.approved, paid: p.paid } })));
  return (
    <section aria-labelledby="fulfilment-chart-title">
      <h2 id="fulfilment-chart-title">
        <FormattedMessage id="auditor.fulfilment.chart" />
      </h2>
      <DataTable
        labelledBy="fulfilment-chart-title"
        caption="auditor.fulfilment.chartCaption"
        columns={['auditor.level.priority', { id: 'auditor.kind.approved', num: true }, { id: 'auditor.kind.paid', num: true }]}
      >
        {report.priorities.map((p) => (
          <tr key={p.code}>
            <th scope="row">
              <span className="tree-row__code">{p.code}</span> {p.name}
            </th>
            <td className="num">
              <Amount amount={p.approved} largest={largest} kind="approved" />
            </td>
            <td className="num">
              <Amount amount={p.paid} largest={largest} kind="paid" />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Activities({ activities }: { activities: readonly FulfilmentActivity[] }) {
  const f = useFormat();
  return (
    <section aria-labelledby="fulfilment-activities-title">
      <h2 id="fulfilment-activities-title">
        <FormattedMessage id="auditor.fulfilment.activities" values={{ count: activities.length }} />
      </h2>
      <DataTable
        labelledBy="fulfilment-activities-title"
        caption="auditor.fulfilment.activitiesCaption"
        columns={[
          'auditor.level.activity',
          { id: 'auditor.fulfilment.projects', num: true },
          { id: 'auditor.kind.approved', num: true },
          { id: 'auditor.kind.paid', num: true },
          { id: 'auditor.kind.settled', num: true },
          'auditor.fulfilment.indicators',
        ]}
      >
        {activities.map((a) => (
          <tr key={a.code}>
            <th scope="row">
              <span className="tree-row__code">{a.code}</span> {a.name}
            </th>
            <td className="num">{a.supportedProjects}</td>
            <td className="num">{f.money(a.approved)}</td>
            <td className="num">{f.money(a.paid)}</td>
            <td className="num">{f.money(a.settled)}</td>
            <td>
              <IndicatorList activity={a} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function IndicatorList({ activity }: { activity: FulfilmentActivity }) {
  const rows = indicatorRows(activity);
  if (rows.length === 0)
    return (
      <p>
        <FormattedMessage id="auditor.fulfilment.noIndicators" />
      </p>
    );
  return (
    <ul className="indicators">
      {rows.map((r) => (
        <li key={r.indicator} className={r.asked ? undefined : 'indicators__extra'}>
          {r.indicator}
          {!r.asked && (
            <>
              {' '}
              <FormattedMessage id="auditor.fulfilment.notAsked" />
            </>
          )}
          {': '}
          {r.outputs.length === 0 ? (
            <FormattedMessage id="auditor.fulfilment.notReported" />
          ) : (
            r.outputs.map((o, i) => (
              <span key={o.unit}>
                {i > 0 && '; '}
                <FormattedMessage
                  id="auditor.fulfilment.output"
                  values={{ achieved: o.achieved, promised: o.promised, unit: o.unit, percent: achievedPercent(o) ?? 0, known: achievedPercent(o) === null ? 'no' : 'yes' }}
                />
              </span>
            ))
          )}
        </li>
      ))}
    </ul>
  );
}
