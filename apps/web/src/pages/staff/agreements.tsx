/**
 * /sprava/smlouvy: staff's agreements. By default those waiting for the Registr smluv (signed, not published), the
 * most urgent first (the server sorts by the day of signature and computes each clock); filters by state, call and
 * text, in the address (`stav`, `vyzva`, `hledat`, `strana`), paged, and the CSV with the same filters. With a call
 * chosen, its approved applications still without an agreement, each with the link to draw one.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { useFormat } from '../../lib/use-format';
import { TableRegion } from '../../components/table-region';
import { useStaffCalls } from '../../features/staff/api';
import { AGREEMENT_STATUSES, csvPath, useAgreementList } from '../../features/agreements/api';
import type { AgreementFilters, AgreementStatus, Decision } from '../../features/agreements/api';
import { RegisterClockText, RegisterStateTag, StatusTag } from '../../features/agreements/register-clock';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/agreements/agreements.css';

const PAGE_SIZE = 25;
const ALL = 'vse';

export function AgreementsPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Agreements />
    </RequireRole>
  );
}

function Agreements() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useFormat();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as Record<string, string | undefined>;
  const stav = search.stav ?? 'signed';
  const filters: AgreementFilters = {
    status: stav === ALL ? undefined : (stav as AgreementStatus),
    callId: search.vyzva || undefined,
    search: search.hledat || undefined,
    page: Number(search.strana ?? '1') || 1,
    pageSize: PAGE_SIZE,
  };
  const [text, setText] = useState(search.hledat ?? '');
  const calls = useStaffCalls();
  const list = useAgreementList(filters);
  const [csvFailure, setCsvFailure] = useState<string | null>(null);
  const go = (next: Record<string, string | undefined>) =>
    void navigate({ to: '/sprava/smlouvy', search: Object.fromEntries(Object.entries({ ...search, strana: undefined, ...next }).filter(([, v]) => v)) as never });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const page = filters.page ?? 1;
  const caption = stav === 'signed' ? t('agreements.list.waitingCaption') : t('agreements.list.caption');
  return (
    <>
      <h1>{t('agreements.list.title')}</h1>
      <p>{t('agreements.list.intro')}</p>
      <form
        className="agreement-filters"
        role="search"
        aria-label={t('agreements.list.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          go({ hledat: text.trim() || undefined });
        }}
      >
        <div className="field">
          <label className="gov-form-label" htmlFor="filter-status">
            {t('agreements.list.status')}
          </label>
          <select id="filter-status" value={stav} onChange={(e) => go({ stav: e.target.value })}>
            <option value={ALL}>{t('agreements.list.all')}</option>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(s === 'signed' ? 'agreements.list.waiting' : `agreements.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="gov-form-label" htmlFor="filter-call">
            {t('agreements.list.call')}
          </label>
          <select id="filter-call" value={search.vyzva ?? ''} onChange={(e) => go({ vyzva: e.target.value || undefined })}>
            <option value="">{t('agreements.list.anyCall')}</option>
            {(calls.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} – {c.title}
              </option>
            ))}
          </select>
        </div>
        <div className="gov-form-control field">
          <label className="gov-form-label" htmlFor="filter-text">
            {t('agreements.list.search')}
          </label>
          <div className="gov-form-input" data-size="m">
            <div className="element">
              <input id="filter-text" type="search" value={text} onChange={(e) => setText(e.target.value)} />
            </div>
          </div>
        </div>
        <button type="submit" className="gov-button" data-type="outlined" data-color="primary" data-size="m">
          {t('agreements.list.apply')}
        </button>
        <button
          type="button"
          className="gov-button"
          data-type="outlined"
          data-color="primary"
          data-size="m"
          onClick={() => {
            setCsvFailure(null);
            downloadFile(csvPath(filters), 'smlouvy.csv').catch((error) =>
              setCsvFailure(error instanceof ProblemError ? error.message : intl.formatMessage({ id: 'common.error.network' })),
            );
          }}
        >
          {t('agreements.list.csv')}
        </button>
      </form>
      {csvFailure && (
        <p role="alert" className="text-error">
          {csvFailure}
        </p>
      )}
      <QueryState query={list}>
        {list.data && (
          <>
            <p role="status">{t('agreements.list.count', { count: list.data.total })}</p>
            {list.data.items.length > 0 && (
              <TableRegion label={caption}>
                <table className="data">
                  <caption>{caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('agreements.list.number')}</th>
                      <th scope="col">{t('agreements.field.recipient')}</th>
                      <th scope="col">{t('agreements.field.status')}</th>
                      <th scope="col">{t('agreements.register.title')}</th>
                      <th scope="col">{t('agreements.field.amount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.data.items.map((a) => (
                      <tr key={a.id}>
                        <th scope="row">
                          <Link to="/smlouvy/$agreementId" params={{ agreementId: a.id }}>
                            {a.number}
                          </Link>
                          <br />
                          <span className="meta">
                            {a.callCode} · {a.applicationNumber}
                          </span>
                        </th>
                        <td>
                          {a.organisationName}
                          <br />
                          <span className="meta">{a.title}</span>
                        </td>
                        <td>
                          <StatusTag status={a.status} />
                        </td>
                        <td>
                          <RegisterStateTag state={a.registerState} />
                          <RegisterClockText clock={a.registerClock} />
                        </td>
                        <td className="num">{f.money(a.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
            {pages > 1 && (
              <nav aria-label={t('agreements.list.pagination')}>
                <ul className="pagination">
                  {page > 1 && (
                    <li>
                      <Link to="/sprava/smlouvy" search={{ ...search, strana: String(page - 1) } as never}>
                        {t('agreements.list.previous')}
                      </Link>
                    </li>
                  )}
                  <li>{t('agreements.list.pageOf', { page, pages })}</li>
                  {page < pages && (
                    <li>
                      <Link to="/sprava/smlouvy" search={{ ...search, strana: String(page + 1) } as never}>
                        {t('agreements.list.next')}
                      </Link>
                    </li>
                  )}
                </ul>
              </nav>
            )}
          </>
        )}
      </QueryState>
      {search.vyzva && <WithoutAgreement callId={search.vyzva} />}
    </>
  );
}

/** The call's approved applications that have no agreement yet: where staff start drawing one. */
function WithoutAgreement({ callId }: { callId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useFormat();
  const decisions = useQuery({
    queryKey: ['decisions', callId],
    queryFn: () => call<Decision[]>(api.GET('/api/v1/calls/{callId}/decisions', { params: { path: { callId } } })),
  });
  const agreements = useAgreementList({ callId, pageSize: 200 });
  const drawn = new Set((agreements.data?.items ?? []).map((a) => a.applicationId));
  const open = (decisions.data ?? []).filter((d) => d.outcome === 'approved' && d.effective && !drawn.has(d.applicationId));
  return (
    <section aria-labelledby="without-title">
      <h2 id="without-title">{t('agreements.list.withoutTitle')}</h2>
      <QueryState query={decisions}>
        <QueryState query={agreements}>
          {open.length === 0 ? (
            <p>{t('agreements.list.withoutNone')}</p>
          ) : (
            <ul>
              {open.map((d) => (
                <li key={d.id}>
                  {d.number} – {f.money(d.amount)} ({d.resolution}){' '}
                  <Link to="/sprava/zadosti/$applicationId/smlouva" params={{ applicationId: d.applicationId }}>
                    {t('agreements.list.draw', { number: d.number })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </QueryState>
    </section>
  );
}
