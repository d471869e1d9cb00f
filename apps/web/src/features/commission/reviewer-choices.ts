import type { Assignments, Commission } from './api';

/**
 * Whom the "add reviewer" select of one application offers: members who declared on its applicant without a
 * conflict and do not review it yet (the server refuses anyone else); the rest not yet reviewing it, with why.
 */
export function reviewerChoices(members: Commission['members'], application: Assignments['applications'][number]) {
  const eligible = new Set(application.eligibleUserIds);
  const conflicted = new Set(application.conflictedUserIds);
  const free = members.filter((m) => !application.reviewers.includes(m.userId));
  return {
    candidates: free.filter((m) => eligible.has(m.userId)),
    missing: free
      .filter((m) => !eligible.has(m.userId))
      .map((m) => ({ userId: m.userId, displayName: m.displayName, reason: conflicted.has(m.userId) ? ('conflict' as const) : ('undeclared' as const) })),
  };
}
