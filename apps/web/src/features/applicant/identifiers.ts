/**
 * Instant feedback for IČO and Czech bank account numbers while typing. A mirror of the API's checks
 * (libs/core/src/ico.ts), which stay the authority: the portal cannot import server code, and the API checks
 * again on save.
 */
const ICO_WEIGHTS = [8, 7, 6, 5, 4, 3, 2];

export function isValidIco(input: string): boolean {
  const digits = input.replace(/\s+/g, '');
  if (!/^\d{1,8}$/.test(digits)) return false;
  const ico = digits.padStart(8, '0');
  const sum = ICO_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(ico[i]), 0);
  return (11 - (sum % 11)) % 10 === Number(ico[7]);
}

const mod11 = (digits: string, weights: number[]) => weights.reduce((acc, w, i) => acc + w * Number(digits.padStart(weights.length, '0')[i]), 0) % 11 === 0;

/** "prefix-number/bank" with the ČNB modulo-11 rule for prefix and number. */
export function isValidBankAccount(input: string): boolean {
  const match = /^(?:(\d{1,6})-)?(\d{2,10})\/(\d{4})$/.exec(input.replace(/\s+/g, ''));
  if (!match) return false;
  const [, prefix, number] = match;
  return (!prefix || mod11(prefix, [10, 5, 8, 4, 2, 1])) && mod11(number, [6, 3, 7, 9, 10, 5, 8, 4, 2, 1]) && !/^0+$/.test(number);
}
