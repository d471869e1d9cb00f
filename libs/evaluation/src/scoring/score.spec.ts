import 'reflect-metadata';
import { checkSheet, Criterion, CriterionScore, maxPoints, Ratio, scoreApplication, SheetInput, sheetResult } from './index.js';

const JUST = 'Zdůvodnění hodnocení kritéria.';

function criterion(id: string, maxScore: number, weight: string, position: number, minScore: number | null = null): Criterion {
  return { id, code: id.toUpperCase(), name: `Kritérium ${id}`, maxScore, weight, minScore, position };
}

// Full scale: 10·1 + 10·2 + 20·0.5 = 40 points.
const A = criterion('a', 10, '1.000', 1);
const B = criterion('b', 10, '2', 2);
const C = criterion('c', 20, '0.500', 3);
const CRITERIA = [A, B, C];

/** Scores by criterion id; 'na' marks the criterion not applicable. */
function sheet(reviewerId: string, scores: Record<string, number | 'na'>): SheetInput {
  return {
    reviewerId,
    scores: Object.entries(scores).map(([criterionId, s]) => ({
      criterionId,
      score: s === 'na' ? null : s,
      notApplicable: s === 'na',
      justification: JUST,
    })),
  };
}

const r = (text: string) => Ratio.parse(text);

describe('Ratio', () => {
  it('is exact and reduced', () => {
    const third = Ratio.of(1n, 3n);
    expect(third.add(third).add(third).equals(Ratio.ONE)).toBe(true);
    expect(Ratio.of(6n, -4n)).toMatchObject({ num: -3n, den: 2n });
    expect(r('0.1').add(r('0.2')).compare(r('0.3'))).toBe(0);
    expect(r('12.50').equals(Ratio.of(25n, 2n))).toBe(true);
    expect(r('12').den).toBe(1n);
    expect(r('0.333').equals(Ratio.of(333n, 1000n))).toBe(true);
    expect(Ratio.of(2n, 3n).sub(Ratio.ONE).abs().equals(Ratio.of(1n, 3n))).toBe(true);
    expect(() => Ratio.of(1n, 0n)).toThrow(RangeError);
    expect(() => Ratio.ONE.div(Ratio.ZERO)).toThrow(RangeError);
    for (const bad of ['1,5', '', 'abc', '1e3', '.5', '1.']) expect(() => Ratio.parse(bad)).toThrow(RangeError);
  });

  it('prints half-up to the requested places', () => {
    expect(Ratio.of(2n, 3n).toDecimalString()).toBe('0.67');
    expect(r('87.345').toDecimalString()).toBe('87.35');
    expect(r('87.3449').toDecimalString()).toBe('87.34');
    expect(r('2.5').toDecimalString(0)).toBe('3');
    expect(r('7').toDecimalString(3)).toBe('7.000');
    expect(r('1234.5').toCzechString()).toBe('1\u00a0234,50');
    expect(Ratio.of(-1n, 200n).toDecimalString()).toBe('-0.01');
  });
});

describe('sheetResult', () => {
  it('excludes a criterion marked n/a instead of counting it as zero', () => {
    const withNa = sheetResult(CRITERIA, sheet('r1', { a: 8, b: 6, c: 'na' }));
    const withoutC = sheetResult([A, B], sheet('r1', { a: 8, b: 6 }));
    expect(withNa.percent.equals(withoutC.percent)).toBe(true);
    // (8·1 + 6·2) / (10·1 + 10·2) = 2/3
    expect(withNa.percent.equals(Ratio.of(200n, 3n))).toBe(true);
    // …scaled to the full 40-point scale, not to the 30 points that were applicable.
    expect(withNa.points.equals(Ratio.of(80n, 3n))).toBe(true);
    const naAsZero = sheetResult(CRITERIA, sheet('r1', { a: 8, b: 6, c: 0 }));
    expect(naAsZero.percent.toDecimalString()).toBe('50.00');
    expect(withNa.percent.toDecimalString()).toBe('66.67');
  });

  it('weights each criterion', () => {
    const result = sheetResult(CRITERIA, sheet('r1', { a: 10, b: 5, c: 10 }));
    // 10 + 10 + 5 = 25 of 40
    expect(result.points.equals(Ratio.fromInteger(25))).toBe(true);
    expect(result.percent.toDecimalString()).toBe('62.50');
    expect(maxPoints(CRITERIA).equals(Ratio.fromInteger(40))).toBe(true);
  });

  it('refuses a sheet without a result or with bad data', () => {
    expect(() => sheetResult(CRITERIA, sheet('r1', { a: 'na', b: 'na', c: 'na' }))).toThrow(/no result/);
    expect(() => sheetResult(CRITERIA, sheet('r1', { a: 11, b: 1, c: 1 }))).toThrow(RangeError);
    expect(() => sheetResult(CRITERIA, sheet('r1', { a: 1, b: 1 }))).toThrow(RangeError);
    expect(() => sheetResult([criterion('x', 10, '1.0005', 1)], sheet('r1', { x: 1 }))).toThrow(/weight/);
    expect(() => sheetResult([criterion('x', 10, '1.5e1', 1)], sheet('r1', { x: 1 }))).toThrow(/weight/);
  });
});

describe('checkSheet', () => {
  const entry = (criterionId: string, score: number | null, notApplicable = false, justification = JUST): CriterionScore => ({
    criterionId,
    score,
    notApplicable,
    justification,
  });
  const codes = (problems: ReturnType<typeof checkSheet>) => problems.map((p) => `${p.criterionId}:${p.code}`);

  it('accepts a complete sheet', () => {
    expect(checkSheet(CRITERIA, [entry('a', 0), entry('b', 10), entry('c', null, true)], true)).toEqual([]);
  });

  it('checks only ranges, unknown criteria and n/a with a score in a draft', () => {
    const problems = checkSheet(CRITERIA, [entry('a', 11), entry('b', 2.5), entry('zz', 1), entry('c', 3, true, '')], false);
    expect(codes(problems)).toEqual(['a:SCORE_OUT_OF_RANGE', 'b:SCORE_OUT_OF_RANGE', 'zz:UNKNOWN_CRITERION', 'c:NA_WITH_SCORE']);
    expect(checkSheet(CRITERIA, [entry('a', -1)], false)[0].code).toBe('SCORE_OUT_OF_RANGE');
    // Missing scores and justifications are fine while drafting.
    expect(checkSheet(CRITERIA, [entry('a', 5, false, '')], false)).toEqual([]);
    expect(checkSheet(CRITERIA, [entry('a', null, true), entry('b', null, true), entry('c', null, true)], false)).toEqual([]);
  });

  it('on submission requires every criterion scored or n/a, each justified, not all n/a', () => {
    const problems = checkSheet(CRITERIA, [entry('a', 5, false, '  krátké  '), entry('b', null)], true);
    expect(codes(problems)).toEqual(['a:JUSTIFICATION_MISSING', 'b:SCORE_MISSING', 'c:SCORE_MISSING', 'c:JUSTIFICATION_MISSING']);
    // Ten characters after trimming are enough, nine are not.
    expect(codes(checkSheet([A], [entry('a', 5, false, '   0123456789   ')], true))).toEqual([]);
    expect(codes(checkSheet([A], [entry('a', 5, false, '   012345678   ')], true))).toEqual(['a:JUSTIFICATION_MISSING']);
    const allNa = checkSheet(CRITERIA, [entry('a', null, true), entry('b', null, true), entry('c', null, true)], true);
    expect(codes(allNa)).toEqual(['null:ALL_NOT_APPLICABLE']);
    expect(checkSheet(CRITERIA, [], true).map((p) => p.code)).toEqual([
      'SCORE_MISSING',
      'JUSTIFICATION_MISSING',
      'SCORE_MISSING',
      'JUSTIFICATION_MISSING',
      'SCORE_MISSING',
      'JUSTIFICATION_MISSING',
    ]);
  });

  it('reports a criterion scored twice and speaks Czech and English', () => {
    const problems = checkSheet(CRITERIA, [entry('a', 1), entry('a', 2)], false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ criterionId: 'a', code: 'UNKNOWN_CRITERION' });
    expect(problems[0].message.cs).toContain('vícekrát');
    expect(problems[0].message.en).toContain('more than once');
    const range = checkSheet(CRITERIA, [entry('c', 21)], false)[0];
    expect(range.message.cs).toContain('od 0 do 20');
    expect(range.message.en).toContain('from 0 to 20');
  });
});

describe('scoreApplication', () => {
  it('gives mean, median and spread of the sheet points', () => {
    const three = scoreApplication({
      applicationId: 'x',
      criteria: CRITERIA,
      sheets: [sheet('r1', { a: 10, b: 10, c: 20 }), sheet('r2', { a: 4, b: 3, c: 4 }), sheet('r3', { a: 6, b: 5, c: 8 })],
    });
    // points 40, 12, 20
    expect(three.mean!.equals(Ratio.fromInteger(24))).toBe(true);
    expect(three.median!.equals(Ratio.fromInteger(20))).toBe(true);
    expect(three.spread!.equals(Ratio.fromInteger(28))).toBe(true);
    expect(three.final!.equals(three.mean!)).toBe(true);

    const four = scoreApplication({
      applicationId: 'x',
      criteria: CRITERIA,
      sheets: [sheet('r1', { a: 10, b: 10, c: 20 }), sheet('r2', { a: 4, b: 3, c: 4 }), sheet('r3', { a: 6, b: 5, c: 8 }), sheet('r4', { a: 5, b: 5, c: 10 })],
    });
    // points 40, 12, 20, 20 → median (20 + 20) / 2; with r4 at 25 the median would be 22.5
    expect(four.median!.equals(Ratio.fromInteger(20))).toBe(true);
    const four2 = scoreApplication({
      applicationId: 'x',
      criteria: CRITERIA,
      sheets: [sheet('r1', { a: 10, b: 10, c: 20 }), sheet('r2', { a: 4, b: 3, c: 4 }), sheet('r3', { a: 6, b: 5, c: 8 }), sheet('r4', { a: 5, b: 5, c: 20 })],
    });
    expect(four2.median!.toDecimalString()).toBe('22.50');
    expect(four2.mean!.toDecimalString()).toBe('24.25'); // (40 + 12 + 20 + 25) / 4
  });

  it('averages raw scores per criterion over the sheets where it applied', () => {
    const result = scoreApplication({
      applicationId: 'x',
      criteria: [C, A, B],
      sheets: [sheet('r1', { a: 3, b: 4, c: 'na' }), sheet('r2', { a: 6, b: 5, c: 9 })],
    });
    expect(result.perCriterionMean.map((p) => [p.criterionId, p.mean?.toDecimalString(), p.applicableSheets])).toEqual([
      ['a', '4.50', 2],
      ['b', '4.50', 2],
      ['c', '9.00', 1],
    ]);
  });

  it('fails a criterion minimum on the mean of the reviewers, not on a single sheet', () => {
    const a5 = criterion('a', 10, '1', 1, 5);
    const pass = scoreApplication({ applicationId: 'x', criteria: [a5, B], sheets: [sheet('r1', { a: 4, b: 5 }), sheet('r2', { a: 7, b: 5 })] });
    expect(pass.failedThresholds).toEqual([]);
    expect(pass.recommendable).toBe(true);
    const fail = scoreApplication({ applicationId: 'x', criteria: [a5, B], sheets: [sheet('r1', { a: 4, b: 5 }), sheet('r2', { a: 5, b: 5 })] });
    expect(fail.failedThresholds).toEqual([{ criterionId: 'a', code: 'CRITERION_BELOW_MINIMUM', required: Ratio.fromInteger(5), actual: Ratio.of(9n, 2n) }]);
    expect(fail.recommendable).toBe(false);
    // A minimum on a criterion nobody found applicable cannot fail.
    const na = scoreApplication({ applicationId: 'x', criteria: [a5, B], sheets: [sheet('r1', { a: 'na', b: 5 })] });
    expect(na.failedThresholds).toEqual([]);
  });

  it('applies the overall threshold to the final score, which a consensus replaces', () => {
    const sheets = [sheet('r1', { a: 5, b: 5, c: 10 })]; // 20 points
    const at = scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets, overallThreshold: r('20') });
    expect(at.recommendable).toBe(true);
    const above = scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets, overallThreshold: r('20.01') });
    expect(above.failedThresholds.map((f) => f.code)).toEqual(['TOTAL_BELOW_THRESHOLD']);
    expect(above.recommendable).toBe(false);
    const consensus = scoreApplication({
      applicationId: 'x',
      criteria: CRITERIA,
      sheets,
      overallThreshold: r('20.01'),
      consensus: { points: r('21'), reason: 'Komise po diskusi.' },
    });
    expect(consensus.final!.equals(r('21'))).toBe(true);
    expect(consensus.mean!.equals(r('20'))).toBe(true);
    expect(consensus.recommendable).toBe(true);
    expect(() => scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets, consensus: { points: r('41'), reason: 'x' } })).toThrow(RangeError);
    expect(() => scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets, consensus: { points: r('30'), reason: '  ' } })).toThrow(/reason/);
  });

  it('has no final score and is not recommendable without sheets', () => {
    const none = scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets: [], overallThreshold: r('1') });
    expect(none).toMatchObject({ mean: null, median: null, spread: null, final: null, recommendable: false, flaggedForDiscussion: false });
    expect(none.failedThresholds).toEqual([{ criterionId: null, code: 'NO_SHEETS' }]);
  });

  it('flags a spread above the limit for discussion', () => {
    const sheets = [sheet('r1', { a: 10, b: 10, c: 20 }), sheet('r2', { a: 5, b: 5, c: 10 })]; // 40 and 20
    expect(scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets, spreadLimit: r('19.99') }).flaggedForDiscussion).toBe(true);
    expect(scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets, spreadLimit: r('20') }).flaggedForDiscussion).toBe(false);
    expect(scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets }).flaggedForDiscussion).toBe(false);
  });

  it('refuses two sheets of one reviewer', () => {
    const s = sheet('r1', { a: 1, b: 1, c: 1 });
    expect(() => scoreApplication({ applicationId: 'x', criteria: CRITERIA, sheets: [s, s] })).toThrow(/more than one sheet/);
  });
});
