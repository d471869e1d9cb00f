import { Money } from '#core';

export interface ActivityShare {
  activityId: string;
  /** Share of the amount in basis points (1/10 000); all shares together make 10 000. */
  basisPoints: number;
}

export interface ActivityPart {
  activityId: string;
  amount: Money;
}

export const FULL_SHARE_BASIS_POINTS = 10_000;

/**
 * Splits an amount (an award, a payment, a return) among action-plan activities so that tracing
 * money to the strategy never gains or loses a haléř.
 *
 * THE rounding rule of the ledger (the one `Money.allocate` implements): every part is first
 * rounded down to the haléř, then the haléře left over go one at a time to the parts with the
 * largest remainders; on equal remainders the earlier share in the given order wins. A negative
 * amount (a reversal or a return) is split by its absolute value and each part negated, so a
 * reversal exactly undoes the split of the original amount given the same shares in the same order.
 */
export function splitByShares(amount: Money, shares: readonly ActivityShare[]): ActivityPart[] {
  if (shares.length === 0) throw new RangeError('at least one activity share is required');
  const seen = new Set<string>();
  let total = 0;
  for (const share of shares) {
    if (!Number.isSafeInteger(share.basisPoints) || share.basisPoints < 0) {
      throw new RangeError(`share of activity ${share.activityId} must be a whole number of basis points ≥ 0, got ${share.basisPoints}`);
    }
    // Two rows for one activity would make the trace ambiguous; the caller must merge them.
    if (seen.has(share.activityId)) throw new RangeError(`activity ${share.activityId} appears twice among the shares`);
    seen.add(share.activityId);
    total += share.basisPoints;
  }
  if (total !== FULL_SHARE_BASIS_POINTS) {
    throw new RangeError(`activity shares must add up to ${FULL_SHARE_BASIS_POINTS} basis points, got ${total}`);
  }
  const parts = amount.allocate(shares.map((s) => BigInt(s.basisPoints)));
  return shares.map((share, i) => ({ activityId: share.activityId, amount: parts[i] }));
}
