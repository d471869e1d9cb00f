import { DomainError } from './domain-error.js';

const DECIMAL = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;
const NBSP = '\u00a0';

/**
 * An exact amount of Czech crowns, held as an integer number of haléře (bigint).
 * JSON and the database see a decimal string with two places ("12500.00"); binary floating
 * point never touches money.
 */
export class Money {
  private constructor(readonly halere: bigint) {}

  static readonly ZERO = new Money(0n);

  static fromHalere(halere: bigint): Money {
    return new Money(halere);
  }

  /** Parses "1234", "1234.5" or "1234.50" (a dot, no grouping). Throws a field error otherwise. */
  static parse(value: string, field = 'amount'): Money {
    const match = DECIMAL.exec(value.trim());
    if (!match) {
      throw DomainError.field(field, 'MONEY_FORMAT', {
        cs: `Pole „${field}“ musí být částka v Kč s nejvýše dvěma desetinnými místy, např. 12500.00.`,
        en: `Field "${field}" must be an amount in CZK with at most two decimals, e.g. 12500.00.`,
      });
    }
    const [, sign, whole, fraction = ''] = match;
    const halere = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
    return new Money(sign ? -halere : halere);
  }

  static isValid(value: unknown): boolean {
    return typeof value === 'string' && DECIMAL.test(value.trim());
  }

  static sum(values: Iterable<Money>): Money {
    let total = 0n;
    for (const v of values) total += v.halere;
    return new Money(total);
  }

  add(other: Money): Money {
    return new Money(this.halere + other.halere);
  }

  subtract(other: Money): Money {
    return new Money(this.halere - other.halere);
  }

  /** Multiplies by numerator/denominator, rounding half away from zero to the haléř. */
  multiplyByRatio(numerator: bigint, denominator: bigint): Money {
    if (denominator <= 0n) throw new RangeError('denominator must be positive');
    const product = this.halere * numerator;
    const quotient = product / denominator;
    const remainder = product % denominator;
    const roundAway = (remainder < 0n ? -remainder : remainder) * 2n >= denominator;
    if (!roundAway) return new Money(quotient);
    return new Money(product < 0n ? quotient - 1n : quotient + 1n);
  }

  /**
   * Splits the amount by integer weights so that the parts always add up exactly to the whole:
   * each part is rounded down, then the haléře left over go one by one to the parts with the
   * largest remainders (ties: the earlier part). This is the documented rounding rule for splits.
   */
  allocate(weights: readonly bigint[]): Money[] {
    if (weights.length === 0) throw new RangeError('at least one weight is required');
    if (weights.some((w) => w < 0n)) throw new RangeError('weights must not be negative');
    const totalWeight = weights.reduce((a, b) => a + b, 0n);
    if (totalWeight === 0n) throw new RangeError('weights must not all be zero');
    const sign = this.halere < 0n ? -1n : 1n;
    const whole = this.halere * sign;
    const floors = weights.map((w) => (whole * w) / totalWeight);
    const remainders = weights.map((w, index) => ({ index, remainder: (whole * w) % totalWeight }));
    let left = whole - floors.reduce((a, b) => a + b, 0n);
    remainders.sort((a, b) => (b.remainder === a.remainder ? a.index - b.index : b.remainder > a.remainder ? 1 : -1));
    for (const { index } of remainders) {
      if (left === 0n) break;
      floors[index] += 1n;
      left -= 1n;
    }
    return floors.map((h) => new Money(h * sign));
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.halere === other.halere ? 0 : this.halere < other.halere ? -1 : 1;
  }

  equals(other: Money): boolean {
    return this.halere === other.halere;
  }

  isNegative(): boolean {
    return this.halere < 0n;
  }

  isZero(): boolean {
    return this.halere === 0n;
  }

  /** "12500.00": the form used in JSON, CSV and SQL. */
  toString(): string {
    const negative = this.halere < 0n;
    const abs = negative ? -this.halere : this.halere;
    const whole = abs / 100n;
    const fraction = (abs % 100n).toString().padStart(2, '0');
    return `${negative ? '-' : ''}${whole}.${fraction}`;
  }

  toJSON(): string {
    return this.toString();
  }

  /** Czech presentation: "1 234 567,00 Kč" with no-break spaces. */
  format(): string {
    const [whole, fraction] = this.toString().split('.');
    const negative = whole.startsWith('-');
    const digits = negative ? whole.slice(1) : whole;
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    return `${negative ? '−' : ''}${grouped},${fraction}${NBSP}Kč`;
  }
}
