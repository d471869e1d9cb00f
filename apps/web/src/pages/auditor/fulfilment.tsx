import { useSearch } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { Amount, BackLink, DownloadButton, useCallOptions, useSetSearch, useStrategyVersions } from '../../features/auditor/components';
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
export function FulfilmentPage() {
  return (
    <RequireRole roles={['auditor']}>
      <FulfilmentView />
    </RequireRole>
  );
}

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
    <form className="filters" aria-label={intl.formatMessage({ id: 'auditor.filters.title' })} onSubmit={submit}>
      <fieldset>
        <legend>
          <FormattedMessage id="auditor.filters.title" />
        </legend>
        <div className="filters__grid">
          <div className="field">
            <label className="gov-form-label" htmlFor="fulfilment-version">
              <FormattedMessage id="auditor.fulfilment.plan" />
            </label>
            <div className="gov-form-select" data-size="m">
              <select id="fulfilment-version" value={draft.versionId} onChange={(event) => setDraft((d) => ({ ...d, versionId: event.target.value }))}>
                {versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.title}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label className="gov-form-label" htmlFor="fulfilment-call">
              <FormattedMessage id="auditor.filters.call" />
            </label>
            <div className="gov-form-select" data-size="m">
              <select id="fulfilment-call" value={draft.callId} onChange={(event) => setDraft((d) => ({ ...d, callId: event.target.value }))}>
                <option value="">{intl.formatMessage({ id: 'auditor.filters.any' })}</option>
                {calls.data?.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.code} – {c.title}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m">
            <FormattedMessage id="auditor.filters.apply" />
          </button>
        </div>
      </fieldset>
    </form>
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
      <div className="table-wrap" role="region" aria-labelledby="fulfilment-chart-title" tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">
            <FormattedMessage id="auditor.fulfilment.chartCaption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="auditor.level.priority" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="auditor.kind.approved" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="auditor.kind.paid" />
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
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
      <div className="table-wrap" role="region" aria-labelledby="fulfilment-activities-title" tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">
            <FormattedMessage id="auditor.fulfilment.activitiesCaption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="auditor.level.activity" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="auditor.fulfilment.projects" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="auditor.kind.approved" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="auditor.kind.paid" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="auditor.kind.settled" />
              </th>
              <th scope="col">
                <FormattedMessage id="auditor.fulfilment.indicators" />
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
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
