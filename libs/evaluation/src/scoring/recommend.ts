import { Money } from '#core';
import { distinctCzech, pointsCs, pointsEn, Ratio } from './ratio.js';
import { orderedCriteria, type ApplicationScore, type Criterion } from './score.js';

export interface RankingCandidate {
  applicationId: string;
  applicationNumber: string;
  budgetAreaCode: string;
  score: ApplicationScore;
  /** The counted submission; earlier wins a tie. */
  submittedAt: Date;
  requested: Money;
  /** The commission's cut (e.g. an ineligible budget line). */
  cut: { amount: Money; reason: string } | null;
  /** The commission set the amount by hand (still capped by requested − cut and by what remains). */
  adjustment: { amount: Money; reason: string } | null;
  /** The commission voted against recommending it. */
  voteRejected: boolean;
}

export interface RankedApplication {
  rank: number;
  applicationId: string;
  applicationNumber: string;
  final: Ratio | null;
  /** Czech text of what decided the order against equally scored neighbours; '' when nothing needed deciding. */
  tieBreak: string;
}

export type RecommendationStrategy =
  | { kind: 'rank_order'; allowPartial: boolean }
  | {
      kind: 'proportional';
      /* every recommendable application gets the same share of its eligible amount when the area is oversubscribed */
    };

export interface RecommendationInput {
  criteria: Criterion[];
  allocation: Money;
  minGrant: Money | null;
  maxGrant: Money | null;
  strategy: RecommendationStrategy;
  /** One budget area. */
  candidates: RankingCandidate[];
}

export type RecommendationReason =
  | 'FUNDED_IN_FULL'
  | 'FUNDED_PARTIALLY'
  | 'FUNDED_PROPORTIONALLY'
  | 'ADJUSTED_BY_COMMISSION'
  | 'NOT_RECOMMENDABLE'
  | 'VOTED_DOWN'
  | 'ALLOCATION_EXHAUSTED'
  | 'BELOW_MIN_GRANT'
  | 'NO_SCORE';

export interface RecommendationLine {
  rank: number;
  applicationId: string;
  applicationNumber: string;
  requested: Money;
  /** requested − cut, capped at maxGrant, rounded down to whole crowns. */
  eligible: Money;
  /** Whole crowns; zero when nothing is recommended. */
  recommended: Money;
  /** Of the allocation, after this line (lines are in rank order). */
  remainingAfter: Money;
  reasonCode: RecommendationReason;
  explanation: { cs: string; en: string };
}

export interface Recommendation {
  lines: RecommendationLine[];
  allocation: Money;
  recommendedTotal: Money;
  remaining: Money;
}

// ---------------------------------------------------------------------------------------------
// Ranking

type TieLevel = 'final' | 'criterion' | 'submittedAt' | 'number' | 'id' | 'equal';

interface Entry {
  candidate: RankingCandidate;
  final: Ratio | null;
  /** Mean raw score on the first-weighted criterion (null: not scored / N/A everywhere). */
  keyMean: Ratio | null;
}

/** Largest weight, then lowest position: the criterion the call itself says matters most. */
function firstWeightedCriterion(criteria: readonly Criterion[]): Criterion | null {
  let best: Criterion | null = null;
  let bestWeight: Ratio | null = null;
  for (const c of orderedCriteria(criteria)) {
    const w = Ratio.parse(c.weight);
    // orderedCriteria already sorts by position, so only a strictly larger weight replaces.
    if (bestWeight === null || w.compare(bestWeight) > 0) {
      best = c;
      bestWeight = w;
    }
  }
  return best;
}

function compareNullableDesc(a: Ratio | null, b: Ratio | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b.compare(a);
}

/** Negative when `a` goes first, with the level that decided it. */
function decide(a: Entry, b: Entry): { order: number; level: TieLevel } {
  const byFinal = compareNullableDesc(a.final, b.final);
  if (byFinal !== 0) return { order: byFinal, level: 'final' };
  const byCriterion = compareNullableDesc(a.keyMean, b.keyMean);
  if (byCriterion !== 0) return { order: byCriterion, level: 'criterion' };
  const byTime = a.candidate.submittedAt.getTime() - b.candidate.submittedAt.getTime();
  if (byTime !== 0) return { order: Math.sign(byTime), level: 'submittedAt' };
  const byNumber = cmp(a.candidate.applicationNumber, b.candidate.applicationNumber);
  if (byNumber !== 0) return { order: byNumber, level: 'number' };
  const byId = cmp(a.candidate.applicationId, b.candidate.applicationId);
  return { order: byId, level: byId === 0 ? 'equal' : 'id' };
}

// Code-unit order rather than localeCompare: the result must not depend on the server's ICU data.
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const PRAGUE = new Intl.DateTimeFormat('cs-CZ', {
  timeZone: 'Europe/Prague',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function pragueTime(date: Date, withMillis: boolean): string {
  const parts = Object.fromEntries(PRAGUE.formatToParts(date).map((p) => [p.type, p.value]));
  const millis = withMillis ? `,${String(date.getUTCMilliseconds()).padStart(3, '0')}` : '';
  return `${parts.day}. ${parts.month}. ${parts.year} ${parts.hour}:${parts.minute}:${parts.second}${millis}`;
}

function whyCs(level: TieLevel, winner: Entry, loser: Entry, criterion: Criterion | null): string {
  switch (level) {
    case 'final': {
      const [w, l] = distinctCzech(winner.final!, loser.final!, 3);
      return `rozhodlo vyšší výsledné hodnocení, které se liší až na dalších desetinných místech (${w} b. oproti ${l} b.)`;
    }
    case 'criterion': {
      const name = criterion ? `${criterion.code} (${criterion.name})` : '';
      if (loser.keyMean === null) {
        return `rozhodl průměr nejvýše váženého kritéria ${name}: ${pointsCs(winner.keyMean!)} oproti kritériu bez hodnocení (n/a)`;
      }
      const [w, l] = distinctCzech(winner.keyMean!, loser.keyMean);
      return `rozhodl vyšší průměr nejvýše váženého kritéria ${name} (${w}\u00a0b. oproti ${l}\u00a0b.)`;
    }
    case 'submittedAt': {
      const sameSecond = pragueTime(winner.candidate.submittedAt, false) === pragueTime(loser.candidate.submittedAt, false);
      return `rozhodlo dřívější podání (${pragueTime(winner.candidate.submittedAt, sameSecond)} oproti ${pragueTime(loser.candidate.submittedAt, sameSecond)})`;
    }
    case 'number':
      return `rozhodlo číslo přihlášky (${winner.candidate.applicationNumber} je řazeno před ${loser.candidate.applicationNumber})`;
    case 'id':
    case 'equal':
      return 'rozhodl interní identifikátor (přihlášky mají shodné číslo)';
  }
}

/**
 * Deterministic order: final desc; tie → higher mean score on the first-weighted criterion
 * (largest weight, then lowest position); then earlier submittedAt; then applicationNumber asc
 * (then applicationId, only so the order is total). Applications without a final score go last.
 */
export function rankArea(criteria: Criterion[], candidates: RankingCandidate[]): RankedApplication[] {
  const key = firstWeightedCriterion(criteria);
  const ids = new Set<string>();
  for (const c of candidates) {
    if (ids.has(c.applicationId)) throw new RangeError(`Application ${c.applicationId} is a candidate twice`);
    ids.add(c.applicationId);
    if (!(c.submittedAt instanceof Date) || Number.isNaN(c.submittedAt.getTime())) {
      throw new RangeError(`Application ${c.applicationNumber}: submittedAt is not a valid date`);
    }
  }
  const entries: Entry[] = candidates.map((candidate) => ({
    candidate,
    final: candidate.score.final,
    keyMean: key ? (candidate.score.perCriterionMean.find((p) => p.criterionId === key.id)?.mean ?? null) : null,
  }));
  entries.sort((a, b) => decide(a, b).order);

  // Neighbours need a word when their finals are equal, or differ only beyond the two printed
  // decimals — otherwise the list shows "87,35 b." above "87,35 b." with no visible reason.
  const needsText = (upper: Entry, lower: Entry) =>
    decide(upper, lower).level !== 'final' || (upper.final !== null && lower.final !== null && upper.final.toDecimalString(2) === lower.final.toDecimalString(2));
  const sameFinal = (a: Entry, b: Entry) => (a.final === null ? b.final === null : b.final !== null && a.final.compare(b.final) === 0);

  return entries.map((entry, index) => {
    const texts: string[] = [];
    const group = entries.filter((other) => other !== entry && sameFinal(entry, other));
    const numbers = group.map((g) => g.candidate.applicationNumber).join(', ');
    if (entry.final === null) {
      texts.push(
        group.length > 0 ? `Bez výsledného hodnocení – zařazeno za hodnocené přihlášky, stejně jako ${numbers}.` : 'Bez výsledného hodnocení – zařazeno za hodnocené přihlášky.',
      );
    } else if (group.length > 0) {
      texts.push(`Shodné výsledné hodnocení (${pointsCs(entry.final)}) s ${group.length === 1 ? 'přihláškou' : 'přihláškami'} ${numbers}.`);
    }
    const previous = entries[index - 1];
    const next = entries[index + 1];
    if (previous && needsText(previous, entry)) {
      texts.push(`Za přihláškou ${previous.candidate.applicationNumber}: ${whyCs(decide(previous, entry).level, previous, entry, key)}.`);
    }
    if (next && needsText(entry, next)) {
      texts.push(`Před přihláškou ${next.candidate.applicationNumber}: ${whyCs(decide(entry, next).level, entry, next, key)}.`);
    }
    return {
      rank: index + 1,
      applicationId: entry.candidate.applicationId,
      applicationNumber: entry.candidate.applicationNumber,
      final: entry.final,
      tieBreak: texts.join(' '),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Recommendation

const CROWN = 100n;

function floorToCrowns(m: Money): Money {
  return Money.fromHalere(m.halere - (m.halere % CROWN));
}

function min(a: Money, b: Money): Money {
  return a.compare(b) <= 0 ? a : b;
}

function max(a: Money, b: Money): Money {
  return a.compare(b) >= 0 ? a : b;
}

function moneyEn(m: Money): string {
  const [whole, fraction] = m.toString().split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction} CZK`;
}

function percentOf(num: bigint, den: bigint): Ratio {
  return Ratio.of(num * 100n, den);
}

interface Prepared {
  candidate: RankingCandidate;
  ranked: RankedApplication;
  afterCut: Money;
  cappedByMax: boolean;
  /** Before rounding down to whole crowns. */
  beforeRounding: Money;
  eligible: Money;
}

interface Decision {
  reasonCode: RecommendationReason;
  recommended: Money;
  /** Czech and English middle part of the sentence; the caller adds the head and the remainder. */
  cs: string;
  en: string;
}

function requireAmount(m: Money, what: string): void {
  if (!(m instanceof Money) || m.isNegative()) throw new RangeError(`${what} must be a non-negative amount`);
}

function notRecommendableText(score: ApplicationScore, criteria: readonly Criterion[]): { cs: string; en: string } {
  const cs: string[] = [];
  const en: string[] = [];
  for (const failure of score.failedThresholds) {
    if (failure.code === 'NO_SHEETS') {
      cs.push('přihláška nemá žádný odevzdaný hodnoticí list');
      en.push('the application has no submitted score sheet');
    } else if (failure.code === 'CRITERION_BELOW_MINIMUM') {
      const criterion = criteria.find((c) => c.id === failure.criterionId);
      const code = criterion ? criterion.code : (failure.criterionId ?? '');
      const actual = failure.actual ?? score.perCriterionMean.find((p) => p.criterionId === failure.criterionId)?.mean ?? null;
      const required = failure.required ?? (criterion?.minScore != null ? Ratio.fromInteger(criterion.minScore) : null);
      cs.push(`průměr kritéria ${code}${actual ? ` ${pointsCs(actual)}` : ''} je pod minimem${required ? ` ${pointsCs(required, 0)}` : ''}`);
      en.push(`the mean of criterion ${code}${actual ? ` (${pointsEn(actual)})` : ''} is below the minimum${required ? ` of ${pointsEn(required, 0)}` : ''}`);
    } else {
      const actual = failure.actual ?? score.final;
      cs.push(`výsledné hodnocení${actual ? ` ${pointsCs(actual)}` : ''} je pod celkovým prahem${failure.required ? ` ${pointsCs(failure.required)}` : ''}`);
      en.push(`the final score${actual ? ` (${pointsEn(actual)})` : ''} is below the overall threshold${failure.required ? ` of ${pointsEn(failure.required)}` : ''}`);
    }
  }
  if (cs.length === 0) {
    cs.push('nesplňuje podmínky pro doporučení');
    en.push('it does not meet the conditions for a recommendation');
  }
  return { cs: `nedoporučeno – ${cs.join('; ')}`, en: `not recommended: ${en.join('; ')}` };
}

/** Reasons that rule an application out before any money is considered, in order of precedence. */
function exclusion(p: Prepared, criteria: readonly Criterion[]): Decision | null {
  const { score, voteRejected } = p.candidate;
  if (score.final === null) {
    return { reasonCode: 'NO_SCORE', recommended: Money.ZERO, cs: 'nedoporučeno – přihláška nemá výsledné hodnocení', en: 'not recommended: the application has no final score' };
  }
  if (!score.recommendable) return { reasonCode: 'NOT_RECOMMENDABLE', recommended: Money.ZERO, ...notRecommendableText(score, criteria) };
  if (voteRejected) {
    return { reasonCode: 'VOTED_DOWN', recommended: Money.ZERO, cs: 'komise hlasováním doporučení zamítla', en: 'the commission voted against recommending it' };
  }
  return null;
}

function belowMinimum(amount: Money, minGrant: Money | null, what: { cs: string; en: string }): Decision {
  if (minGrant === null || amount.isZero()) {
    return {
      reasonCode: 'BELOW_MIN_GRANT',
      recommended: Money.ZERO,
      cs: `nedoporučeno – ${what.cs} ${amount.format()}, nezbývá tedy nic k podpoře`,
      en: `not recommended: ${what.en} ${moneyEn(amount)}, so nothing is left to support`,
    };
  }
  return {
    reasonCode: 'BELOW_MIN_GRANT',
    recommended: Money.ZERO,
    cs: `nedoporučeno – ${what.cs} ${amount.format()}, což je méně než minimální výše dotace ${minGrant.format()}`,
    en: `not recommended: ${what.en} ${moneyEn(amount)}, less than the minimum grant of ${moneyEn(minGrant)}`,
  };
}

const ELIGIBLE_WHAT = { cs: 'způsobilá částka činí', en: 'the eligible amount is' };

/**
 * A commission's hand-set amount: capped by the eligible amount and by what remains, and the
 * explanation says which cap applied. Shared by both strategies, because in both the adjusted
 * amount is a fixed sum the commission chose, not a share.
 */
function adjusted(p: Prepared, remaining: Money, minEffective: Money, minGrant: Money | null): Decision {
  const adjustment = p.candidate.adjustment!;
  const set = floorToCrowns(adjustment.amount);
  const withinEligible = min(set, p.eligible);
  const cappedByEligible = set.compare(p.eligible) > 0;
  const rounded = !cappedByEligible && !set.equals(adjustment.amount);
  const what = {
    cs: `komise stanovila částku ${adjustment.amount.format()} (${adjustment.reason})${cappedByEligible ? `, omezeno na způsobilou částku ${withinEligible.format()}` : ''}${rounded ? `, zaokrouhleno dolů na celé koruny ${set.format()}` : ''}`,
    en: `the commission set the amount to ${moneyEn(adjustment.amount)} (${adjustment.reason})${cappedByEligible ? `, capped at the eligible amount of ${moneyEn(withinEligible)}` : ''}${rounded ? `, rounded down to whole crowns ${moneyEn(set)}` : ''}`,
  };
  if (withinEligible.compare(minEffective) < 0) {
    const below = belowMinimum(withinEligible, minGrant, { cs: 'částka', en: 'the amount is' });
    return { ...below, cs: `${what.cs}; ${below.cs}`, en: `${what.en}; ${below.en}` };
  }
  const available = floorToCrowns(remaining);
  if (withinEligible.compare(available) <= 0) {
    return {
      reasonCode: 'ADJUSTED_BY_COMMISSION',
      recommended: withinEligible,
      cs: `${what.cs}; doporučeno ${withinEligible.format()}`,
      en: `${what.en}; recommended ${moneyEn(withinEligible)}`,
    };
  }
  if (available.compare(minEffective) < 0) {
    return {
      reasonCode: 'ALLOCATION_EXHAUSTED',
      recommended: Money.ZERO,
      cs: `${what.cs}; nedoporučeno – v okruhu už zbývalo jen ${remaining.format()}${minGrant ? `, méně než minimální výše dotace ${minGrant.format()}` : ''}`,
      en: `${what.en}; not recommended: only ${moneyEn(remaining)} was left in the area${minGrant ? `, less than the minimum grant of ${moneyEn(minGrant)}` : ''}`,
    };
  }
  return {
    reasonCode: 'ADJUSTED_BY_COMMISSION',
    recommended: available,
    cs: `${what.cs}; v okruhu však zbývalo jen ${remaining.format()}, doporučeno tedy ${available.format()}`,
    en: `${what.en}; but only ${moneyEn(remaining)} remained in the area, so ${moneyEn(available)} is recommended`,
  };
}

function rankOrder(prepared: Prepared[], input: RecommendationInput, allowPartial: boolean, minEffective: Money): Decision[] {
  let remaining = input.allocation;
  return prepared.map((p) => {
    const decision = decideRankOrder(p, remaining, input, allowPartial, minEffective);
    remaining = remaining.subtract(decision.recommended);
    return decision;
  });
}

function decideRankOrder(p: Prepared, remaining: Money, input: RecommendationInput, allowPartial: boolean, minEffective: Money): Decision {
  const excluded = exclusion(p, input.criteria);
  if (excluded) return excluded;
  if (p.candidate.adjustment) return adjusted(p, remaining, minEffective, input.minGrant);
  if (p.eligible.compare(minEffective) < 0) return belowMinimum(p.eligible, input.minGrant, ELIGIBLE_WHAT);
  if (p.eligible.compare(remaining) <= 0) {
    return { reasonCode: 'FUNDED_IN_FULL', recommended: p.eligible, cs: 'doporučeno v plné výši', en: 'recommended in full' };
  }
  const available = floorToCrowns(remaining);
  if (allowPartial && available.compare(minEffective) >= 0) {
    return {
      reasonCode: 'FUNDED_PARTIALLY',
      recommended: available,
      cs: `celá částka se do alokace okruhu nevejde, doporučeno částečně ${available.format()} (zbytek alokace zaokrouhlený dolů na celé koruny)`,
      en: `the full amount does not fit the area's allocation; recommended partially: ${moneyEn(available)} (the rest of the allocation rounded down to whole crowns)`,
    };
  }
  // Not funding this one does not stop the list: a smaller application further down may still
  // fit what remains. The alternative (stop at the first that does not fit) would leave money
  // unused in the area for no reason the commission could defend; the rank order is still
  // respected because everyone above was considered first.
  const partialNote =
    allowPartial && input.minGrant
      ? { cs: ` a zbytek je nižší než minimální výše dotace ${input.minGrant.format()}`, en: ` and the rest is less than the minimum grant of ${moneyEn(input.minGrant)}` }
      : { cs: '', en: '' };
  return {
    reasonCode: 'ALLOCATION_EXHAUSTED',
    recommended: Money.ZERO,
    cs: `nedoporučeno – v okruhu zbývá jen ${remaining.format()}, na způsobilou částku to nestačí${partialNote.cs}`,
    en: `not recommended: only ${moneyEn(remaining)} remains in the area, not enough for the eligible amount${partialNote.en}`,
  };
}

function proportional(prepared: Prepared[], input: RecommendationInput, minEffective: Money): Decision[] {
  const decisions = new Map<Prepared, Decision>();
  let remaining = input.allocation;

  for (const p of prepared) {
    const excluded = exclusion(p, input.criteria);
    if (excluded) decisions.set(p, excluded);
  }
  // Adjustments are fixed sums, taken off the allocation first (in rank order, so if they alone
  // exceed the allocation the better-ranked ones keep theirs).
  for (const p of prepared) {
    if (decisions.has(p) || !p.candidate.adjustment) continue;
    const decision = adjusted(p, remaining, minEffective, input.minGrant);
    decisions.set(p, decision);
    remaining = remaining.subtract(decision.recommended);
  }
  for (const p of prepared) {
    if (!decisions.has(p) && p.eligible.compare(minEffective) < 0) decisions.set(p, belowMinimum(p.eligible, input.minGrant, ELIGIBLE_WHAT));
  }

  const pool = remaining;
  let active = prepared.filter((p) => !decisions.has(p));
  if (floorToCrowns(pool).compare(minEffective) < 0) {
    for (const p of active) {
      decisions.set(p, {
        reasonCode: 'ALLOCATION_EXHAUSTED',
        recommended: Money.ZERO,
        cs: `nedoporučeno – po pevně stanovených částkách zbývá k poměrnému rozdělení jen ${pool.format()}`,
        en: `not recommended: after the amounts fixed by the commission only ${moneyEn(pool)} remains to share out`,
      });
    }
    active = [];
  }

  // Drop one application at a time — the smallest eligible amount, which under a common share
  // is also the smallest grant (a tie drops the worse-ranked one) — and recompute. Dropping every
  // application under the minimum at once would also be stable, but could exclude one that clears
  // the minimum as soon as a smaller one has left; one at a time keeps as many as the money allows.
  for (;;) {
    if (active.length === 0) break;
    const total = Money.sum(active.map((p) => p.eligible));
    const full = total.compare(pool) <= 0;
    const [num, den] = full ? [1n, 1n] : [pool.halere, total.halere];
    const grantOf = (p: Prepared) => floorToCrowns(Money.fromHalere((p.eligible.halere * num) / den));
    let smallest: Prepared | null = null;
    for (const p of active) {
      if (grantOf(p).compare(minEffective) >= 0) continue;
      if (smallest === null || p.eligible.compare(smallest.eligible) <= 0) smallest = p;
    }
    if (smallest === null) {
      for (const p of active) {
        const grant = grantOf(p);
        if (full || grant.equals(p.eligible)) {
          decisions.set(p, { reasonCode: 'FUNDED_IN_FULL', recommended: grant, cs: 'doporučeno v plné výši', en: 'recommended in full' });
        } else {
          const pct = percentOf(num, den);
          decisions.set(p, {
            reasonCode: 'FUNDED_PROPORTIONALLY',
            recommended: grant,
            cs: `požadavky v okruhu převyšují alokaci (k poměrnému rozdělení ${pool.format()} na způsobilé částky celkem ${total.format()}), doporučeno poměrně ${grant.format()}, tj. ${pct.toCzechString(2)}\u00a0% způsobilé částky zaokrouhleno dolů na celé koruny`,
            en: `requests in the area exceed the allocation (${moneyEn(pool)} to share out against eligible amounts of ${moneyEn(total)} in total); recommended proportionally: ${moneyEn(grant)}, i.e. ${pct.toDecimalString(2)} % of the eligible amount rounded down to whole crowns`,
          });
        }
      }
      break;
    }
    const grant = grantOf(smallest);
    const pct = percentOf(num, den);
    const below = belowMinimum(grant, input.minGrant, {
      cs: `poměrný podíl ${pct.toCzechString(2)}\u00a0% způsobilé částky by činil`,
      en: `a proportional share of ${pct.toDecimalString(2)} % of the eligible amount would be`,
    });
    decisions.set(smallest, {
      ...below,
      cs: `${below.cs}; podíl ostatních byl přepočten bez této přihlášky`,
      en: `${below.en}; the others' share was recomputed without this application`,
    });
    active = active.filter((p) => p !== smallest);
  }

  return prepared.map((p) => decisions.get(p)!);
}

function head(p: Prepared): { cs: string; en: string } {
  const { candidate, ranked } = p;
  const final = ranked.final;
  let cs = `${ranked.rank}. místo (${final ? pointsCs(final) : 'bez hodnocení'}): požadováno ${candidate.requested.format()}`;
  let en = `Rank ${ranked.rank} (${final ? pointsEn(final) : 'no score'}): requested ${moneyEn(candidate.requested)}`;
  if (candidate.cut && !candidate.cut.amount.isZero()) {
    cs += `, po krácení o ${candidate.cut.amount.format()} (${candidate.cut.reason}) ${p.afterCut.format()}`;
    en += `, after a cut of ${moneyEn(candidate.cut.amount)} (${candidate.cut.reason}) ${moneyEn(p.afterCut)}`;
  }
  if (p.cappedByMax) {
    cs += `, omezeno maximální výší dotace na ${p.beforeRounding.format()}`;
    en += `, capped at the maximum grant of ${moneyEn(p.beforeRounding)}`;
  }
  if (!p.eligible.equals(p.beforeRounding)) {
    cs += `, zaokrouhleno dolů na celé koruny ${p.eligible.format()}`;
    en += `, rounded down to whole crowns ${moneyEn(p.eligible)}`;
  }
  return { cs, en };
}

/**
 * Recommended amounts for one budget area. All amounts are whole crowns (rounded down), the
 * total never exceeds the allocation (checked; a violation throws — it would be a bug), no line
 * exceeds its eligible amount or maxGrant, and no line is between zero and minGrant.
 */
export function recommend(input: RecommendationInput): Recommendation {
  const { allocation, minGrant, maxGrant, candidates } = input;
  requireAmount(allocation, 'The allocation');
  if (minGrant !== null) requireAmount(minGrant, 'The minimum grant');
  if (maxGrant !== null) requireAmount(maxGrant, 'The maximum grant');
  if (minGrant !== null && maxGrant !== null && minGrant.compare(maxGrant) > 0) throw new RangeError('The minimum grant exceeds the maximum grant');
  const areas = new Set(candidates.map((c) => c.budgetAreaCode));
  if (areas.size > 1) throw new RangeError(`recommend() works on one budget area at a time, got ${[...areas].join(', ')}`);
  for (const c of candidates) {
    requireAmount(c.requested, `Application ${c.applicationNumber}: the requested amount`);
    if (c.cut) {
      requireAmount(c.cut.amount, `Application ${c.applicationNumber}: the cut`);
      if (c.cut.amount.compare(c.requested) > 0) throw new RangeError(`Application ${c.applicationNumber}: the cut exceeds the requested amount`);
    }
    if (c.adjustment) requireAmount(c.adjustment.amount, `Application ${c.applicationNumber}: the adjusted amount`);
  }

  // A recommended amount of zero is "nothing", so even without a minimum grant one crown is the floor.
  const minEffective = max(minGrant ?? Money.ZERO, Money.fromHalere(CROWN));
  const byId = new Map(candidates.map((c) => [c.applicationId, c]));
  const prepared: Prepared[] = rankArea(input.criteria, candidates).map((ranked) => {
    const candidate = byId.get(ranked.applicationId)!;
    const afterCut = candidate.cut ? candidate.requested.subtract(candidate.cut.amount) : candidate.requested;
    const cappedByMax = maxGrant !== null && afterCut.compare(maxGrant) > 0;
    const beforeRounding = cappedByMax ? maxGrant : afterCut;
    return { candidate, ranked, afterCut, cappedByMax, beforeRounding, eligible: floorToCrowns(beforeRounding) };
  });

  const decisions = input.strategy.kind === 'rank_order' ? rankOrder(prepared, input, input.strategy.allowPartial, minEffective) : proportional(prepared, input, minEffective);

  let remaining = allocation;
  const lines: RecommendationLine[] = prepared.map((p, index) => {
    const decision = decisions[index];
    const amount = decision.recommended;
    if (amount.isNegative() || amount.compare(p.eligible) > 0 || (!amount.isZero() && amount.compare(minEffective) < 0) || amount.halere % CROWN !== 0n) {
      throw new Error(`Invariant violated: application ${p.candidate.applicationNumber} would get ${amount.toString()} (eligible ${p.eligible.toString()})`);
    }
    remaining = remaining.subtract(amount);
    const h = head(p);
    return {
      rank: p.ranked.rank,
      applicationId: p.candidate.applicationId,
      applicationNumber: p.candidate.applicationNumber,
      requested: p.candidate.requested,
      eligible: p.eligible,
      recommended: amount,
      remainingAfter: remaining,
      reasonCode: decision.reasonCode,
      explanation: {
        cs: `${h.cs}; ${decision.cs}, v okruhu zbývá ${remaining.format()}.`,
        en: `${h.en}; ${decision.en}; ${moneyEn(remaining)} remains in the area.`,
      },
    };
  });

  const recommendedTotal = Money.sum(lines.map((l) => l.recommended));
  if (recommendedTotal.compare(allocation) > 0) {
    throw new Error(`Invariant violated: recommended ${recommendedTotal.toString()} exceeds the allocation ${allocation.toString()}`);
  }
  return { lines, allocation, recommendedTotal, remaining: allocation.subtract(recommendedTotal) };
}
