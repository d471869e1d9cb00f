import { Money, pragueIsoDate } from '#core';
import { calendarDaysBetween, isoDayNumber } from './calendar.js';
import { parseDecimal } from './decimal.js';

export interface SettlementLine {
  budgetLineId: string;
  /** The amount the agreement's budget plans for this line. */
  planned: Money;
  /** Costs the recipient reports against this line. */
  claimed: Money;
  /** The part of the claimed costs staff accepted as eligible (documented, in period, for the purpose). */
  eligible: Money;
}

export interface BudgetShift {
  budgetLineId: string;
  planned: Money;
  eligible: Money;
  /** Eligible costs above the planned amount. */
  overBy: Money;
  /** Whether the line stays within planned × (1 + tolerance), the shift allowed without an amendment. */
  withinTolerance: boolean;
  /** Eligible costs beyond the tolerance: not counted unless an amendment approves the shift. */
  notCounted: Money;
}

export interface SettlementResult {
  /** Eligible costs that the grant covers: per line at most the tolerated amount, in total at most what was paid. */
  eligibleTotal: Money;
  /** Paid money that was reported as spent but is not covered (rejected costs, shifts beyond tolerance). */
  ineligibleTotal: Money;
  /** Paid money not reported as spent at all. */
  unspent: Money;
  /** The vratka: paid − eligibleTotal = unspent + ineligibleTotal, never negative. */
  returnDue: Money;
  /** Lines whose eligible costs exceed their planned amount, in the given order. */
  shifts: BudgetShift[];
  /** True when some line exceeds its tolerance, i.e. only an approved amendment could make the excess eligible. */
  needsAmendment: boolean;
  explanation: { cs: string; en: string };
}

/**
 * Finanční vypořádání: how much of the paid grant the eligible costs cover and how much goes back.
 * Each line counts at most planned × (1 + tolerancePercent / 100); that cap is rounded down to the
 * haléř, which is exact for the comparison because costs are whole haléře (a cost is within the
 * tolerance if and only if it is at most the rounded-down cap). Costs the recipient paid from its
 * own money beyond the grant do not raise the return: the split into unspent and ineligible
 * describes only the paid money, so `unspent + ineligibleTotal = returnDue` always holds.
 */
export function settlementReturn(input: { paid: Money; lines: readonly SettlementLine[]; tolerancePercent: string }): SettlementResult {
  const { paid } = input;
  if (paid.isNegative()) throw new RangeError('the amount paid cannot be negative');
  const tolerance = parseDecimal(input.tolerancePercent, 'tolerancePercent');
  // planned × (100·den + num) / (100·den) is planned × (1 + num/den %).
  const capDenominator = 100n * tolerance.denominator;
  const capNumerator = capDenominator + tolerance.numerator;

  const seen = new Set<string>();
  let counted = Money.ZERO;
  let claimedTotal = Money.ZERO;
  const shifts: BudgetShift[] = [];
  for (const line of input.lines) {
    if (seen.has(line.budgetLineId)) throw new RangeError(`budget line ${line.budgetLineId} appears twice`);
    seen.add(line.budgetLineId);
    if (line.planned.isNegative() || line.claimed.isNegative() || line.eligible.isNegative()) {
      throw new RangeError(`budget line ${line.budgetLineId}: amounts cannot be negative`);
    }
    if (line.eligible.compare(line.claimed) > 0) {
      throw new RangeError(`budget line ${line.budgetLineId}: eligible costs cannot exceed the costs claimed`);
    }
    const cap = Money.fromHalere((line.planned.halere * capNumerator) / capDenominator);
    const withinTolerance = line.eligible.compare(cap) <= 0;
    counted = counted.add(withinTolerance ? line.eligible : cap);
    claimedTotal = claimedTotal.add(line.claimed);
    if (line.eligible.compare(line.planned) > 0) {
      shifts.push({
        budgetLineId: line.budgetLineId,
        planned: line.planned,
        eligible: line.eligible,
        overBy: line.eligible.subtract(line.planned),
        withinTolerance,
        notCounted: withinTolerance ? Money.ZERO : line.eligible.subtract(cap),
      });
    }
  }

  const eligibleTotal = counted.compare(paid) > 0 ? paid : counted;
  const returnDue = paid.subtract(eligibleTotal);
  const unspent = claimedTotal.compare(paid) < 0 ? paid.subtract(claimedTotal) : Money.ZERO;
  const ineligibleTotal = returnDue.subtract(unspent);
  const needsAmendment = shifts.some((s) => !s.withinTolerance);

  const beyond = shifts.filter((s) => !s.withinTolerance);
  const pct = input.tolerancePercent.trim().replace('.', ',');
  let cs =
    `Vyplaceno ${paid.format()}, uznatelné výdaje kryté dotací ${eligibleTotal.format()}; ` +
    `k vrácení ${returnDue.format()} (nevyčerpáno ${unspent.format()}, neuznatelné ${ineligibleTotal.format()}).`;
  let en =
    `Paid ${paid.format()}, eligible costs covered by the grant ${eligibleTotal.format()}; ` +
    `to be returned ${returnDue.format()} (unspent ${unspent.format()}, ineligible ${ineligibleTotal.format()}).`;
  if (beyond.length > 0) {
    cs += ` Přesun mezi položkami rozpočtu nad povolených ${pct} % bez schváleného dodatku: ${beyond.map((s) => `${s.budgetLineId} (nezapočteno ${s.notCounted.format()})`).join(', ')}.`;
    en += ` Shift between budget lines beyond the allowed ${input.tolerancePercent.trim()} % without an approved amendment: ${beyond.map((s) => `${s.budgetLineId} (${s.notCounted.format()} not counted)`).join(', ')}.`;
  }
  return { eligibleTotal, ineligibleTotal, unspent, returnDue, shifts, needsAmendment, explanation: { cs, en } };
}

/**
 * Whether something due on `dueDate` (a Prague calendar date; the whole day counts) was done late,
 * or, while still not done, is late by `now`. Days are Prague calendar days, so a submission at
 * 00:30 Prague time on the day after the deadline is one day late even though in UTC it is still
 * the deadline day.
 */
export function isLate(dueDate: string, doneAt: Date | null, now: Date): { late: boolean; daysLate: number } {
  isoDayNumber(dueDate, 'dueDate');
  const judgedOn = pragueIsoDate(doneAt ?? now);
  const daysLate = Math.max(0, calendarDaysBetween(dueDate, judgedOn));
  return { late: daysLate > 0, daysLate };
}
