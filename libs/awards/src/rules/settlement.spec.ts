import 'reflect-metadata';
import { Money, pragueInstant } from '#core';
import { isLate, settlementReturn, type SettlementLine } from './settlement.js';

const m = (value: string) => Money.parse(value);
const line = (budgetLineId: string, planned: string, claimed: string, eligible = claimed): SettlementLine => ({
  budgetLineId,
  planned: m(planned),
  claimed: m(claimed),
  eligible: m(eligible),
});
const amounts = (r: ReturnType<typeof settlementReturn>) => ({
  eligibleTotal: r.eligibleTotal.toString(),
  ineligibleTotal: r.ineligibleTotal.toString(),
  unspent: r.unspent.toString(),
  returnDue: r.returnDue.toString(),
});

describe('settlementReturn', () => {
  it('returns unspent and ineligible money, which add up to the return exactly', () => {
    const result = settlementReturn({
      paid: m('100000'),
      lines: [line('staff', '60000', '58000', '55000.50'), line('material', '40000', '30000', '30000')],
      tolerancePercent: '10',
    });
    expect(amounts(result)).toEqual({ eligibleTotal: '85000.50', ineligibleTotal: '2999.50', unspent: '12000.00', returnDue: '14999.50' });
    expect(result.shifts).toEqual([]);
    expect(result.needsAmendment).toBe(false);
    expect(result.explanation.cs.replace(/\u00a0/g, ' ')).toContain('k vrácení 14 999,50 Kč');
  });

  it('counts a shift up to the tolerance exactly at the edge, and not a haléř more', () => {
    const at = settlementReturn({
      paid: m('100000'),
      lines: [line('staff', '50000', '55000.00'), line('material', '50000', '45000.00')],
      tolerancePercent: '10',
    });
    expect(at.needsAmendment).toBe(false);
    expect(at.shifts).toHaveLength(1);
    expect(at.shifts[0]).toMatchObject({ budgetLineId: 'staff', withinTolerance: true });
    expect(at.shifts[0].overBy.toString()).toBe('5000.00');
    expect(at.shifts[0].notCounted.toString()).toBe('0.00');
    expect(amounts(at)).toMatchObject({ eligibleTotal: '100000.00', returnDue: '0.00' });

    const over = settlementReturn({
      paid: m('100000'),
      lines: [line('staff', '50000', '55000.01'), line('material', '50000', '44999.99')],
      tolerancePercent: '10',
    });
    expect(over.needsAmendment).toBe(true);
    expect(over.shifts[0]).toMatchObject({ withinTolerance: false });
    expect(over.shifts[0].notCounted.toString()).toBe('0.01');
    expect(amounts(over)).toEqual({ eligibleTotal: '99999.99', ineligibleTotal: '0.01', unspent: '0.00', returnDue: '0.01' });
    expect(over.explanation.cs).toContain('staff');
  });

  it('rounds the tolerated cap down, so a fraction of a haléř never admits a cost', () => {
    // 333,33 × 1,1 = 366,663: 366,66 is within, 366,67 is not.
    const within = settlementReturn({ paid: m('1000'), lines: [line('a', '333.33', '366.66')], tolerancePercent: '10' });
    expect(within.shifts[0].withinTolerance).toBe(true);
    const beyond = settlementReturn({ paid: m('1000'), lines: [line('a', '333.33', '366.67')], tolerancePercent: '10' });
    expect(beyond.shifts[0].withinTolerance).toBe(false);
    expect(beyond.eligibleTotal.toString()).toBe('366.66');
    // Decimal tolerances are exact too: 1 000 × 1,075 = 1 075,00.
    expect(settlementReturn({ paid: m('2000'), lines: [line('a', '1000', '1075.00')], tolerancePercent: '7.5' }).needsAmendment).toBe(false);
    expect(settlementReturn({ paid: m('2000'), lines: [line('a', '1000', '1075.01')], tolerancePercent: '7.5' }).needsAmendment).toBe(true);
  });

  it('treats an unplanned line as a shift beyond any tolerance', () => {
    const result = settlementReturn({ paid: m('10000'), lines: [line('a', '10000', '9000'), line('new', '0', '1000')], tolerancePercent: '10' });
    expect(result.needsAmendment).toBe(true);
    expect(result.returnDue.toString()).toBe('1000.00');
    expect(result.unspent.toString()).toBe('0.00');
    expect(result.ineligibleTotal.toString()).toBe('1000.00');
  });

  it('caps the eligible total at the amount paid; the recipient’s own extra spending is not returned', () => {
    const result = settlementReturn({
      paid: m('80000'),
      lines: [line('staff', '60000', '65000', '64000'), line('material', '40000', '30000', '29000')],
      tolerancePercent: '10',
    });
    expect(amounts(result)).toEqual({ eligibleTotal: '80000.00', ineligibleTotal: '0.00', unspent: '0.00', returnDue: '0.00' });
  });

  it('with nothing reported returns everything as unspent', () => {
    expect(amounts(settlementReturn({ paid: m('5000'), lines: [], tolerancePercent: '0' }))).toEqual({
      eligibleTotal: '0.00',
      ineligibleTotal: '0.00',
      unspent: '5000.00',
      returnDue: '5000.00',
    });
  });

  it('refuses inconsistent input', () => {
    const paid = m('1000');
    expect(() => settlementReturn({ paid, lines: [line('a', '1000', '100', '200')], tolerancePercent: '10' })).toThrow(RangeError);
    expect(() => settlementReturn({ paid, lines: [line('a', '1000', '100'), line('a', '1', '1')], tolerancePercent: '10' })).toThrow(RangeError);
    expect(() => settlementReturn({ paid, lines: [line('a', '-1', '0')], tolerancePercent: '10' })).toThrow(RangeError);
    expect(() => settlementReturn({ paid: m('-1'), lines: [], tolerancePercent: '10' })).toThrow(RangeError);
    expect(() => settlementReturn({ paid, lines: [], tolerancePercent: '-5' })).toThrow(RangeError);
    expect(() => settlementReturn({ paid, lines: [], tolerancePercent: '10 %' })).toThrow(RangeError);
  });
});

describe('isLate', () => {
  it('counts the whole due day as on time, in Prague time', () => {
    const now = pragueInstant('2023-07-01', '12:00:00');
    expect(isLate('2023-06-30', pragueInstant('2023-06-30', '23:59:59'), now)).toEqual({ late: false, daysLate: 0 });
    // 00:30 in Prague on 1 July is still 30 June in UTC: late by one Prague day.
    const justAfter = pragueInstant('2023-07-01', '00:30:00');
    expect(justAfter.toISOString()).toBe('2023-06-30T22:30:00.000Z');
    expect(isLate('2023-06-30', justAfter, now)).toEqual({ late: true, daysLate: 1 });
    expect(isLate('2023-06-30', pragueInstant('2023-06-01', '08:00:00'), now)).toEqual({ late: false, daysLate: 0 });
  });

  it('counts calendar days across daylight-saving changes', () => {
    expect(isLate('2023-03-25', pragueInstant('2023-03-27', '00:10:00'), new Date()).daysLate).toBe(2);
    expect(isLate('2023-10-28', pragueInstant('2023-10-30', '00:10:00'), new Date()).daysLate).toBe(2);
    expect(isLate('2023-10-28', pragueInstant('2023-10-29', '23:59:59'), new Date()).daysLate).toBe(1);
  });

  it('judges something not yet done by now', () => {
    expect(isLate('2023-06-30', null, pragueInstant('2023-06-30', '23:00:00'))).toEqual({ late: false, daysLate: 0 });
    expect(isLate('2023-06-30', null, pragueInstant('2023-07-10', '00:00:01'))).toEqual({ late: true, daysLate: 10 });
    expect(() => isLate('30. 6. 2023', null, new Date())).toThrow(RangeError);
  });
});
