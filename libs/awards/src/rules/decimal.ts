/**
 * Exact non-negative decimal fractions read from configuration ("0.4" ‰, "10" %). They multiply
 * money, so they stay a bigint numerator over a power of ten and never pass through a float.
 */

const DECIMAL = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

export interface DecimalFraction {
  numerator: bigint;
  denominator: bigint;
}

export function parseDecimal(text: string, what: string): DecimalFraction {
  const match = typeof text === 'string' ? DECIMAL.exec(text.trim()) : null;
  if (!match) throw new RangeError(`${what} must be a non-negative decimal such as 0.4 or 10, got "${String(text)}"`);
  const [, whole, fraction = ''] = match;
  const denominator = 10n ** BigInt(fraction.length);
  return { numerator: BigInt(whole) * denominator + (fraction ? BigInt(fraction) : 0n), denominator };
}

/** Czech form of a configured decimal: "0.4" → "0,4". */
export function czechDecimal(text: string): string {
  return text.trim().replace('.', ',');
}
