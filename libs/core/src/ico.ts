import { DomainError } from './domain-error.js';

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2];

/**
 * Normalises a Czech company identification number (IČO): strips spaces, left-pads to 8 digits
 * and checks the modulo-11 check digit. Returns null when it is not a valid IČO.
 * A valid checksum does not prove that the body exists (that needs ARES).
 */
export function normaliseIco(input: string): string | null {
  const digits = input.replace(/\s+/g, '');
  if (!/^\d{1,8}$/.test(digits)) return null;
  const ico = digits.padStart(8, '0');
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(ico[i]), 0);
  const check = (11 - (sum % 11)) % 10;
  return check === Number(ico[7]) ? ico : null;
}

export function requireIco(input: string, field = 'ico'): string {
  const ico = normaliseIco(input);
  if (!ico) {
    throw DomainError.field(field, 'ICO_INVALID', {
      cs: `IČO „${input}“ není platné: musí mít 8 číslic a správnou kontrolní číslici.`,
      en: `Company ID (IČO) "${input}" is not valid: it needs 8 digits and a correct check digit.`,
    });
  }
  return ico;
}

const ACCOUNT_PREFIX_WEIGHTS = [10, 5, 8, 4, 2, 1];
const ACCOUNT_NUMBER_WEIGHTS = [6, 3, 7, 9, 10, 5, 8, 4, 2, 1];

function mod11(digits: string, weights: number[]): boolean {
  const padded = digits.padStart(weights.length, '0');
  return weights.reduce((acc, w, i) => acc + w * Number(padded[i]), 0) % 11 === 0;
}

/**
 * Czech domestic bank account "prefix-number/bank" (prefix optional), checked with the
 * Czech National Bank's modulo-11 rule (Vyhláška ČNB č. 169/2011 Sb.). Returns the canonical form.
 */
export function normaliseBankAccount(input: string): string | null {
  const match = /^(?:(\d{1,6})-)?(\d{2,10})\/(\d{4})$/.exec(input.replace(/\s+/g, ''));
  if (!match) return null;
  const [, prefix, number, bank] = match;
  if (prefix && !mod11(prefix, ACCOUNT_PREFIX_WEIGHTS)) return null;
  if (!mod11(number, ACCOUNT_NUMBER_WEIGHTS) || /^0+$/.test(number)) return null;
  const cleanPrefix = prefix ? String(Number(prefix)) : '';
  return `${cleanPrefix && cleanPrefix !== '0' ? `${cleanPrefix}-` : ''}${number.replace(/^0+/, '')}/${bank}`;
}

/** Names of the banks most Czech grant recipients use, by their ČNB bank code (the part after "/"). */
const BANK_NAMES: Readonly<Record<string, string>> = {
  '0100': 'Komerční banka, a.s.',
  '0300': 'Československá obchodní banka, a. s.',
  '0600': 'MONETA Money Bank, a.s.',
  '0710': 'Česká národní banka',
  '0800': 'Česká spořitelna, a.s.',
  '2010': 'Fio banka, a.s.',
  '2060': 'Citfin, spořitelní družstvo',
  '2250': 'Banka CREDITAS a.s.',
  '2700': 'UniCredit Bank Czech Republic and Slovakia, a.s.',
  '3030': 'Air Bank a.s.',
  '5500': 'Raiffeisenbank a.s.',
  '6000': 'PPF banka a.s.',
  '6210': 'mBank S.A.',
};

/** The bank's name for a domestic account number, or "kód banky NNNN" when the code is not in the short list. */
export function bankNameOf(account: string): string {
  const code = account.split('/')[1] ?? '';
  return BANK_NAMES[code] ?? `kód banky ${code}`;
}
