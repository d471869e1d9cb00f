/**
 * /hodnoceni: where a commission member, a chair and the commission's secretary start. Each commission with
 * what waits (declarations, the next session, the decision deadline); staff also see the calls in evaluation,
 * with or without a commission, to set one up.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { useSession } from '../../api/session';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { useMyCommissions } from '../../features/commission/api';
import { useFormat } from '../../lib/use-format';
import '../../features/commission/commission.css';

export const COMMISSION_ROLES = ['commission_member', 'staff', 'admin'] as const;

export function CommissionsPage() {
  return (
    <RequireRole roles={[...COMMISSION_ROLES]}>
      <Commissions />
    </RequireRole>
  );
}

function Commissions() {
  const intl = useIntl();
  const f = useFormat();
  const { user } = useSession();
  const mine = useMyCommissions();
  const isStaff = Boolean(user?.roles.some((r) => r === 'staff' || r === 'admin'));
  return (
    <>
      <h1>
        <FormattedMessage id="commission.list.title" />
      </h1>
      <p>
        <FormattedMessage id="commission.list.intro" />
      </p>
      <QueryState query={mine}>
        {(mine.data ?? []).length === 0 ? (
          <p>
            <FormattedMessage id="commission.list.none" />
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption>{intl.formatMessage({ id: 'commission.list.caption' })}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="commission.list.call" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="commission.list.role" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="commission.list.waiting" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="commission.list.deadlines" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {(mine.data ?? []).map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to="/hodnoceni/$callId" params={{ callId: c.callId }}>
                        {c.callCode} – {c.callTitle}
                      </Link>
                      <div className="meta">{c.name}</div>
                    </th>
                    <td>
                      <FormattedMessage id={`commission.role.${c.role}`} />
                    </td>
                    <td>{c.pendingDeclarations > 0 ? <FormattedMessage id="commission.list.pendingDeclarations" values={{ count: c.pendingDeclarations }} /> : '—'}</td>
                    <td>
                      {c.nextSessionAt && (
                        <div>
                          <FormattedMessage id="commission.list.nextSession" values={{ when: f.dateTime(c.nextSessionAt) }} />
                        </div>
                      )}
                      {c.decisionDeadline && (
                        <div>
                          <FormattedMessage id="commission.list.decisionDeadline" values={{ date: f.date(c.decisionDeadline) }} />
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      {isStaff && <CallsInEvaluation />}
    </>
  );
}

type CallPage = components['schemas']['PageCallResponse'];

function CallsInEvaluation() {
  const calls = useQuery({
    queryKey: ['calls-in-evaluation'],
    queryFn: () => call<CallPage>(api.GET('/api/v1/calls', { params: { query: { status: 'in_evaluation', pageSize: 100 } as never } })),
  });
  return (
    <section aria-labelledby="calls-title">
      <h2 id="calls-title">
        <FormattedMessage id="commission.list.callsTitle" />
      </h2>
      <QueryState query={calls}>
        {(calls.data?.items ?? []).length === 0 ? (
          <p>
            <FormattedMessage id="commission.list.noCalls" />
          </p>
        ) : (
          <ul>
            {(calls.data?.items ?? []).map((c) => (
              <li key={c.id}>
                <Link to="/hodnoceni/$callId" params={{ callId: c.id }}>
                  {c.code} – {c.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
