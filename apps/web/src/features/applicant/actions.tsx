/**
 * "What needs my action" (GET /api/v1/my-actions): open remedy requests and settlements due in the user's
 * organisations. The dashboard lists them; the header shows their count with a link there. The query key
 * starts with 'applications', so whatever refreshes the applications (a submit, a withdrawal) refreshes this too.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedMessage } from 'react-intl';
import { api, call } from '../../api/client';
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
  const count = (actions.data?.remedies.length ?? 0) + (actions.data?.settlements.length ?? 0);
  if (count === 0) return null;
  return (
    <Link to="/zadosti" hash={ACTIONS_SECTION}>
      <FormattedMessage id="applicant.header.actions" values={{ count }} />
    </Link>
  );
}
