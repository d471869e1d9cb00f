/**
 * Calendar arithmetic on ISO dates ("2023-03-26"). Legal periods count calendar days, not 24-hour
 * spans, so a date is turned into a day number on a zone-free (UTC) calendar: a daylight-saving
 * change in Prague can then never make a day 23 or 25 hours "long" and shift a count by one.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date; throws RangeError for anything that is not a real date. */
export function isoDayNumber(isoDate: string, field = 'date'): number {
  const ms = ISO_DATE.test(isoDate) ? Date.parse(`${isoDate}T00:00:00Z`) : Number.NaN;
  // Date.parse accepts "2023-02-30" by rolling it over, so the round trip rejects impossible days.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`${field} must be an ISO date such as 2023-11-24, got "${isoDate}"`);
  }
  return ms / DAY_MS;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return isoDayNumber(to, 'to') - isoDayNumber(from, 'from');
}

/** Czech plural of "den" for a count: 1 den, 2–4 dny, otherwise dní. */
export function czechDays(count: number): string {
  const abs = Math.abs(count);
  if (abs === 1) return 'den';
  if (abs >= 2 && abs <= 4) return 'dny';
  return 'dní';
}
