import { normaliseBankAccount } from './ico.js';
import { Money } from './money.js';

/**
 * The IBAN of a Czech domestic account "prefix-number/bank" (ČNB, Vyhláška č. 169/2011 Sb.): CZ, two
 * check digits (ISO 13616, mod 97-10), then the BBAN = bank code (4) + prefix (6) + number (10).
 * Throws a RangeError for an account that fails the ČNB check: callers pass accounts already validated.
 */
export function czechIban(account: string): string {
  const canonical = normaliseBankAccount(account);
  if (!canonical) throw new RangeError(`"${account}" is not a valid Czech bank account`);
  const [, prefix = '0', number, bank] = /^(?:(\d+)-)?(\d+)\/(\d{4})$/.exec(canonical)!;
  const bban = `${bank}${prefix.padStart(6, '0')}${number.padStart(10, '0')}`;
  // Letters to numbers (C = 12, Z = 35), the country and "00" moved to the end; 98 − remainder.
  const check = 98n - (BigInt(`${bban}123500`) % 97n);
  return `CZ${check.toString().padStart(2, '0')}${bban}`;
}

/** An IBAN checks out by ISO 13616 (mod 97 = 1); spaces ignored. */
export function isValidIban(iban: string): boolean {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return false;
  const rearranged = `${compact.slice(4)}${compact.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(rearranged) % 97n === 1n;
}

/** What a "QR Platba" code asks the payer's banking app to fill in. */
export interface PaymentCodeInput {
  /** A Czech account "prefix-number/bank" or an IBAN. */
  account: string;
  /** The BIC of the recipient's bank; optional in the format. */
  bic?: string;
  amount: Money | string;
  /** The variable symbol: up to 10 digits. */
  variableSymbol: string;
  /** The due date, YYYY-MM-DD. */
  dueDate?: string;
  /** The recipient's name (up to 35 characters). */
  recipientName?: string;
  /** The message for the recipient (up to 60 characters). */
  message?: string;
}

/**
 * The Czech banks' "QR Platba" string (Short Payment Descriptor, SPAYD 1.0, ČBA standard):
 * `SPD*1.0*ACC:<IBAN>[+BIC]*AM:<amount>*CC:CZK[*DT:YYYYMMDD][*RN:…]*X-VS:<vs>[*MSG:…]`.
 * Values may hold any character but `*`, which is written `%2A` (and `%` as `%25`, so the escape is
 * unambiguous); free text loses its diacritics (not every banking app reads them) and is cut to the
 * format's length. Amounts are exact: the decimal string of the haléře, never a float.
 */
export function paymentCode(input: PaymentCodeInput): string {
  const iban = /^[A-Z]{2}\d{2}/i.test(input.account.replace(/\s+/g, '')) ? input.account.replace(/\s+/g, '').toUpperCase() : czechIban(input.account);
  if (!isValidIban(iban)) throw new RangeError(`"${input.account}" is not a valid IBAN`);
  if (input.bic !== undefined && !/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/.test(input.bic)) throw new RangeError(`"${input.bic}" is not a BIC`);
  const amount = typeof input.amount === 'string' ? Money.parse(input.amount) : input.amount;
  if (amount.halere <= 0n) throw new RangeError(`the amount must be positive; got ${amount.toString()}`);
  const am = amount.toString();
  if (am.length > 10) throw new RangeError(`the amount ${am} is longer than QR Platba allows (10 characters)`);
  if (!/^\d{1,10}$/.test(input.variableSymbol)) throw new RangeError(`the variable symbol must be 1 to 10 digits; got "${input.variableSymbol}"`);
  const fields: [string, string][] = [
    ['ACC', input.bic ? `${iban}+${input.bic}` : iban],
    ['AM', am],
    ['CC', 'CZK'],
  ];
  if (input.dueDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate)) throw new RangeError(`dueDate must be YYYY-MM-DD; got "${input.dueDate}"`);
    fields.push(['DT', input.dueDate.replace(/-/g, '')]);
  }
  if (input.recipientName) fields.push(['RN', freeText(input.recipientName, 35)]);
  fields.push(['X-VS', input.variableSymbol]);
  if (input.message) fields.push(['MSG', freeText(input.message, 60)]);
  return ['SPD', '1.0', ...fields.map(([key, value]) => `${key}:${value}`)].join('*');
}

/** Diacritics removed, whitespace collapsed, cut to `max` characters, then `%` and `*` escaped. */
function freeText(value: string, max: number): string {
  const plain = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
  return plain.replace(/%/g, '%25').replace(/\*/g, '%2A');
}
