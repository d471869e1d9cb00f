import { addDays, addMonths, formatCzechDate, formatCzechDateTime, ManualClock, pragueInstant, pragueIsoDate } from './clock.js';

describe('Prague time', () => {
  it('turns Prague wall-clock times into instants across daylight saving', () => {
    expect(pragueInstant('2022-11-24', '23:59:59').toISOString()).toBe('2022-11-24T22:59:59.000Z'); // CET
    expect(pragueInstant('2023-06-30', '12:00:00').toISOString()).toBe('2023-06-30T10:00:00.000Z'); // CEST
    expect(pragueInstant('2023-03-26', '03:30:00').toISOString()).toBe('2023-03-26T01:30:00.000Z'); // day of the change
  });

  it('formats dates the Czech way', () => {
    const instant = new Date('2020-08-24T12:05:00Z');
    expect(formatCzechDate(instant)).toBe('24.\u00a08.\u00a02020');
    expect(formatCzechDateTime(instant)).toBe('24.\u00a08.\u00a02020 14:05');
    expect(pragueIsoDate(new Date('2023-12-31T23:30:00Z'))).toBe('2024-01-01');
  });

  it('lets tests move time', () => {
    const clock = new ManualClock(new Date('2023-01-01T00:00:00Z'));
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2023-01-01T00:01:30.000Z');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and clock changes, and months to the last day of a shorter month', () => {
    expect(addDays('2023-03-25', 1)).toBe('2023-03-26');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-15', 3)).toBe('2024-02-15');
  });
});
