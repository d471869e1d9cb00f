/**
 * /sprava: the programme staff's dashboard — every call with what is left to do in its present state
 * (finish and publish a draft, the formal check of submitted applications, remedies running, evaluation),
 * newest first, and a button for a new call.
 */
import { useQueries } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { useStaffCalls } from '../../features/staff/api';
import type { Page, PublicationCheck, StaffCall } from '../../features/staff/types';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';

export function StaffDashboardPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Dashboard />
    </RequireRole>
  );
}

function Dashboard() {
  const calls = useStaffCalls();
  const items = calls.data?.items ?? [];
  return (
    <>
      <h1>
        <FormattedMessage id="staff.dashboard.title" />
      </h1>
      <p>
        <Link to="/sprava/vyzvy/nova" className="gov-button" data-type="solid" data-color="primary" data-size="m">
          <FormattedMessage id="staff.dashboard.new" />
        </Link>
      </p>
      <p>
        <Link to="/sprava/platby">
          <FormattedMessage id="payments.dashboardLink" />
        </Link>
      </p>
      <QueryState query={calls}>
        {items.length === 0 ? (
          <p>
            <FormattedMessage id="staff.dashboard.empty" />
          </p>
        ) : (
          <ToDo calls={items} />
        )}
      </QueryState>
    </>
  );
}

const countOf = (callId: string, status: string) => () =>
  call<Page<unknown>>(api.GET('/api/v1/applications', { params: { query: { callId, status: status as never, page: 1, pageSize: 1 } } })).then((p) => p.total);

function ToDo({ calls }: { calls: StaffCall[] }) {
  const { locale } = useLanguage();
  const f = useFormat();
  const drafts = calls.filter((c) => c.status === 'draft');
  const afterDeadline = calls.filter((c) => c.status === 'closed' || c.status === 'in_evaluation');
  const checks = useQueries({
    queries: drafts.map((c) => ({
      queryKey: ['staff-call-check', c.id],
      queryFn: () => call<PublicationCheck>(api.GET('/api/v1/calls/{id}/publication-check', { params: { path: { id: c.id } } })),
    })),
  });
  const toCheck = useQueries({ queries: afterDeadline.map((c) => ({ queryKey: ['staff-count', c.id, 'submitted'], queryFn: countOf(c.id, 'submitted') })) });
  const remedies = useQueries({ queries: afterDeadline.map((c) => ({ queryKey: ['staff-count', c.id, 'remedy_requested'], queryFn: countOf(c.id, 'remedy_requested') })) });
  const left = (c: StaffCall) => {
    if (c.status === 'draft') {
      const check = checks[drafts.indexOf(c)]?.data;
      return check ? <FormattedMessage id="staff.dashboard.draft" values={{ count: check.blockers.length }} /> : null;
    }
    if (c.status === 'published') return <FormattedMessage id="staff.dashboard.published" values={{ when: f.dateTime(c.opensAt) }} />;
    if (c.status === 'open') return <FormattedMessage id="staff.dashboard.open" values={{ when: f.dateTime(c.closesAt) }} />;
    if (c.status === 'closed' || c.status === 'in_evaluation') {
      const i = afterDeadline.indexOf(c);
      return (
        <FormattedMessage
          id={c.status === 'closed' ? 'staff.dashboard.closed' : 'staff.dashboard.evaluation'}
          values={{ check: toCheck[i]?.data ?? '…', remedies: remedies[i]?.data ?? '…' }}
        />
      );
    }
    return <FormattedMessage id="staff.dashboard.nothing" />;
  };
  return (
    <div className="table-wrap">
      <table className="data">
        <caption>
          <FormattedMessage id="staff.dashboard.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="staff.dashboard.call" />
            </th>
            <th scope="col">
              <FormattedMessage id="staff.table.status" />
            </th>
            <th scope="col">
              <FormattedMessage id="staff.dashboard.left" />
            </th>
          </tr>
        </thead>
        <tbody>
          {calls.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <Link to="/sprava/vyzvy/$callId" params={{ callId: c.id }}>
                  {c.code}: {c.title}
                </Link>
              </th>
              <td>
                <span className="status-tag">{c.statusName[locale]}</span>
              </td>
              <td>{left(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
