import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, fromHalere, multiplyMoney, parseMoneyInput, sumMoney, toHalere } from './format';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money and date formatting (Czech first)', () => {
  it('formats money as 1 234 567,50 Kč in Czech and exactly, without float rounding', () => {
    expect(nbsp(formatMoney('1234567.5', 'cs'))).toBe('1 234 567,50 Kč');
    expect(nbsp(formatMoney('0.10', 'cs'))).toBe('0,10 Kč');
    // 2^53 + 1 crowns: a float would print …992,00.
    expect(nbsp(formatMoney('9007199254740993.07', 'cs'))).toBe('9 007 199 254 740 993,07 Kč');
    expect(nbsp(formatMoney('1234567.5', 'en'))).toBe('CZK 1,234,567.50');
  });

  it('formats dates as 3. 12. 2026 in Czech, in Prague time', () => {
    expect(nbsp(formatDate('2026-12-03', 'cs'))).toBe('3. 12. 2026');
    expect(formatDate('2026-12-03', 'en')).toBe('3 Dec 2026');
    // 23:30 UTC on 31 Dec is already 1 Jan in Prague.
    expect(nbsp(formatDate('2026-12-31T23:30:00Z', 'cs'))).toBe('1. 1. 2027');
    expect(nbsp(formatDateTime('2026-12-03T13:32:00Z', 'cs'))).toBe('3. 12. 2026 14:32');
  });
});

describe('money input', () => {
  it.each([
    ['1 234,50', '1234.50'],
    ['1234.50', '1234.50'],
    ['1234', '1234.00'],
    ['1 234 567', '1234567.00'],
    ['1.234,5', '1234.50'],
    ['1,234.50', '1234.50'],
    ['12,5 Kč', '12.50'],
    ['\u00a01\u00a0000 ', '1000.00'],
    ['0,05', '0.05'],
  ])('reads %j as %s', (text, expected) => expect(parseMoneyInput(text)).toBe(expected));

  it.each(['', 'abc', '1,2,3', '12.345.6', '-5', '1,234567', '12 kč 5', '1.2.3,45'])('refuses %j', (text) => expect(parseMoneyInput(text)).toBeNull());
});

describe('money arithmetic over haléře', () => {
  it('adds exactly where floats do not (0.1 + 0.2)', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['1234.56', '0.44', '-1.00'])).toBe('1234.00');
    expect(fromHalere(toHalere('-12.3'))).toBe('-12.30');
  });

  it('multiplies by a decimal count, rounding half up to the haléř', () => {
    expect(multiplyMoney('333.33', '3')).toBe('999.99');
    expect(multiplyMoney('10.01', '0.5')).toBe('5.01');
    expect(multiplyMoney('1500.00', '12.25')).toBe('18375.00');
  });
});
