import { describe, expect, it } from 'vitest';
import { reviewerChoices } from './reviewer-choices';

const member = (userId: string, displayName: string) => ({ userId, displayName, declaredAll: true, conflicts: 0, assigned: 0 });
const members = [member('a', 'Anna'), member('b', 'Bedřich'), member('c', 'Cyril'), member('d', 'Dana')];

describe('reviewerChoices', () => {
  it('offers only members who declared without a conflict and do not review the application yet', () => {
    const choices = reviewerChoices(members, { applicationId: 'x', number: '1', reviewers: ['a'], eligible: 2, eligibleUserIds: ['a', 'b'], conflictedUserIds: ['c'] });
    expect(choices.candidates.map((m) => m.userId)).toEqual(['b']);
    expect(choices.missing).toEqual([
      { userId: 'c', displayName: 'Cyril', reason: 'conflict' },
      { userId: 'd', displayName: 'Dana', reason: 'undeclared' },
    ]);
  });

  it('offers nobody when every free member is conflicted', () => {
    const choices = reviewerChoices(members.slice(0, 2), { applicationId: 'x', number: '1', reviewers: [], eligible: 0, eligibleUserIds: [], conflictedUserIds: ['a', 'b'] });
    expect(choices.candidates).toEqual([]);
    expect(choices.missing.map((m) => m.reason)).toEqual(['conflict', 'conflict']);
  });
});
