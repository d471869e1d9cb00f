import 'reflect-metadata';
import { calendarDaysBetween, czechDays, isoDayNumber } from './calendar.js';

describe('calendar days', () => {
  it('counts calendar days, unaffected by daylight-saving changes', () => {
    expect(calendarDaysBetween('2023-03-25', '2023-03-27')).toBe(2); // spring forward on 26. 3.
    expect(calendarDaysBetween('2023-10-28', '2023-10-30')).toBe(2); // fall back on 29. 10.
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(calendarDaysBetween('2023-12-31', '2023-12-30')).toBe(-1);
    expect(isoDayNumber('1970-01-02')).toBe(1);
  });

  it('refuses what is not a real ISO date', () => {
    for (const bad of ['2023-02-30', '2023-13-01', '24. 11. 2022', '2023-1-1', '']) {
      expect(() => isoDayNumber(bad)).toThrow(RangeError);
    }
  });

  it('declines "den" the Czech way', () => {
    expect([0, 1, 2, 4, 5, 22, 120].map(czechDays)).toEqual(['dní', 'den', 'dny', 'dny', 'dní', 'dní', 'dní']);
  });
});
