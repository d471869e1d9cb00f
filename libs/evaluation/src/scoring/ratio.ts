/**
 * Exact rational numbers for scores and weights. Points are sums of integer scores times
 * decimal weights divided by other such sums; binary floating point would make two equal
 * results compare unequal and turn a tie into an unexplainable ranking, so everything stays
 * a reduced fraction of bigints until it is printed.
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const NBSP = '\u00a0';

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * An exact rational, always reduced and with a positive denominator (so `num`/`den` can be
 * compared field by field). The scoring results are non-negative; `sub` may still go below zero
 * because comparisons and differences are built from it.
 */
export class Ratio {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly ZERO = new Ratio(0n, 1n);
  static readonly ONE = new Ratio(1n, 1n);

  static of(num: bigint, den: bigint): Ratio {
    if (typeof num !== 'bigint' || typeof den !== 'bigint') throw new TypeError('Ratio.of takes two bigints');
    if (den === 0n) throw new RangeError('A ratio cannot have a zero denominator');
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den) || 1n;
    return new Ratio((sign * num) / g, (sign * den) / g);
  }

  static fromInteger(value: number | bigint): Ratio {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number`);
    return new Ratio(BigInt(value), 1n);
  }

  /** Parses "12.5", "12", "0.333" exactly (a dot, no grouping, any number of decimals). */
  static parse(text: string): Ratio {
    const match = typeof text === 'string' ? DECIMAL.exec(text.trim()) : null;
    if (!match) throw new RangeError(`"${String(text)}" is not a decimal number such as 12.5`);
    const [, sign, whole, fraction = ''] = match;
    const den = 10n ** BigInt(fraction.length);
    const num = BigInt(whole) * den + (fraction ? BigInt(fraction) : 0n);
    return Ratio.of(sign ? -num : num, den);
  }

  compare(other: Ratio): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left === right ? 0 : left < right ? -1 : 1;
  }

  equals(other: Ratio): boolean {
    return this.num === other.num && this.den === other.den;
  }

  add(other: Ratio): Ratio {
    return Ratio.of(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Ratio): Ratio {
    return Ratio.of(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  mul(other: Ratio): Ratio {
    return Ratio.of(this.num * other.num, this.den * other.den);
  }

  div(other: Ratio): Ratio {
    if (other.num === 0n) throw new RangeError('Division of a ratio by zero');
    return Ratio.of(this.num * other.den, this.den * other.num);
  }

  abs(): Ratio {
    return this.num < 0n ? new Ratio(-this.num, this.den) : this;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isNegative(): boolean {
    return this.num < 0n;
  }

  /**
   * Decimal string rounded half-up to `places` (default 2), e.g. "87.35". Negative values round
   * half away from zero, so a value and its negation print symmetrically.
   */
  toDecimalString(places = 2): string {
    if (!Number.isInteger(places) || places < 0 || places > 30) throw new RangeError('places must be a whole number from 0 to 30');
    const scale = 10n ** BigInt(places);
    const negative = this.num < 0n;
    const abs = negative ? -this.num : this.num;
    const rounded = (abs * scale * 2n + this.den) / (2n * this.den);
    const whole = (rounded / scale).toString();
    const sign = negative && rounded !== 0n ? '-' : '';
    if (places === 0) return `${sign}${whole}`;
    return `${sign}${whole}.${(rounded % scale).toString().padStart(places, '0')}`;
  }

  /** Czech form: decimal comma and no-break-space thousands groups, e.g. "1 087,35". */
  toCzechString(places = 2): string {
    const [whole, fraction] = this.toDecimalString(places).split('.');
    const negative = whole.startsWith('-');
    const digits = negative ? whole.slice(1) : whole;
    const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
    return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
  }

  /** JSON carries the rounded decimal string, like Money; keep the Ratio itself for exact work. */
  toJSON(): string {
    return this.toDecimalString(2);
  }

  /** The exact value, "349/4" or "87" — for logs and test output, not for people. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}

/**
 * Prints two different values with as many decimals as it takes to tell them apart (at least
 * `places`), so an explanation never says "87,35 b. beats 87,35 b.".
 */
export function distinctCzech(a: Ratio, b: Ratio, places = 2): [string, string] {
  for (let p = places; p <= 12; p++) {
    const left = a.toCzechString(p);
    const right = b.toCzechString(p);
    if (left !== right || a.equals(b)) return [left, right];
  }
  return [a.toCzechString(12), b.toCzechString(12)];
}

export function distinctEnglish(a: Ratio, b: Ratio, places = 2): [string, string] {
  for (let p = places; p <= 12; p++) {
    const left = a.toDecimalString(p);
    const right = b.toDecimalString(p);
    if (left !== right || a.equals(b)) return [left, right];
  }
  return [a.toDecimalString(12), b.toDecimalString(12)];
}

/** "87,35 b." — the Czech points notation, with a no-break space like Money.format(). */
export function pointsCs(value: Ratio, places = 2): string {
  return `${value.toCzechString(places)}${NBSP}b.`;
}

export function pointsEn(value: Ratio, places = 2): string {
  return `${value.toDecimalString(places)} pts`;
}
