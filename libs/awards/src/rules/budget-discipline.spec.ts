import 'reflect-metadata';
import { LegalRules } from '#config';
import { Money } from '#core';
import { levy, limitationEnds, penalty, type BudgetDisciplineRules } from './budget-discipline.js';

const rules: BudgetDisciplineRules = new LegalRules().at('2026-10-01').budgetDiscipline;
const m = (value: string) => Money.parse(value);
const spaces = (text: string) => text.replace(/\u00a0/g, ' ');

describe('levy (odvod)', () => {
  it('is the amount misused, and not imposed up to and including 1 000,00 Kč', () => {
    const at = levy(rules, { misused: m('1000.00') });
    expect(at.levy.toString()).toBe('0.00');
    expect(at.waived).toBe(true);
    expect(spaces(at.reason.cs)).toContain('nepřesahující 1 000,00 Kč se neuloží');

    const over = levy(rules, { misused: m('1000.01') });
    expect(over.levy.toString()).toBe('1000.01');
    expect(over.waived).toBe(false);
  });

  it('takes the lower amount the agreement sets for a minor condition, only when it is lower', () => {
    const capped = levy(rules, { misused: m('50000'), agreementCap: m('5000') });
    expect(capped.levy.toString()).toBe('5000.00');
    expect(capped.reason.cs).toContain('méně závažné');

    expect(levy(rules, { misused: m('50000'), agreementCap: m('80000') }).levy.toString()).toBe('50000.00');
    expect(levy(rules, { misused: m('50000'), agreementCap: null }).levy.toString()).toBe('50000.00');
    // The ≤ 1 000 Kč rule applies to the odvod actually set, i.e. after the agreement's lower amount.
    const small = levy(rules, { misused: m('50000'), agreementCap: m('1000.00') });
    expect(small).toMatchObject({ waived: true });
    expect(small.levy.isZero()).toBe(true);
    expect(levy(rules, { misused: m('50000'), agreementCap: m('1000.01') }).levy.toString()).toBe('1000.01');
  });

  it('has nothing to waive when nothing was misused, and refuses negative amounts', () => {
    expect(levy(rules, { misused: Money.ZERO })).toMatchObject({ waived: false });
    expect(() => levy(rules, { misused: m('-1') })).toThrow(RangeError);
    expect(() => levy(rules, { misused: m('10'), agreementCap: m('-1') })).toThrow(RangeError);
  });
});

describe('penalty (penále)', () => {
  it('is 0,4 ‰ of the levy per day of delay, shown as a computation', () => {
    const result = penalty(rules, { levy: m('50000'), dueDate: '2023-01-01', paidDate: '2023-05-01' });
    expect(result.days).toBe(120);
    expect(result.penalty.toString()).toBe('2400.00');
    expect(result).toMatchObject({ capped: false, waived: false });
    expect(spaces(result.computation.cs)).toBe('120 dní × 0,4 ‰ × 50 000,00 Kč = 2 400,00 Kč');
  });

  it('counts calendar days after the due date up to and including the day of payment, across DST', () => {
    const base = { levy: m('100000') };
    expect(penalty(rules, { ...base, dueDate: '2023-03-20', paidDate: '2023-03-20' }).days).toBe(0);
    expect(penalty(rules, { ...base, dueDate: '2023-03-20', paidDate: '2023-03-01' }).days).toBe(0);
    expect(penalty(rules, { ...base, dueDate: '2023-03-20', paidDate: '2023-03-21' }).days).toBe(1);
    expect(penalty(rules, { ...base, dueDate: '2023-03-25', paidDate: '2023-03-27' }).days).toBe(2); // CET → CEST
    expect(penalty(rules, { ...base, dueDate: '2023-10-28', paidDate: '2023-10-30' }).days).toBe(2); // CEST → CET
    expect(penalty(rules, { ...base, dueDate: '2023-12-31', paidDate: '2024-12-31' }).days).toBe(366);
    const onTime = penalty(rules, { ...base, dueDate: '2023-03-20', paidDate: '2023-03-20' });
    expect(onTime).toMatchObject({ waived: false, capped: false });
    expect(onTime.penalty.isZero()).toBe(true);
  });

  it('rounds the whole-period amount to the haléř half away from zero', () => {
    // 12 345,67 × 0,0004 × 25 = 123,4567 → 123,46 (the 1 000 Kč waiver is lifted for this check).
    const noWaiver = { ...rules, noPenaltyUpToAmount: '0.00' };
    expect(penalty(noWaiver, { levy: m('12345.67'), dueDate: '2023-01-01', paidDate: '2023-01-26' }).penalty.toString()).toBe('123.46');
    // 1 012,50 × 0,0004 × 1 = 0,405 → 0,41 (exactly half a haléř rounds away from zero).
    expect(penalty(noWaiver, { levy: m('1012.50'), dueDate: '2023-01-01', paidDate: '2023-01-02' }).penalty.toString()).toBe('0.41');
    // 1 012,49 × 0,0004 = 0,404996 → 0,40.
    expect(penalty(noWaiver, { levy: m('1012.49'), dueDate: '2023-01-01', paidDate: '2023-01-02' }).penalty.toString()).toBe('0.40');
  });

  it('is not imposed up to and including 1 000,00 Kč', () => {
    // 100 000 × 0,0004 × 25 = 1 000,00 exactly.
    const at = penalty(rules, { levy: m('100000'), dueDate: '2023-01-01', paidDate: '2023-01-26' });
    expect(at).toMatchObject({ days: 25, waived: true });
    expect(at.penalty.isZero()).toBe(true);
    expect(spaces(at.computation.cs)).toBe('25 dní × 0,4 ‰ × 100 000,00 Kč = 1 000,00 Kč; penále nepřesahující 1 000,00 Kč se neuloží');
    // 100 000,03 × 0,0004 × 25 = 1 000,0003 → 1 000,00, still waived; 100 001,25 × 0,01 = 1 000,0125 → 1 000,01.
    expect(penalty(rules, { levy: m('100000.03'), dueDate: '2023-01-01', paidDate: '2023-01-26' }).waived).toBe(true);
    const over = penalty(rules, { levy: m('100001.25'), dueDate: '2023-01-01', paidDate: '2023-01-26' });
    expect(over).toMatchObject({ waived: false });
    expect(over.penalty.toString()).toBe('1000.01');
  });

  it('is capped at the levy', () => {
    // 2 500 days × 0,4 ‰ = exactly 100 %: reached but not exceeded.
    const full = penalty(rules, { levy: m('50000'), dueDate: '2020-01-01', paidDate: '2026-11-05' });
    expect(full.days).toBe(2500);
    expect(full).toMatchObject({ capped: false });
    expect(full.penalty.toString()).toBe('50000.00');
    const beyond = penalty(rules, { levy: m('50000'), dueDate: '2020-01-01', paidDate: '2026-11-06' });
    expect(beyond).toMatchObject({ days: 2501, capped: true, waived: false });
    expect(beyond.penalty.toString()).toBe('50000.00');
    expect(spaces(beyond.computation.cs)).toBe('2501 dní × 0,4 ‰ × 50 000,00 Kč = 50 020,00 Kč; penále je omezeno výší odvodu na 50 000,00 Kč');
  });

  it('declines "den" in the computation and refuses bad input', () => {
    expect(spaces(penalty(rules, { levy: m('5000000'), dueDate: '2023-01-01', paidDate: '2023-01-02' }).computation.cs)).toBe('1 den × 0,4 ‰ × 5 000 000,00 Kč = 2 000,00 Kč');
    expect(() => penalty(rules, { levy: m('-1'), dueDate: '2023-01-01', paidDate: '2023-01-02' })).toThrow(RangeError);
    expect(() => penalty(rules, { levy: m('1'), dueDate: '1. 1. 2023', paidDate: '2023-01-02' })).toThrow(RangeError);
  });
});

describe('limitationEnds', () => {
  it('ends 10 years after 1 January of the year following the breach (last day inclusive)', () => {
    expect(limitationEnds(rules, '2023-01-01')).toBe('2033-12-31');
    expect(limitationEnds(rules, '2023-12-31')).toBe('2033-12-31');
    expect(limitationEnds(rules, '2024-02-29')).toBe('2034-12-31');
    expect(limitationEnds({ ...rules, limitationYears: 5 }, '2023-06-30')).toBe('2028-12-31');
    expect(() => limitationEnds(rules, '2023-02-29')).toThrow(RangeError);
  });
});
