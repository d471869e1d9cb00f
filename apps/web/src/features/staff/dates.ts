/**
 * Dates in the call editor: every deadline is Prague time (the API stores instants), native date inputs give
 * calendar dates. The 30-day rule (§ 10c(1) of Act 250/2000) counts Prague calendar days from publication to
 * the opening of the application period, exactly as the API does (CallService.publicationLeadProblem).
 */
const DAY_MS = 86_400_000;
const ZONE = 'Europe/Prague';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: Date): { date: string; time: string; asUtc: number } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value])) as Record<string, string>;
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, time: `${p.hour}:${p.minute}`, asUtc: Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) };
}

/** The Prague calendar date and time (HH:MM) of an instant; empty strings for an empty value. */
export function pragueParts(iso: string): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const { date, time } = wallClock(new Date(iso));
  return { date, time };
}

/** The instant of a Prague wall-clock date and time, as ISO 8601 with the offset in force then ("+01:00" / "+02:00"). */
export function pragueInstant(date: string, time = '00:00'): string {
  const [y, m, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, h, mi);
  let offset = wallClock(new Date(wall)).asUtc - wall;
  offset = wallClock(new Date(wall - offset)).asUtc - (wall - offset);
  const minutes = Math.round(offset / 60_000);
  const sign = minutes >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return `${date}T${pad(h)}:${pad(mi)}:00${sign}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Whole calendar days from one ISO date (YYYY-MM-DD) to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface DateRule {
  /** Days from publication (today) to the opening date. */
  lead: number;
  ok: boolean;
  /** The earliest opening date a publication today allows. */
  earliest: string;
  /** The last day the call can be published for the chosen opening. */
  latestPublication: string;
}

/** The 30-day rule for a publication on `today` (Prague date by the system's clock) and an opening on `opensOn`. */
export function dateRule(today: string, opensOn: string, minDays: number): DateRule | null {
  if (!today || !opensOn) return null;
  const lead = daysBetween(today, opensOn);
  return { lead, ok: lead >= minDays, earliest: addDays(today, minDays), latestPublication: addDays(opensOn, -minDays) };
}
