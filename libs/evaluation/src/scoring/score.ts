import type { LocalisedText } from '#core';
import { Ratio } from './ratio.js';

export { Ratio } from './ratio.js';

export interface Criterion {
  id: string;
  code: string;
  name: string;
  maxScore: number;
  /** Decimal string with at most three places, e.g. "1.500". */
  weight: string;
  /** The lowest acceptable mean of the reviewers' raw scores; null = no minimum. */
  minScore: number | null;
  position: number;
}

export interface CriterionScore {
  criterionId: string;
  score: number | null;
  notApplicable: boolean;
  justification: string;
}

/** Only submitted sheets are passed in. */
export interface SheetInput {
  reviewerId: string;
  scores: CriterionScore[];
}

export interface SheetResult {
  reviewerId: string;
  /**
   * Σ over applicable criteria of score × weight, scaled to the full scale:
   * (Σ_app s·w / Σ_app max·w) × Σ_all max·w. N/A criteria are left out, never counted as zero,
   * so a reviewer who rightly marks a criterion N/A neither punishes nor favours the applicant.
   */
  points: Ratio;
  /** (Σ_app s·w / Σ_app max·w) × 100 */
  percent: Ratio;
}

export type SheetProblemCode = 'SCORE_OUT_OF_RANGE' | 'SCORE_MISSING' | 'JUSTIFICATION_MISSING' | 'UNKNOWN_CRITERION' | 'ALL_NOT_APPLICABLE' | 'NA_WITH_SCORE';

export interface SheetProblem {
  /** null for a problem of the whole sheet (ALL_NOT_APPLICABLE). */
  criterionId: string | null;
  code: SheetProblemCode;
  message: LocalisedText;
}

export type ThresholdFailureCode = 'CRITERION_BELOW_MINIMUM' | 'TOTAL_BELOW_THRESHOLD' | 'NO_SHEETS';

export interface ThresholdFailure {
  criterionId: string | null;
  code: ThresholdFailureCode;
  /** The limit that was not reached (the criterion's minScore or the overall threshold); absent for NO_SHEETS. */
  required?: Ratio;
  /** The value that fell short (per-criterion mean or final); absent for NO_SHEETS. */
  actual?: Ratio;
}

export interface ApplicationScore {
  applicationId: string;
  sheets: SheetResult[];
  /** Mean of sheet points; null when there are no sheets. */
  mean: Ratio | null;
  median: Ratio | null;
  /** max − min of sheet points. */
  spread: Ratio | null;
  /** Mean of the raw scores over the sheets where the criterion was applicable; ordered by criterion position. */
  perCriterionMean: { criterionId: string; mean: Ratio | null; applicableSheets: number }[];
  /** The commission departed from the mean (passed in by the caller). */
  consensus: { points: Ratio; reason: string } | null;
  /** consensus ?? mean */
  final: Ratio | null;
  failedThresholds: ThresholdFailure[];
  /** final !== null && failedThresholds.length === 0 */
  recommendable: boolean;
  /** spread > spreadLimit (no limit → false). */
  flaggedForDiscussion: boolean;
}

export interface ScoreApplicationInput {
  applicationId: string;
  criteria: Criterion[];
  sheets: SheetInput[];
  consensus?: { points: Ratio; reason: string } | null;
  /** In points (the same scale as SheetResult.points). */
  overallThreshold?: Ratio | null;
  spreadLimit?: Ratio | null;
}

const WEIGHT = /^\d{1,9}(?:\.\d{1,3})?$/;
const MIN_JUSTIFICATION = 10;

/** A weight in thousandths, so Σ score·weight stays an integer sum. */
function weightMillis(criterion: Criterion): bigint {
  const text = typeof criterion.weight === 'string' ? criterion.weight.trim() : '';
  if (!WEIGHT.test(text)) {
    throw new RangeError(`Criterion ${criterion.code}: weight "${String(criterion.weight)}" must be a non-negative decimal with at most 3 places, e.g. "1.500"`);
  }
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
}

/**
 * Criteria come from the call's configuration; a malformed one is a programming or data error,
 * not something a reviewer can fix, so it throws instead of becoming a SheetProblem.
 */
function validateCriteria(criteria: readonly Criterion[]): void {
  const ids = new Set<string>();
  for (const c of criteria) {
    if (ids.has(c.id)) throw new RangeError(`Criterion ${c.id} is listed twice`);
    ids.add(c.id);
    if (!Number.isSafeInteger(c.maxScore) || c.maxScore <= 0) throw new RangeError(`Criterion ${c.code}: maxScore must be a positive whole number`);
    if (c.minScore !== null && (!Number.isSafeInteger(c.minScore) || c.minScore < 0 || c.minScore > c.maxScore)) {
      throw new RangeError(`Criterion ${c.code}: minScore must be a whole number from 0 to maxScore`);
    }
    weightMillis(c);
  }
}

/** Position order, then code and id, so every listing derived from criteria is stable. */
export function orderedCriteria(criteria: readonly Criterion[]): Criterion[] {
  return [...criteria].sort((a, b) => a.position - b.position || cmp(a.code, b.code) || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fullScaleMillis(criteria: readonly Criterion[]): bigint {
  return criteria.reduce((sum, c) => sum + BigInt(c.maxScore) * weightMillis(c), 0n);
}

/** Σ_all max·w: the points a sheet with full marks everywhere gets. */
export function maxPoints(criteria: Criterion[]): Ratio {
  validateCriteria(criteria);
  return Ratio.of(fullScaleMillis(criteria), 1000n);
}

function label(c: Criterion): string {
  return `${c.code} (${c.name})`;
}

/**
 * Validation used by the service before saving (complete=false: ranges, unknown criteria and a
 * score on an N/A criterion) and before submitting (complete=true: additionally every criterion
 * scored or N/A, each with a justification of at least 10 characters, and not everything N/A).
 * A criterion scored twice is reported as UNKNOWN_CRITERION: the second entry has no criterion
 * slot to go to, and the code set is fixed for the API.
 */
export function checkSheet(criteria: Criterion[], scores: CriterionScore[], complete: boolean): SheetProblem[] {
  validateCriteria(criteria);
  const problems: SheetProblem[] = [];
  const known = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Map<string, CriterionScore>();

  for (const entry of scores) {
    const criterion = known.get(entry.criterionId);
    if (!criterion) {
      problems.push({
        criterionId: entry.criterionId,
        code: 'UNKNOWN_CRITERION',
        message: {
          cs: `Kritérium ${entry.criterionId} k této výzvě nepatří.`,
          en: `Criterion ${entry.criterionId} does not belong to this call.`,
        },
      });
      continue;
    }
    if (seen.has(entry.criterionId)) {
      problems.push({
        criterionId: entry.criterionId,
        code: 'UNKNOWN_CRITERION',
        message: {
          cs: `Kritérium ${label(criterion)} je v hodnoticím listu uvedeno vícekrát.`,
          en: `Criterion ${label(criterion)} appears more than once in the score sheet.`,
        },
      });
      continue;
    }
    seen.set(entry.criterionId, entry);
    if (entry.notApplicable && entry.score !== null && entry.score !== undefined) {
      problems.push({
        criterionId: criterion.id,
        code: 'NA_WITH_SCORE',
        message: {
          cs: `Kritérium ${label(criterion)} je označeno jako nerelevantní (n/a), a nesmí proto mít bodové hodnocení.`,
          en: `Criterion ${label(criterion)} is marked not applicable, so it must not have a score.`,
        },
      });
    } else if (!entry.notApplicable && entry.score !== null && entry.score !== undefined) {
      const s = entry.score;
      if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > criterion.maxScore) {
        problems.push({
          criterionId: criterion.id,
          code: 'SCORE_OUT_OF_RANGE',
          message: {
            cs: `Kritérium ${label(criterion)}: hodnocení musí být celé číslo od 0 do ${criterion.maxScore}.`,
            en: `Criterion ${label(criterion)}: the score must be a whole number from 0 to ${criterion.maxScore}.`,
          },
        });
      }
    }
  }

  if (!complete) return problems;

  const ordered = orderedCriteria(criteria);
  for (const criterion of ordered) {
    const entry = seen.get(criterion.id);
    if (!entry || (!entry.notApplicable && (entry.score === null || entry.score === undefined))) {
      problems.push({
        criterionId: criterion.id,
        code: 'SCORE_MISSING',
        message: {
          cs: `Kritérium ${label(criterion)} není ohodnoceno; zadejte body, nebo jej označte jako nerelevantní (n/a).`,
          en: `Criterion ${label(criterion)} has no score; enter points or mark it not applicable.`,
        },
      });
    }
    const justification = typeof entry?.justification === 'string' ? entry.justification.trim() : '';
    if (Array.from(justification).length < MIN_JUSTIFICATION) {
      problems.push({
        criterionId: criterion.id,
        code: 'JUSTIFICATION_MISSING',
        message: {
          cs: `Kritérium ${label(criterion)}: doplňte zdůvodnění (alespoň ${MIN_JUSTIFICATION} znaků), i u kritéria označeného jako nerelevantní.`,
          en: `Criterion ${label(criterion)}: add a justification (at least ${MIN_JUSTIFICATION} characters), also for a criterion marked not applicable.`,
        },
      });
    }
  }

  // Only weighted criteria can give a sheet a result; a call without any (or an empty list)
  // cannot be scored at all, which is the same outcome for the reviewer.
  const weighted = ordered.filter((c) => weightMillis(c) > 0n);
  if (weighted.length === 0 || weighted.every((c) => seen.get(c.id)?.notApplicable === true)) {
    problems.push({
      criterionId: null,
      code: 'ALL_NOT_APPLICABLE',
      message: {
        cs: 'Všechna (bodově vážená) kritéria jsou označena jako nerelevantní (n/a); takový list nemá žádný výsledek a nelze jej odevzdat.',
        en: 'Every (weighted) criterion is marked not applicable; such a sheet has no result and cannot be submitted.',
      },
    });
  }
  return problems;
}

/**
 * Points and percent of one submitted sheet. Throws a RangeError when the sheet cannot be
 * scored (anything checkSheet would reject except a short justification, which does not change
 * the number) — the service validates before submitting, so this only fires on a bug or bad data.
 */
export function sheetResult(criteria: Criterion[], sheet: SheetInput): SheetResult {
  const problems = checkSheet(criteria, sheet.scores, true).filter((p) => p.code !== 'JUSTIFICATION_MISSING');
  if (problems.length > 0) {
    throw new RangeError(`The score sheet of reviewer ${sheet.reviewerId} cannot be scored: ${problems.map((p) => p.message.en).join(' ')}`);
  }
  const byCriterion = new Map(sheet.scores.map((s) => [s.criterionId, s]));
  let scoredMillis = 0n;
  let applicableMaxMillis = 0n;
  for (const c of criteria) {
    const entry = byCriterion.get(c.id)!;
    if (entry.notApplicable) continue;
    const w = weightMillis(c);
    scoredMillis += BigInt(entry.score!) * w;
    applicableMaxMillis += BigInt(c.maxScore) * w;
  }
  if (applicableMaxMillis === 0n) {
    throw new RangeError(`The score sheet of reviewer ${sheet.reviewerId} has no applicable weighted criterion, so it has no result`);
  }
  const fraction = Ratio.of(scoredMillis, applicableMaxMillis);
  return {
    reviewerId: sheet.reviewerId,
    points: fraction.mul(Ratio.of(fullScaleMillis(criteria), 1000n)),
    percent: fraction.mul(Ratio.fromInteger(100)),
  };
}

function sum(values: readonly Ratio[]): Ratio {
  return values.reduce((acc, v) => acc.add(v), Ratio.ZERO);
}

function meanOf(values: readonly Ratio[]): Ratio | null {
  return values.length === 0 ? null : sum(values).div(Ratio.fromInteger(values.length));
}

function medianOf(values: readonly Ratio[]): Ratio | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.compare(b));
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle];
  return sorted[middle - 1].add(sorted[middle]).div(Ratio.fromInteger(2));
}

export function scoreApplication(input: ScoreApplicationInput): ApplicationScore {
  const { applicationId, criteria } = input;
  validateCriteria(criteria);
  const reviewers = new Set<string>();
  for (const sheet of input.sheets) {
    // Two sheets from one reviewer would give that reviewer a double vote in the mean.
    if (reviewers.has(sheet.reviewerId)) throw new RangeError(`Application ${applicationId}: reviewer ${sheet.reviewerId} has more than one sheet`);
    reviewers.add(sheet.reviewerId);
  }

  const sheets = input.sheets.map((sheet) => sheetResult(criteria, sheet));
  const points = sheets.map((s) => s.points);
  const mean = meanOf(points);
  const median = medianOf(points);
  let spread: Ratio | null = null;
  if (points.length > 0) {
    const sorted = [...points].sort((a, b) => a.compare(b));
    spread = sorted[sorted.length - 1].sub(sorted[0]);
  }

  const ordered = orderedCriteria(criteria);
  const perCriterionMean = ordered.map((c) => {
    const applicable: Ratio[] = [];
    for (const sheet of input.sheets) {
      const entry = sheet.scores.find((s) => s.criterionId === c.id);
      if (entry && !entry.notApplicable && entry.score !== null) applicable.push(Ratio.fromInteger(entry.score));
    }
    return { criterionId: c.id, mean: meanOf(applicable), applicableSheets: applicable.length };
  });

  const consensus = input.consensus ?? null;
  if (consensus) {
    const full = Ratio.of(fullScaleMillis(criteria), 1000n);
    if (!(consensus.points instanceof Ratio) || consensus.points.isNegative() || consensus.points.compare(full) > 0) {
      throw new RangeError(`Application ${applicationId}: the consensus points must be between 0 and ${full.toDecimalString(3)}`);
    }
    // A departure from the reviewers' mean nobody can explain later is what this field exists to prevent.
    if (typeof consensus.reason !== 'string' || consensus.reason.trim() === '') {
      throw new RangeError(`Application ${applicationId}: a consensus score needs a reason`);
    }
  }
  const final = consensus ? consensus.points : mean;

  const failedThresholds: ThresholdFailure[] = [];
  if (sheets.length === 0) failedThresholds.push({ criterionId: null, code: 'NO_SHEETS' });
  for (const c of ordered) {
    if (c.minScore === null) continue;
    const m = perCriterionMean.find((p) => p.criterionId === c.id)!.mean;
    // With no applicable sheet there is nothing to compare; N/A must not fail a minimum.
    if (m === null) continue;
    const required = Ratio.fromInteger(c.minScore);
    if (m.compare(required) < 0) failedThresholds.push({ criterionId: c.id, code: 'CRITERION_BELOW_MINIMUM', required, actual: m });
  }
  const threshold = input.overallThreshold ?? null;
  if (threshold && final !== null && final.compare(threshold) < 0) {
    failedThresholds.push({ criterionId: null, code: 'TOTAL_BELOW_THRESHOLD', required: threshold, actual: final });
  }

  const spreadLimit = input.spreadLimit ?? null;
  return {
    applicationId,
    sheets,
    mean,
    median,
    spread,
    perCriterionMean,
    consensus,
    final,
    failedThresholds,
    recommendable: final !== null && failedThresholds.length === 0,
    flaggedForDiscussion: spread !== null && spreadLimit !== null && spread.compare(spreadLimit) > 0,
  };
}
