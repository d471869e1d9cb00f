/**
 * The portal's live total against the server's own function on the same cases: the numbers a reviewer sees
 * while scoring are the numbers the commission's results use (libs/evaluation/src/scoring/score.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decimal, weightedTotal } from './weighted-total';

/** The server's module, loaded at run time: the portal's type check does not compile the API's libraries. */
const SERVER_SCORING = new URL('../../../../../libs/evaluation/src/scoring/score.ts', import.meta.url).pathname;
interface Criterion {
  id: string;
  code: string;
  name: string;
  maxScore: number;
  weight: string;
  minScore: number | null;
  position: number;
}
interface Decimal {
  toDecimalString(places?: number): string;
}
type SheetResult = (
  criteria: Criterion[],
  sheet: { reviewerId: string; scores: { criterionId: string; score: number | null; notApplicable: boolean; justification: string }[] },
) => { points: Decimal; percent: Decimal };
let sheetResult: SheetResult;
beforeAll(async () => {
  ({ sheetResult } = (await import(/* @vite-ignore */ SERVER_SCORING)) as { sheetResult: SheetResult });
});

function criterion(id: string, maxScore: number, weight: string, position: number): Criterion {
  return { id, code: id.toUpperCase(), name: `Kritérium ${id}`, maxScore, weight, minScore: null, position };
}

type Value = number | 'na';
const JUST = 'Zdůvodnění hodnocení kritéria.';

/** The cases of the server's score.spec.ts, and awkward weights and scales that produce long fractions. */
const CASES: { name: string; criteria: Criterion[]; values: Value[] }[] = [
  { name: 'plain weights', criteria: [criterion('a', 10, '1.000', 1), criterion('b', 10, '2', 2), criterion('c', 20, '0.500', 3)], values: [8, 6, 10] },
  { name: 'one not applicable', criteria: [criterion('a', 10, '1.000', 1), criterion('b', 10, '2', 2), criterion('c', 20, '0.500', 3)], values: [8, 6, 'na'] },
  { name: 'full marks', criteria: [criterion('a', 10, '1.000', 1), criterion('b', 10, '2', 2), criterion('c', 20, '0.500', 3)], values: [10, 10, 20] },
  { name: 'zeros', criteria: [criterion('a', 10, '1.000', 1), criterion('b', 10, '2', 2), criterion('c', 20, '0.500', 3)], values: [0, 0, 0] },
  { name: 'the test call (20×2, 20×1, 10×1)', criteria: [criterion('k1', 20, '2', 1), criterion('k2', 20, '1', 2), criterion('k3', 10, '1', 3)], values: [16, 'na', 8] },
  { name: 'thirds', criteria: [criterion('a', 3, '1', 1), criterion('b', 7, '0.333', 2), criterion('c', 9, '1.001', 3)], values: [1, 5, 'na'] },
  { name: 'half-up rounding', criteria: [criterion('a', 8, '0.125', 1), criterion('b', 3, '0.007', 2)], values: [7, 1] },
  { name: 'a zero weight', criteria: [criterion('a', 10, '0', 1), criterion('b', 5, '1.5', 2)], values: [3, 4] },
  { name: 'large scale', criteria: [criterion('a', 1000, '999.999', 1), criterion('b', 17, '0.001', 2), criterion('c', 13, '3.7', 3)], values: [777, 'na', 11] },
];

describe('weightedTotal', () => {
  for (const c of CASES) {
    it(`equals the server's sheetResult: ${c.name}`, () => {
      const scores = c.criteria.map((cr, i) => ({
        criterionId: cr.id,
        score: c.values[i] === 'na' ? null : c.values[i],
        notApplicable: c.values[i] === 'na',
        justification: JUST,
      }));
      const server = sheetResult(c.criteria, { reviewerId: 'r', scores });
      const portal = weightedTotal(c.criteria, scores);
      expect(portal.complete).toBe(true);
      expect(portal.points).toBe(server.points.toDecimalString(2));
      expect(portal.percent).toBe(server.percent.toDecimalString(2));
    });
  }

  it('is provisional while a criterion is neither scored nor marked not applicable', () => {
    const criteria = CASES[0].criteria;
    const total = weightedTotal(criteria, [{ criterionId: 'a', score: 8, notApplicable: false }]);
    expect(total).toEqual({ points: '32.00', percent: '80.00', maxPoints: '40.00', complete: false, missing: 2 });
    expect(weightedTotal(criteria, [])).toEqual({ points: null, percent: null, maxPoints: '40.00', complete: false, missing: 3 });
  });

  it('ignores a score out of range instead of counting it', () => {
    const total = weightedTotal(CASES[0].criteria, [{ criterionId: 'a', score: 11, notApplicable: false }]);
    expect(total.points).toBeNull();
    expect(total.missing).toBe(3);
  });

  it('rounds half away from zero like the server', () => {
    expect(decimal(1n, 200n)).toBe('0.01');
    expect(decimal(-1n, 200n)).toBe('-0.01');
    expect(decimal(1n, 3n, 0)).toBe('0');
    expect(decimal(5n, 2n, 0)).toBe('3');
  });
});
