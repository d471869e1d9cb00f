/**
 * "What needs my action" (GET /api/v1/my-actions): open remedy requests, agreements to sign and settlements due
 * in the user's organisations. The dashboard lists them; the header shows their count with a link there. The query key
 * starts with 'applications', so whatever refreshes the applications (a submit, a withdrawal) refreshes this too.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { api, call } from '../../api/client';
import { useFormat } from '../../lib/use-format';
import { Countdown } from './status';
import type { components } from '../../api/schema';

export type ApplicantActions = components['schemas']['ApplicantActionsResponse'];
export const actionsKey = ['applications', 'my-actions'] as const;
/** The dashboard section's id: the header's link leads there. */
export const ACTIONS_SECTION = 'vyzaduje-akci';

export function useApplicantActions(enabled = true) {
  return useQuery({
    queryKey: actionsKey,
    queryFn: () => call<ApplicantActions>(api.GET('/api/v1/my-actions')),
    enabled,
    refetchInterval: 60_000,
  });
}

/** The header's "2 úkoly k vyřízení" link; nothing while there is nothing to do. */
export function ActionsLink() {
  const actions = useApplicantActions();
  const count = (actions.data?.remedies.length ?? 0) + (actions.data?.signatures.length ?? 0) + (actions.data?.settlements.length ?? 0);
  if (count === 0) return null;
  return (
    <Link to="/zadosti" hash={ACTIONS_SECTION}>
      <FormattedMessage id="applicant.header.actions" values={{ count }} />
    </Link>
  );
}

/** Open remedy requests (with their deadline), agreements to sign and settlements due, from GET /my-actions; nothing when there is nothing to do. */
export function NeedsAction() {
  const f = useFormat();
  const actions = useApplicantActions();
  const remedies = actions.data?.remedies ?? [];
  const signatures = actions.data?.signatures ?? [];
  const settlements = actions.data?.settlements ?? [];
  if (remedies.length + signatures.length + settlements.length === 0) return null;
  return (
    <section aria-labelledby="action-title" className="notice" id={ACTIONS_SECTION}>
      <h2 id="action-title">
        <FormattedMessage id="applicant.dashboard.needsAction" />
      </h2>
      <ul>
        {remedies.map((r) => (
          <li key={r.applicationId}>
            <Link to="/zadosti/$applicationId" params={{ applicationId: r.applicationId }}>
              <FormattedMessage id="applicant.dashboard.remedy" values={{ number: r.applicationNumber, title: r.title }} />
            </Link>{' '}
            – <Countdown until={r.deadlineAt} />
          </li>
        ))}
        {signatures.map((s) => (
          <li key={`${s.agreementId}-${s.amendmentNumber ?? 0}`}>
            <Link to="/smlouvy/$agreementId" params={{ agreementId: s.agreementId }}>
              {s.amendmentNumber === null ? (
                <FormattedMessage id="agreements.dashboard.sign" values={{ agreement: s.agreementNumber, number: s.applicationNumber, title: s.title }} />
              ) : (
                <FormattedMessage
                  id="agreements.dashboard.signAmendment"
                  values={{ amendment: s.amendmentNumber, agreement: s.agreementNumber, number: s.applicationNumber, title: s.title }}
                />
              )}
            </Link>
          </li>
        ))}
        {settlements.map((s) => (
          <li key={s.agreementId}>
            <Link to="/vyuctovani/$agreementId" params={{ agreementId: s.agreementId }}>
              <FormattedMessage id="applicant.dashboard.settlement" values={{ agreement: s.agreementNumber, number: s.applicationNumber, title: s.title }} />
            </Link>{' '}
            – <FormattedMessage id="applicant.dashboard.settlementDeadline" values={{ when: f.date(s.deadline) }} />
          </li>
        ))}
      </ul>
    </section>
  );
}
