import 'reflect-metadata';
import { czechDecimal, parseDecimal } from './decimal.js';

describe('configured decimals', () => {
  it('parses exactly into a bigint fraction', () => {
    expect(parseDecimal('0.4', 'rate')).toEqual({ numerator: 4n, denominator: 10n });
    expect(parseDecimal('10', 'tolerance')).toEqual({ numerator: 10n, denominator: 1n });
    expect(parseDecimal('7.25', 'tolerance')).toEqual({ numerator: 725n, denominator: 100n });
  });

  it('refuses negative, signed or malformed values', () => {
    for (const bad of ['-1', '0,4', '1e3', '', '.5', 'abc']) expect(() => parseDecimal(bad, 'rate')).toThrow(RangeError);
  });

  it('prints the Czech decimal comma', () => {
    expect(czechDecimal('0.4')).toBe('0,4');
  });
});
