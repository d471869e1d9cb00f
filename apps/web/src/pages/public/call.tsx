import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/query-state';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import type { CallView } from './types';

/**
 * A call's public page: everything § 10c(2) of Act 250/2000 requires a published call to state, then the
 * criteria with weights, annexes, budget areas, eligible activities, amendments (before/after, dated), the
 * timeline, and the "Apply" entry.
 */
export function CallPage() {
  const { callId } = useParams({ strict: false }) as { callId: string };
  const query = useQuery({
    queryKey: ['public-call', callId],
    queryFn: () => call<CallView>(api.GET('/api/v1/public/calls/{id}', { params: { path: { id: callId } } })),
  });
  return <QueryState query={query}>{query.data && <CallDetail call={query.data} />}</QueryState>;
}

function CallDetail({ call: c }: { call: CallView }) {
  const f = useFormat();
  const intl = useIntl();
  const { locale } = useLanguage();
  const { user } = useSession();
  const applicantTypes = c.eligibleApplicantTypes.map((t) => intl.formatMessage({ id: `public.call.applicantType.${t}` })).join(', ');
  const show = (value: unknown) => formatChange(value, f);
  return (
    <>
      <p className="meta">
        {c.code} ·{' '}
        <span className="gov-tag" data-size="xs" data-type="subtle">
          {c.statusName[locale]}
        </span>
      </p>
      <h1>{c.title}</h1>

      <section aria-labelledby="apply-title" className="notice">
        <h2 id="apply-title" className="visually-hidden">
          <FormattedMessage id="public.call.applyTitle" />
        </h2>
        {user && user.roles.includes('auditor') && !user.roles.includes('applicant') ? (
          // An auditor only reads: no action, not even the way to one.
          <p>
            <FormattedMessage id="auditor.readOnlyNotice" />
          </p>
        ) : c.status === 'open' ? (
          <>
            <p>
              <FormattedMessage id="public.call.openUntil" values={{ when: f.dateTime(c.closesAt) }} />
            </p>
            <Link
              className="gov-button"
              data-type="solid"
              data-color="primary"
              data-size="m"
              to={user ? '/zadosti' : '/prihlaseni'}
              search={user ? ({ vyzva: c.id } as never) : ({ dalsi: `/zadosti?vyzva=${c.id}` } as never)}
            >
              <FormattedMessage id="public.call.apply" />
            </Link>
          </>
        ) : (
          <p>
            <FormattedMessage id="public.call.notOpen" values={{ from: f.dateTime(c.opensAt) }} />
          </p>
        )}
      </section>

      <h2>
        <FormattedMessage id="public.call.timeline" />
      </h2>
      <ol className="timeline">
        {c.publishedAt && (
          <li>
            <FormattedMessage id="public.call.published" values={{ when: f.date(c.publishedAt) }} />
          </li>
        )}
        <li>
          <FormattedMessage id="public.call.period" values={{ from: f.dateTime(c.opensAt), to: f.dateTime(c.closesAt) }} />
        </li>
        <li>
          <FormattedMessage id="public.call.decision" values={{ when: f.date(c.decisionDeadline) }} />
        </li>
        <li>
          <FormattedMessage id="public.call.settlement" values={{ when: f.date(c.settlementDeadline) }} />
        </li>
      </ol>

      <h2>
        <FormattedMessage id="public.call.essentials" />
      </h2>
      <dl className="facts">
        <dt>
          <FormattedMessage id="public.call.purpose" />
        </dt>
        <dd>{c.purpose}</dd>
        <dt>
          <FormattedMessage id="public.call.reasons" />
        </dt>
        <dd>{c.reasons}</dd>
        <dt>
          <FormattedMessage id="public.call.totalAllocation" />
        </dt>
        <dd>{f.money(c.totalAllocation)}</dd>
        <dt>
          <FormattedMessage id="public.call.grantRange" />
        </dt>
        <dd>
          {c.minGrant && c.maxGrant ? <FormattedMessage id="public.call.grantFromTo" values={{ min: f.money(c.minGrant), max: f.money(c.maxGrant) }} /> : '—'}
          {c.grantRule && (
            <>
              <br />
              {c.grantRule}
            </>
          )}
        </dd>
        <dt>
          <FormattedMessage id="public.call.applicants" />
        </dt>
        <dd>{applicantTypes}</dd>
        <dt>
          <FormattedMessage id="public.call.applicationPeriod" />
        </dt>
        <dd>
          {f.dateTime(c.opensAt)} – {f.dateTime(c.closesAt)}
        </dd>
        <dt>
          <FormattedMessage id="public.call.decisionDeadline" />
        </dt>
        <dd>{f.date(c.decisionDeadline)}</dd>
        <dt>
          <FormattedMessage id="public.call.conditions" />
        </dt>
        <dd style={{ whiteSpace: 'pre-line' }}>{c.conditions}</dd>
        <dt>
          <FormattedMessage id="public.call.coFinancing" />
        </dt>
        <dd>{intl.formatNumber(Number(c.coFinancingMinPercent) / 100, { style: 'percent', maximumFractionDigits: 2 })}</dd>
        <dt>
          <FormattedMessage id="public.call.settlementDeadline" />
        </dt>
        <dd>{f.date(c.settlementDeadline)}</dd>
        <dt>
          <FormattedMessage id="public.call.stateAid" />
        </dt>
        <dd>
          <FormattedMessage id={`public.call.stateAid.${c.stateAidRegime}`} defaultMessage={c.stateAidRegime} />
        </dd>
      </dl>

      <h2>
        <FormattedMessage id="public.call.budgetAreas" />
      </h2>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">
            <FormattedMessage id="public.call.budgetAreas" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="public.call.area" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="public.call.allocation" />
              </th>
            </tr>
          </thead>
          <tbody>
            {c.budgetAreas.map((area) => (
              <tr key={area.id}>
                <th scope="row">
                  {area.code} – {area.name}
                  {area.description && <div className="meta">{area.description}</div>}
                </th>
                <td className="num">{f.money(area.allocation)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>
        <FormattedMessage id="public.call.criteria" />
      </h2>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">
            <FormattedMessage id="public.call.criteria" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="public.call.criterion" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="public.call.weight" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="public.call.maxScore" />
              </th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row">
                  {criterion.code} – {criterion.name}
                  {criterion.description && <div className="meta">{criterion.description}</div>}
                </th>
                <td className="num">{criterion.weight}</td>
                <td className="num">
                  {criterion.maxScore}
                  {criterion.minScore !== null && (
                    <div className="meta">
                      <FormattedMessage id="public.call.minScore" values={{ min: criterion.minScore }} />
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>
        <FormattedMessage id="public.call.annexes" />
      </h2>
      <ul>
        {c.annexTypes.map((annex) => (
          <li key={annex.id}>
            <strong>{annex.name}</strong> (
            {annex.required ? (
              <FormattedMessage id="public.call.annexRequired" />
            ) : annex.requiredFrom.length > 0 ? (
              <FormattedMessage
                id="public.call.annexRequiredFrom"
                values={{ types: annex.requiredFrom.map((t) => intl.formatMessage({ id: `public.call.applicantType.${t}` })).join(', ') }}
              />
            ) : (
              <FormattedMessage id="public.call.annexOptional" />
            )}
            )
            <div className="meta">
              <FormattedMessage id="public.call.annexLimits" values={{ formats: annex.allowedFormats.join(', ').toUpperCase(), size: annex.maxSizeMb }} />
            </div>
            {annex.description && <div>{annex.description}</div>}
          </li>
        ))}
      </ul>

      <h2>
        <FormattedMessage id="public.call.costCategories" />
      </h2>
      <ul>
        {c.costCategories.map((cat) => (
          <li key={cat.code}>
            {cat.code} – {cat.name}
          </li>
        ))}
      </ul>

      <h2>
        <FormattedMessage id="public.call.activities" values={{ count: c.activities.length }} />
      </h2>
      <ul>
        {c.activities.map((a) => (
          <li key={a.id}>
            {a.code} – {a.name}
          </li>
        ))}
      </ul>

      <h2>
        <FormattedMessage id="public.call.amendments" values={{ count: c.amendments.length }} />
      </h2>
      {c.amendments.length === 0 ? (
        <p>
          <FormattedMessage id="public.call.noAmendments" />
        </p>
      ) : (
        c.amendments.map((amendment) => (
          <section key={amendment.number} aria-labelledby={`amendment-${amendment.number}`}>
            <h3 id={`amendment-${amendment.number}`}>
              <FormattedMessage id="public.call.amendment" values={{ number: amendment.number, when: f.date(amendment.createdAt) }} />
            </h3>
            <p>{amendment.reason}</p>
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">
                  <FormattedMessage id="public.call.amendment" values={{ number: amendment.number, when: f.date(amendment.createdAt) }} />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage id="public.call.changedField" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="public.call.before" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="public.call.after" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {amendment.changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">
                        <FormattedMessage id={`public.call.field.${change.field}`} defaultMessage={change.field} />
                      </th>
                      <td>{show(change.before)}</td>
                      <td>{show(change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))
      )}
    </>
  );
}

/** Amendment values: timestamps and amounts in the user's format, lists and objects as text. */
function formatChange(value: unknown, f: ReturnType<typeof useFormat>): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return f.dateTime(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return f.date(value);
    if (/^\d+\.\d{2}$/.test(value)) return f.money(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v && 'name' in v ? String((v as { name: unknown }).name) : String(v))).join(', ');
  return JSON.stringify(value);
}
