/**
 * The weighted total of one score sheet, computed EXACTLY as the server computes it
 * (libs/evaluation/src/scoring/score.ts, `sheetResult`): weights in thousandths, integer sums,
 *
 *   points  = (Σ_applicable score·weight / Σ_applicable max·weight) × Σ_all max·weight
 *   percent = (Σ_applicable score·weight / Σ_applicable max·weight) × 100
 *
 * "Not applicable" criteria are left out (never counted as zero); the result is printed half-up to two
 * places, as the API prints it. weighted-total.test.ts runs this and the server's function on the same cases.
 */

export interface SheetCriterion {
  id: string;
  maxScore: number;
  /** Decimal string with at most three places, e.g. "1.500". */
  weight: string;
}

export interface SheetEntry {
  criterionId: string;
  score: number | null;
  notApplicable: boolean;
}

export interface WeightedTotal {
  /** Points on the full scale, two places ("37.50"); null when nothing applicable is scored. */
  points: string | null;
  percent: string | null;
  /** Σ_all max·weight: what full marks everywhere give. */
  maxPoints: string;
  /** Every criterion is scored or marked not applicable (the total is final, not provisional). */
  complete: boolean;
  /** Criteria neither scored nor marked not applicable. */
  missing: number;
}

const WEIGHT = /^\d{1,9}(?:\.\d{1,3})?$/;

export function weightMillis(weight: string): bigint {
  const text = weight.trim();
  if (!WEIGHT.test(text)) throw new RangeError(`weight "${weight}" must be a non-negative decimal with at most 3 places`);
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
}

/** num/den printed half-up (away from zero) to `places` decimals, like the server's Ratio.toDecimalString. */
export function decimal(num: bigint, den: bigint, places = 2): string {
  if (den < 0n) [num, den] = [-num, -den];
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const scale = 10n ** BigInt(places);
  const scaled = (abs * scale * 2n + den) / (den * 2n);
  const whole = scaled / scale;
  const fraction = places > 0 ? `.${(scaled % scale).toString().padStart(places, '0')}` : '';
  return `${negative && scaled !== 0n ? '-' : ''}${whole}${fraction}`;
}

/**
 * The live total of a (possibly unfinished) sheet. With every criterion scored or n/a it equals the server's
 * result; before that it is the same rule over what is scored so far (`complete: false`, shown as provisional).
 */
export function weightedTotal(criteria: readonly SheetCriterion[], entries: readonly SheetEntry[]): WeightedTotal {
  const byCriterion = new Map(entries.map((e) => [e.criterionId, e]));
  let full = 0n;
  let scored = 0n;
  let applicableMax = 0n;
  let missing = 0;
  for (const c of criteria) {
    const w = weightMillis(c.weight);
    full += BigInt(c.maxScore) * w;
    const entry = byCriterion.get(c.id);
    if (entry?.notApplicable) continue;
    if (!entry || entry.score === null || !Number.isInteger(entry.score) || entry.score < 0 || entry.score > c.maxScore) {
      missing += 1;
      continue;
    }
    scored += BigInt(entry.score) * w;
    applicableMax += BigInt(c.maxScore) * w;
  }
  const maxPoints = decimal(full, 1000n);
  if (applicableMax === 0n) return { points: null, percent: null, maxPoints, complete: missing === 0, missing };
  return {
    points: decimal(scored * full, applicableMax * 1000n),
    percent: decimal(scored * 100n, applicableMax),
    maxPoints,
    complete: missing === 0,
    missing,
  };
}
