/**
 * /sprava/vyuctovani: every settlement, the ones waiting for the check first; filter by status, page through,
 * open one to check it, record returns and close it.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { useFormat } from '../../lib/use-format';
import type { components } from '../../api/schema';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';

type SettlementPage = components['schemas']['PageSettlementListItemResponse'];
const STATUSES = ['submitted', 'checked', 'closed'] as const;
const PAGE_SIZE = 50;

export function SettlementsPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <List />
    </RequireRole>
  );
}

function List() {
  const intl = useIntl();
  const f = useFormat();
  const search = useSearch({ strict: false }) as { stav?: string; strana?: string };
  const navigate = useNavigate();
  const status = STATUSES.find((s) => s === search.stav);
  const page = Math.max(1, Number.parseInt(search.strana ?? '1', 10) || 1);
  const list = useQuery({
    queryKey: ['settlements', status ?? 'all', page],
    queryFn: () => call<SettlementPage>(api.GET('/api/v1/settlements', { params: { query: { status, page, pageSize: PAGE_SIZE } } })),
  });
  const go = (next: { stav?: string; strana?: string }) => void navigate({ to: '/sprava/vyuctovani', search: next as never });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <h1>
        <FormattedMessage id="settlement.list.title" />
      </h1>
      <div className="field">
        <label className="gov-form-label" htmlFor="settlement-status-filter">
          <span className="gov-form-label__label">
            <FormattedMessage id="settlement.list.filter" />
          </span>
        </label>
        <div className="gov-form-select" data-size="m">
          <select id="settlement-status-filter" value={status ?? ''} onChange={(event) => go(event.target.value ? { stav: event.target.value } : {})}>
            <option value="">{intl.formatMessage({ id: 'settlement.list.all' })}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {intl.formatMessage({ id: `settlement.status.${s}` })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={list}>
        <p role="status" aria-live="polite">
          <FormattedMessage id="settlement.list.count" values={{ count: list.data?.total ?? 0 }} />
        </p>
        {list.data && list.data.items.length > 0 && (
          <div className="table-wrap" role="region" aria-labelledby="settlement-list-caption" tabIndex={0}>
            <table className="data">
              <caption id="settlement-list-caption">
                <FormattedMessage id="settlement.list.caption" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="settlement.list.agreement" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="settlement.list.recipient" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="settlement.result.status" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="settlement.result.submittedAt" />
                  </th>
                  <th scope="col" className="num">
                    <FormattedMessage id="settlement.list.documents" />
                  </th>
                  <th scope="col" className="num">
                    <FormattedMessage id="settlement.computation.returnDue" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to="/sprava/vyuctovani/$settlementId" params={{ settlementId: s.id }}>
                        {s.agreementNumber}
                      </Link>
                      <br />
                      {s.title}
                    </th>
                    <td>{s.organisationName}</td>
                    <td>
                      <FormattedMessage id={`settlement.status.${s.status}`} />
                      {s.late && (
                        <>
                          {' – '}
                          <FormattedMessage id="settlement.list.late" />
                        </>
                      )}
                    </td>
                    <td>{f.dateTime(s.submittedAt as unknown as string)}</td>
                    <td className="num">{s.documents}</td>
                    <td className="num">{s.returnDue === null ? '—' : f.money(s.returnDue)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 && (
          <nav aria-label={intl.formatMessage({ id: 'settlement.list.pages' })} className="actions">
            <button
              type="button"
              className="gov-button"
              data-type="outlined"
              data-color="primary"
              data-size="s"
              disabled={page <= 1}
              onClick={() => go({ stav: status, strana: String(page - 1) })}
            >
              <FormattedMessage id="settlement.list.previous" />
            </button>
            <span>
              <FormattedMessage id="settlement.list.page" values={{ page, pages }} />
            </span>
            <button
              type="button"
              className="gov-button"
              data-type="outlined"
              data-color="primary"
              data-size="s"
              disabled={page >= pages}
              onClick={() => go({ stav: status, strana: String(page + 1) })}
            >
              <FormattedMessage id="settlement.list.next" />
            </button>
          </nav>
        )}
      </QueryState>
    </>
  );
}
