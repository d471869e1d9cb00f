import { DomainError } from './domain-error.js';
import { Money } from './money.js';

describe('Money', () => {
  it('parses decimal strings exactly and prints them back', () => {
    expect(Money.parse('12500').toString()).toBe('12500.00');
    expect(Money.parse('0.1').add(Money.parse('0.2')).toString()).toBe('0.30');
    expect(Money.parse('-5.5').toString()).toBe('-5.50');
    expect(Money.parse('999999999999999.99').halere).toBe(99999999999999999n);
  });

  it('refuses what is not an amount, naming the field', () => {
    for (const bad of ['1,5', '1.234', 'abc', '', '1e5', '12 500']) {
      expect(() => Money.parse(bad, 'requested')).toThrow(DomainError);
    }
    try {
      Money.parse('1,5', 'requested');
    } catch (error) {
      expect((error as DomainError).fields[0]).toMatchObject({ field: 'requested', code: 'MONEY_FORMAT' });
    }
  });

  it('formats the Czech way with no-break spaces', () => {
    expect(Money.parse('1234567').format()).toBe('1\u00a0234\u00a0567,00\u00a0Kč');
    expect(Money.parse('0.5').format()).toBe('0,50\u00a0Kč');
    expect(Money.parse('-1000').format()).toBe('−1\u00a0000,00\u00a0Kč');
  });

  it('rounds ratios half away from zero to the haléř', () => {
    expect(Money.parse('100.00').multiplyByRatio(1n, 3n).toString()).toBe('33.33');
    expect(Money.parse('0.05').multiplyByRatio(1n, 2n).toString()).toBe('0.03');
    expect(Money.parse('-0.05').multiplyByRatio(1n, 2n).toString()).toBe('-0.03');
    // penále 0,4 ‰ a day of 10 000 Kč for 7 days
    expect(
      Money.parse('10000')
        .multiplyByRatio(4n * 7n, 10_000n)
        .toString(),
    ).toBe('28.00');
  });

  it('splits by weights so that the parts always add up to the whole', () => {
    const parts = Money.parse('100.00').allocate([1n, 1n, 1n]);
    expect(parts.map(String)).toEqual(['33.34', '33.33', '33.33']);
    for (let i = 0; i < 500; i++) {
      const whole = Money.fromHalere(BigInt(Math.floor(Math.random() * 1e9)) * (Math.random() < 0.2 ? -1n : 1n));
      const weights = Array.from({ length: 1 + Math.floor(Math.random() * 6) }, () => BigInt(Math.floor(Math.random() * 100)));
      if (weights.reduce((a, b) => a + b, 0n) === 0n) weights[0] = 1n;
      const split = whole.allocate(weights);
      expect(Money.sum(split).equals(whole)).toBe(true);
      split.forEach((part, index) => {
        const exact = (Number(whole.halere) * Number(weights[index])) / Number(weights.reduce((a, b) => a + b, 0n));
        expect(Math.abs(Number(part.halere) - exact)).toBeLessThan(1.000001);
      });
    }
    expect(() => Money.parse('1').allocate([])).toThrow(RangeError);
    expect(() => Money.parse('1').allocate([0n, 0n])).toThrow(RangeError);
  });
});
