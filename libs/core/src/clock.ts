/**
 * The one source of "now". Every deadline in the system is an instant judged in Europe/Prague,
 * so tests move this clock instead of sleeping.
 */
export const PRAGUE_TZ = 'Europe/Prague';
const NBSP = '\u00a0';

export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until told to move: for tests and benchmarks. */
export class ManualClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

const pragueParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PRAGUE_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of pragueParts.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** The calendar date in Prague as ISO "2023-11-24". */
export function pragueIsoDate(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Czech document form of a date: "24. 8. 2020" with no-break spaces. */
export function formatCzechDate(instant: Date): string {
  const p = partsOf(instant);
  return `${p.day}.${NBSP}${p.month}.${NBSP}${p.year}`;
}

/** "24. 8. 2020 14:05" in Prague time. */
export function formatCzechDateTime(instant: Date): string {
  const p = partsOf(instant);
  return `${formatCzechDate(instant)} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * The instant at which a Prague wall-clock time occurs (e.g. a call closing on 24. 11. 2022 at
 * 23:59:59). Works across daylight-saving changes by correcting the UTC guess with the zone offset.
 */
export function pragueInstant(isoDate: string, time = '00:00:00'): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const [hh, mm, ss] = time.split(':').map(Number);
  const wallAsUtc = Date.UTC(y, m - 1, d, hh, mm, ss ?? 0);
  let guess = wallAsUtc;
  for (let i = 0; i < 2; i++) {
    const p = partsOf(new Date(guess));
    const shownAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wallAsUtc - shownAsUtc;
  }
  return new Date(guess);
}

/** The calendar day `days` after an ISO date (negative: before). Pure date arithmetic, no time zone involved. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day `months` later, or the month's last day when it has no such day (31 January + 1 month = 28/29 February). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
