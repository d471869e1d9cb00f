import { Money, PRAGUE_TZ, formatCzechDate, formatCzechDateTime, pragueInstant } from '#core';
import type { Language } from './catalog.js';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const englishDate = new Intl.DateTimeFormat('en-GB', { timeZone: PRAGUE_TZ, day: 'numeric', month: 'long', year: 'numeric' });
// Formatted apart from the date: en-GB joins date and time with " at " in newer ICU versions.
const englishTime = new Intl.DateTimeFormat('en-GB', { timeZone: PRAGUE_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A calendar date names a Prague day, not the UTC one, or late-evening deadlines would shift by a day. */
function toInstant(value: string): Date {
  const instant = CALENDAR_DATE.test(value) ? pragueInstant(value) : new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not an ISO date or instant: "${value}"`);
  return instant;
}

/** "CZK 150,000.00". Built from Money's exact string form so that no amount passes through a float. */
export function formatMoneyEnglish(amount: string): string {
  const [whole, fraction] = Money.parse(amount).toString().split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  return `${negative ? '−' : ''}CZK ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

export function formatMoney(amount: string, language: Language): string {
  return language === 'en' ? formatMoneyEnglish(amount) : Money.parse(amount).format();
}

/** Accepts a calendar date ("2023-06-30") or an instant; shows the Prague day. */
export function formatDate(value: string, language: Language): string {
  const instant = toInstant(value);
  return language === 'en' ? englishDate.format(instant) : formatCzechDate(instant);
}

/** An instant with its Prague time of day; a calendar date has no time, so it is shown as a date. */
export function formatDateTime(value: string, language: Language): string {
  if (CALENDAR_DATE.test(value)) return formatDate(value, language);
  const instant = toInstant(value);
  return language === 'en' ? `${englishDate.format(instant)}, ${englishTime.format(instant)}` : formatCzechDateTime(instant);
}

/** The Czech noun form for a count: 1 žádost, 2–4 žádosti, 0 and 5+ žádostí. */
export function czechForm(count: number, one: string, few: string, many: string): string {
  if (count === 1) return one;
  return count >= 2 && count <= 4 ? few : many;
}

/** "3 žádosti" */
export function czechCount(count: number, one: string, few: string, many: string): string {
  return `${count} ${czechForm(count, one, few, many)}`;
}

/** "3 applications" */
export function englishCount(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What a template needs to present values in the recipient's language. */
export interface Formatter {
  readonly language: Language;
  money(amount: string): string;
  date(value: string): string;
  dateTime(value: string): string;
  /** Absolute portal URL; each segment is percent-encoded, none gives the portal's home page. */
  link(...segments: string[]): string;
}

export function portalBase(portalUrl: string): string {
  return portalUrl.replace(/\/+$/, '');
}

export function formatterFor(language: Language, portalUrl: string): Formatter {
  const base = portalBase(portalUrl);
  return {
    language,
    money: (amount) => formatMoney(amount, language),
    date: (value) => formatDate(value, language),
    dateTime: (value) => formatDateTime(value, language),
    link: (...segments) => (segments.length === 0 ? `${base}/` : `${base}/${segments.map(encodeURIComponent).join('/')}`),
  };
}
