import type { LegalRuleVersion } from '#config';
import { Money } from '#core';
import { calendarDaysBetween, czechDays, isoDayNumber } from './calendar.js';
import { czechDecimal, parseDecimal } from './decimal.js';

/**
 * The budget-discipline part of one legal-rules version (§ 22 zákona č. 250/2000 Sb.). Read it
 * "as at" the date of the breach, so that a past breach is judged by the law of its day.
 */
export type BudgetDisciplineRules = LegalRuleVersion['budgetDiscipline'];

const ACT_CS = 'zákona č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů';
const ACT_EN = 'Act No. 250/2000 Coll. on the budgetary rules of territorial budgets';
const NBSP = '\u00a0';

export interface LevyResult {
  levy: Money;
  /** True when an odvod arose but is not imposed because it totals at most the configured amount. */
  waived: boolean;
  reason: { cs: string; en: string };
}

/**
 * Odvod za porušení rozpočtové kázně: the amount misused, or the lower amount the agreement sets
 * for breaching a condition it marks as minor (§ 10a odst. 6); not imposed at all when it totals at
 * most `noLevyUpToAmount` (the limit is inclusive: exactly 1 000,00 Kč is not imposed).
 */
export function levy(rules: BudgetDisciplineRules, input: { misused: Money; agreementCap?: Money | null }): LevyResult {
  const { misused } = input;
  const cap = input.agreementCap ?? null;
  if (misused.isNegative()) throw new RangeError('the amount misused cannot be negative');
  if (cap?.isNegative()) throw new RangeError('the odvod set by the agreement cannot be negative');
  const limit = Money.parse(rules.noLevyUpToAmount, 'budgetDiscipline.noLevyUpToAmount');

  if (misused.isZero()) {
    return {
      levy: Money.ZERO,
      waived: false,
      reason: { cs: 'Žádné prostředky nebyly neoprávněně použity ani zadrženy, odvod nevzniká.', en: 'No money was misused or withheld, so there is no odvod.' },
    };
  }
  const byAgreement = cap !== null && cap.compare(misused) < 0;
  const amount = byAgreement ? cap : misused;
  const basisCs = byAgreement
    ? `Odvod se stanoví v nižší výši ${amount.format()} sjednané ve smlouvě pro méně závažné porušení podmínky (neoprávněně použito ${misused.format()}; § 10a odst. 6 a § 22 ${ACT_CS}).`
    : `Odvod se stanoví ve výši neoprávněně použitých nebo zadržených prostředků ${amount.format()} (§ 22 ${ACT_CS}).`;
  const basisEn = byAgreement
    ? `The odvod is the lower amount of ${amount.format()} the agreement sets for a minor breach of a condition (${misused.format()} misused; § 10a(6) and § 22 of ${ACT_EN}).`
    : `The odvod equals the money misused or withheld, ${amount.format()} (§ 22 of ${ACT_EN}).`;

  if (amount.compare(limit) <= 0) {
    return {
      levy: Money.ZERO,
      waived: true,
      reason: {
        cs: `${basisCs} Odvod v celkové výši nepřesahující ${limit.format()} se neuloží.`,
        en: `${basisEn} An odvod totalling no more than ${limit.format()} is not imposed.`,
      },
    };
  }
  return { levy: amount, waived: false, reason: { cs: basisCs, en: basisEn } };
}

export interface PenaltyResult {
  /** Calendar days of delay: after the due date up to and including the day of payment. */
  days: number;
  penalty: Money;
  /** True when the daily penalty reached the levy and was cut to it. */
  capped: boolean;
  /** True when a penalty arose but is not imposed because it is at most the configured amount. */
  waived: boolean;
  computation: { cs: string; en: string };
}

/**
 * Penále: `penaltyPerMillePerDay` ‰ of the levy for each calendar day of delay, at most the levy
 * itself, and none at all when it comes to at most `noPenaltyUpToAmount` (inclusive).
 *
 * Rounding: the penalty is computed once for the whole delay (levy × days × rate) and rounded to
 * whole haléře half away from zero; it is not a sum of rounded daily amounts, which would drift.
 * The cap is applied to the rounded amount, and the waiver to the capped one.
 */
export function penalty(rules: BudgetDisciplineRules, input: { levy: Money; dueDate: string; paidDate: string }): PenaltyResult {
  if (input.levy.isNegative()) throw new RangeError('a levy cannot be negative');
  const rate = parseDecimal(rules.penaltyPerMillePerDay, 'budgetDiscipline.penaltyPerMillePerDay');
  const limit = Money.parse(rules.noPenaltyUpToAmount, 'budgetDiscipline.noPenaltyUpToAmount');
  const days = Math.max(0, calendarDaysBetween(input.dueDate, input.paidDate));

  const computed = input.levy.multiplyByRatio(BigInt(days) * rate.numerator, rate.denominator * 1000n);
  const capped = computed.compare(input.levy) > 0;
  const afterCap = capped ? input.levy : computed;
  const waived = !afterCap.isZero() && afterCap.compare(limit) <= 0;
  const result = waived ? Money.ZERO : afterCap;

  const rateCs = `${czechDecimal(rules.penaltyPerMillePerDay)}${NBSP}‰`;
  const rateEn = `${rules.penaltyPerMillePerDay.trim()}${NBSP}‰`;
  let cs = `${days}${NBSP}${czechDays(days)} × ${rateCs} × ${input.levy.format()} = ${computed.format()}`;
  let en = `${days}${NBSP}${days === 1 ? 'day' : 'days'} × ${rateEn} × ${input.levy.format()} = ${computed.format()}`;
  if (days === 0) {
    cs += '; odvod byl zaplacen včas, penále nevzniká';
    en += '; the levy was paid on time, no penalty arises';
  }
  if (capped) {
    cs += `; penále je omezeno výší odvodu na ${afterCap.format()}`;
    en += `; the penalty is capped at the levy, ${afterCap.format()}`;
  }
  if (waived) {
    cs += `; penále nepřesahující ${limit.format()} se neuloží`;
    en += `; a penalty of no more than ${limit.format()} is not imposed`;
  }
  return { days, penalty: result, capped, waived, computation: { cs, en } };
}

/**
 * The last day on which an odvod for a breach on `breachDate` may still be imposed. § 22: "Odvod …
 * lze uložit do 10 let od 1. ledna roku následujícího po roce, v němž došlo k porušení rozpočtové
 * kázně." The period starts on 1 January of the next year and runs whole years, so it ends on
 * 31 December of the year breach + `limitationYears` (breach in 2023 → 2033-12-31). The earlier of
 * the two possible readings is used on purpose: a deadline shown one day too early costs a day,
 * one shown a day too late would let staff impose a time-barred odvod.
 */
export function limitationEnds(rules: BudgetDisciplineRules, breachDate: string): string {
  isoDayNumber(breachDate, 'breachDate');
  if (!Number.isSafeInteger(rules.limitationYears) || rules.limitationYears <= 0) {
    throw new RangeError(`budgetDiscipline.limitationYears must be a positive whole number, got ${rules.limitationYears}`);
  }
  const breachYear = Number.parseInt(breachDate.slice(0, 4), 10);
  return `${String(breachYear + rules.limitationYears).padStart(4, '0')}-12-31`;
}
