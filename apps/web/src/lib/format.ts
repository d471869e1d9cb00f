/**
 * The portal's ONE formatting module: money, dates and money input. Money is a decimal string ("12500.50")
 * end to end; arithmetic on it goes through integer haléře (bigint), never through floating point.
 */
export type Locale = 'cs' | 'en';

const BCP47: Record<Locale, string> = { cs: 'cs-CZ', en: 'en-GB' };
const PRAGUE = 'Europe/Prague';

const moneyFormats = new Map<Locale, Intl.NumberFormat>();
function moneyFormat(locale: Locale): Intl.NumberFormat {
  let format = moneyFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(BCP47[locale], { style: 'currency', currency: 'CZK', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    moneyFormats.set(locale, format);
  }
  return format;
}

/** "1234567.5" → "1 234 567,50 Kč" (cs) / "CZK 1,234,567.50" (en). The string is formatted as an exact decimal. */
export function formatMoney(amount: string, locale: Locale): string {
  // Intl formats numeric strings exactly (no conversion to a binary float).
  return moneyFormat(locale).format(amount as unknown as number);
}

/** An amount without the currency, as a money input shows it: "1234.5" → "1 234,50" (cs) / "1,234.50" (en). */
export function formatAmount(amount: string, locale: Locale): string {
  return new Intl.NumberFormat(BCP47[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount as unknown as number);
}

/** Whole crowns without decimals where they add nothing (e.g. limits): "500000.00" → "500 000 Kč". */
export function formatMoneyShort(amount: string, locale: Locale): string {
  return /\.0*$/.test(amount) || !amount.includes('.')
    ? new Intl.NumberFormat(BCP47[locale], { style: 'currency', currency: 'CZK', maximumFractionDigits: 0 }).format(amount.split('.')[0] as unknown as number)
    : formatMoney(amount, locale);
}

/** A calendar date ("2026-12-03" or a timestamp) → "3. 12. 2026" (cs) / "3 Dec 2026" (en), in Prague's time. */
/** Formatters are costly to create (a table of dates would create one per cell), so each is made once. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) {
    format = make();
    dateFormats.set(key, format);
  }
  return format;
}

export function formatDate(value: string, locale: Locale): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T12:00:00Z` : value);
  return dateFormat(
    `date:${locale}:${dateOnly}`,
    () =>
      new Intl.DateTimeFormat(
        BCP47[locale],
        locale === 'cs'
          ? { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: dateOnly ? 'UTC' : PRAGUE }
          : { day: 'numeric', month: 'short', year: 'numeric', timeZone: dateOnly ? 'UTC' : PRAGUE },
      ),
  ).format(date);
}

/** "3. 12. 2026 14:32" (cs) / "3 Dec 2026, 14:32" (en), in Prague's time. */
export function formatDateTime(value: string, locale: Locale): string {
  return dateFormat(
    `dateTime:${locale}`,
    () =>
      new Intl.DateTimeFormat(BCP47[locale], {
        day: 'numeric',
        month: locale === 'cs' ? 'numeric' : 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: PRAGUE,
      }),
  ).format(new Date(value));
}

/** "14:32" in Prague's time (e.g. "uloženo v 14:32"). */
export function formatTime(value: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(BCP47[locale], { hour: '2-digit', minute: '2-digit', timeZone: PRAGUE }).format(new Date(value));
}

/**
 * What a person types as an amount → a decimal string with two places, or null when it is not an amount.
 * Accepts Czech and international habits: "1 234,50", "1234.50", "1 234", "1.234,50", "1,234.50", "12,5 Kč".
 */
export function parseMoneyInput(text: string): string | null {
  let value = text.replace(/[\s\u00a0\u202f]/g, '').replace(/(Kč|CZK)$/i, '');
  if (value === '' || !/^\d[\d.,]*$/.test(value)) return null;
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  const decimalAt = Math.max(lastComma, lastDot);
  let whole = value;
  let fraction = '';
  if (decimalAt >= 0) {
    const separator = value[decimalAt];
    const after = value.slice(decimalAt + 1);
    const sameCount = value.split(separator).length - 1;
    // One separator followed by 1–2 digits is the decimal mark; otherwise separators group thousands.
    if (sameCount === 1 && after.length <= 2 && after.length > 0) {
      whole = value.slice(0, decimalAt);
      fraction = after;
    } else if (after.length !== 3) {
      return null;
    }
  }
  const groups = whole.split(/[.,]/);
  if (groups.length > 1 && (groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3))) return null;
  whole = groups.join('');
  if (!/^\d+$/.test(whole) || !/^\d{0,2}$/.test(fraction)) return null;
  value = `${BigInt(whole).toString()}.${fraction.padEnd(2, '0')}`;
  return value;
}

/** "1234.50" → 123450n haléřů. */
export function toHalere(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a money amount: ${amount}`);
  const value = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -value : value;
}

/** 123450n → "1234.50". */
export function fromHalere(halere: bigint): string {
  const sign = halere < 0n ? '-' : '';
  const abs = halere < 0n ? -halere : halere;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Exact sum of decimal strings. */
export function sumMoney(amounts: readonly string[]): string {
  return fromHalere(amounts.reduce((total, amount) => total + toHalere(amount), 0n));
}

/** Exact product of an amount and a count (e.g. unit price × units), rounded half up to the haléř. */
export function multiplyMoney(amount: string, count: string): string {
  const [whole, fraction = ''] = count.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const product = toHalere(amount) * BigInt(`${whole}${fraction}`);
  const rounded = (product * 2n + (product < 0n ? -scale : scale)) / (2n * scale);
  return fromHalere(rounded);
}
