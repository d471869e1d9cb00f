import 'reflect-metadata';
import { Money } from '#core';
import { splitByShares } from './activity-split.js';

// A seeded generator (mulberry32) so that a failure of the randomised test can be reproduced.
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const strings = (parts: { activityId: string; amount: Money }[]) => parts.map((p) => `${p.activityId}=${p.amount.toString()}`);

describe('splitByShares', () => {
  it('gives leftover haléře to the largest remainders, ties to the earlier share', () => {
    const shares = [
      { activityId: 'a', basisPoints: 3334 },
      { activityId: 'b', basisPoints: 3333 },
      { activityId: 'c', basisPoints: 3333 },
    ];
    // 0.01 × 3334/10 000 etc.: every part rounds down to 0, the one haléř goes to the largest remainder (a).
    expect(strings(splitByShares(Money.parse('0.01'), shares))).toEqual(['a=0.01', 'b=0.00', 'c=0.00']);
    const equal = [
      { activityId: 'x', basisPoints: 5000 },
      { activityId: 'y', basisPoints: 5000 },
    ];
    // Equal remainders: the earlier share in the given order wins, whichever it is.
    expect(strings(splitByShares(Money.parse('0.01'), equal))).toEqual(['x=0.01', 'y=0.00']);
    expect(strings(splitByShares(Money.parse('0.01'), [...equal].reverse()))).toEqual(['y=0.01', 'x=0.00']);
    expect(strings(splitByShares(Money.parse('100.00'), shares))).toEqual(['a=33.34', 'b=33.33', 'c=33.33']);
  });

  it('splits a reversal as the exact negation of the original split', () => {
    const shares = [
      { activityId: '13.II.1', basisPoints: 1 },
      { activityId: '13.II.2', basisPoints: 4999 },
      { activityId: '6.I.1', basisPoints: 5000 },
    ];
    const forward = splitByShares(Money.parse('12345.67'), shares);
    const back = splitByShares(Money.parse('-12345.67'), shares);
    expect(back.map((p) => p.amount.halere)).toEqual(forward.map((p) => -p.amount.halere));
    expect(Money.sum(back.map((p) => p.amount)).toString()).toBe('-12345.67');
  });

  it('never gives a haléř to a zero share', () => {
    const parts = splitByShares(Money.parse('0.03'), [
      { activityId: 'zero', basisPoints: 0 },
      { activityId: 'a', basisPoints: 5000 },
      { activityId: 'b', basisPoints: 5000 },
    ]);
    expect(strings(parts)).toEqual(['zero=0.00', 'a=0.02', 'b=0.01']);
  });

  it('refuses shares that do not make exactly 10 000 basis points, or are malformed', () => {
    const m = Money.parse('100');
    expect(() => splitByShares(m, [{ activityId: 'a', basisPoints: 9999 }])).toThrow(RangeError);
    expect(() => splitByShares(m, [{ activityId: 'a', basisPoints: 10001 }])).toThrow(RangeError);
    expect(() => splitByShares(m, [])).toThrow(RangeError);
    expect(() =>
      splitByShares(m, [
        { activityId: 'a', basisPoints: 5000.5 },
        { activityId: 'b', basisPoints: 4999.5 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      splitByShares(m, [
        { activityId: 'a', basisPoints: -1 },
        { activityId: 'b', basisPoints: 10001 },
      ]),
    ).toThrow(RangeError);
    expect(() =>
      splitByShares(m, [
        { activityId: 'a', basisPoints: 5000 },
        { activityId: 'a', basisPoints: 5000 },
      ]),
    ).toThrow(RangeError);
  });

  it('always adds up exactly to the amount (1 000 random amounts × random shares)', () => {
    const random = generator(20261122);
    for (let i = 0; i < 1000; i++) {
      // Up to 10^12 haléře, either sign: well beyond any award, inside Money's 15-digit range.
      const magnitude = BigInt(Math.floor(random() * 1_000_000)) * 1_000_000n + BigInt(Math.floor(random() * 1_000_000));
      const halere = random() < 0.2 ? -magnitude : magnitude;
      const count = 1 + Math.floor(random() * 12);
      const cuts = Array.from({ length: count - 1 }, () => Math.floor(random() * 10_001)).sort((a, b) => a - b);
      const bounds = [0, ...cuts, 10_000];
      const shares = bounds.slice(1).map((end, j) => ({ activityId: `act-${j}`, basisPoints: end - bounds[j] }));

      const amount = Money.fromHalere(halere);
      const parts = splitByShares(amount, shares);
      expect(Money.sum(parts.map((p) => p.amount)).halere).toBe(halere);
      parts.forEach((part, j) => {
        expect(part.activityId).toBe(shares[j].activityId);
        // Each part is within one haléř of its exact share, on the amount's side of zero.
        const exactTimes10k = halere * BigInt(shares[j].basisPoints);
        const diff = part.amount.halere * 10_000n - exactTimes10k;
        expect(diff < 0n ? -diff : diff).toBeLessThan(10_000n);
        if (halere !== 0n && part.amount.halere !== 0n) expect(part.amount.halere < 0n).toBe(halere < 0n);
      });
    }
  });
});
