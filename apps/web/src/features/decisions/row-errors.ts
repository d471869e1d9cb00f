/**
 * The server's refusals of a resolution, put at the row they concern. Field errors name the row by its index in
 * the request (`decisions[2].amount`); conflicts name it by `applicationId` in the problem's details (the allocation,
 * an existing decision, money already paid). Keys are `<applicationId>.<field>`, the ids of the row's inputs.
 */
import { ProblemError } from '../../api/errors';

export const rowField = (applicationId: string, field: 'outcome' | 'amount' | 'reason' | 'conditions') => `${applicationId}.${field}`;

const ROW_FIELD: Record<string, 'outcome' | 'amount' | 'reason' | 'conditions'> = {
  amount: 'amount',
  reason: 'reason',
  conditions: 'conditions',
  outcome: 'outcome',
  applicationId: 'outcome',
  supersedesId: 'outcome',
};

/** Which row field a conflict without a field belongs to. */
const CONFLICT_FIELD: Record<string, 'outcome' | 'amount'> = {
  ALLOCATION_EXCEEDED: 'amount',
  DECISION_BELOW_PAID: 'amount',
  DECISION_EXISTS: 'outcome',
  AGREEMENT_SETTLED: 'outcome',
};

/** Field errors by key, or null when the problem concerns no field or row (shown as the form's general message). */
export function resolutionErrors(error: unknown, sentApplicationIds: readonly string[]): Record<string, string> | null {
  if (!(error instanceof ProblemError)) return null;
  const fields: Record<string, string> = {};
  for (const problem of error.fieldErrors) {
    const match = /^decisions\[(\d+)\]\.?(\w+)?/.exec(problem.field);
    if (match) {
      const applicationId = sentApplicationIds[Number(match[1])];
      const field = ROW_FIELD[match[2] ?? 'outcome'] ?? 'outcome';
      if (applicationId) fields[rowField(applicationId, field)] ??= problem.message;
    } else {
      fields[problem.field] ??= problem.message;
    }
  }
  const problem = error.problem;
  const applicationId = typeof problem.applicationId === 'string' ? problem.applicationId : null;
  if (applicationId && sentApplicationIds.includes(applicationId) && CONFLICT_FIELD[problem.code]) {
    fields[rowField(applicationId, CONFLICT_FIELD[problem.code])] = error.message;
  } else if (problem.code === 'COMMISSION_SESSION_NOT_CLOSED') {
    fields.withoutCommissionReason = error.message;
  }
  return Object.keys(fields).length > 0 ? fields : null;
}
