import { describe, expect, it } from 'vitest';
import { addDays, dateRule, daysBetween, pragueInstant, pragueParts } from './dates';

describe('Prague dates in the call editor', () => {
  it('turns a Prague wall-clock time into an instant with the offset in force (winter +01:00, summer +02:00)', () => {
    expect(pragueInstant('2022-11-14', '00:00')).toBe('2022-11-14T00:00:00+01:00');
    expect(pragueInstant('2023-06-01', '23:59')).toBe('2023-06-01T23:59:00+02:00');
    expect(new Date(pragueInstant('2022-11-14')).toISOString()).toBe('2022-11-13T23:00:00.000Z');
  });

  it('reads an instant back as the Prague date and time, also across midnight UTC', () => {
    expect(pragueParts('2022-11-13T23:00:00.000Z')).toEqual({ date: '2022-11-14', time: '00:00' });
    expect(pragueParts('2023-06-01T21:59:00.000Z')).toEqual({ date: '2023-06-01', time: '23:59' });
    expect(pragueParts('')).toEqual({ date: '', time: '' });
  });

  it('counts calendar days, also across the change to winter time', () => {
    expect(daysBetween('2022-10-15', '2022-11-14')).toBe(30);
    expect(daysBetween('2022-10-16', '2022-11-14')).toBe(29);
    expect(addDays('2022-10-15', 30)).toBe('2022-11-14');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('the 30-day rule (§ 10c(1))', () => {
  it('refuses an opening 29 days after publication and accepts one 30 days after', () => {
    expect(dateRule('2022-10-16', '2022-11-14', 30)).toEqual({ lead: 29, ok: false, earliest: '2022-11-15', latestPublication: '2022-10-15' });
    expect(dateRule('2022-10-15', '2022-11-14', 30)).toMatchObject({ lead: 30, ok: true });
    expect(dateRule('2022-10-01', '2022-11-14', 30)).toMatchObject({ lead: 44, ok: true });
  });

  it('follows the configured number of days (a future version of the law may change it)', () => {
    expect(dateRule('2027-01-01', '2027-02-10', 45)).toMatchObject({ lead: 40, ok: false, earliest: '2027-02-15' });
  });

  it('says nothing until both dates are known', () => {
    expect(dateRule('2022-10-15', '', 30)).toBeNull();
    expect(dateRule('', '2022-11-14', 30)).toBeNull();
  });
});
