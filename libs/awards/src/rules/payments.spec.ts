import 'reflect-metadata';
import { Money } from '#core';
import { checkPaymentOrder, remainingToPay, type PaymentOrderInput } from './payments.js';

const m = (value: string) => Money.parse(value);
const base: PaymentOrderInput = {
  approved: m('100000'),
  paidAndOrdered: m('60000'),
  amount: m('40000'),
  heldBack: false,
  agreementPublished: true,
  registerRequired: true,
};

describe('remainingToPay', () => {
  it('subtracts payments and issued orders exactly', () => {
    expect(remainingToPay({ approved: m('100000'), paid: [m('33333.33'), m('33333.33')], ordered: [m('0.01')] }).toString()).toBe('33333.33');
    expect(remainingToPay({ approved: m('100000'), paid: [], ordered: [] }).toString()).toBe('100000.00');
  });

  it('shows an overpayment as a negative remainder rather than hiding it', () => {
    expect(remainingToPay({ approved: m('1000'), paid: [m('1000')], ordered: [m('0.01')] }).toString()).toBe('-0.01');
  });
});

describe('checkPaymentOrder', () => {
  it('allows a payment up to exactly the award, and not a haléř more', () => {
    expect(checkPaymentOrder(base)).toEqual({ ok: true });
    const over = checkPaymentOrder({ ...base, amount: m('40000.01') });
    expect(over).toMatchObject({ ok: false, code: 'PAYMENT_EXCEEDS_AWARD' });
    if (!over.ok) expect(over.message.cs.replace(/\u00a0/g, ' ')).toContain('zbývá 40 000,00 Kč');
  });

  it('refuses a zero or negative amount', () => {
    expect(checkPaymentOrder({ ...base, amount: Money.ZERO })).toMatchObject({ ok: false, code: 'AMOUNT_NOT_POSITIVE' });
    expect(checkPaymentOrder({ ...base, amount: m('-1') })).toMatchObject({ ok: false, code: 'AMOUNT_NOT_POSITIVE' });
  });

  it('pays nothing on an agreement that must be, but is not yet, in the Registr smluv', () => {
    expect(checkPaymentOrder({ ...base, agreementPublished: false })).toMatchObject({ ok: false, code: 'AGREEMENT_NOT_PUBLISHED' });
    expect(checkPaymentOrder({ ...base, agreementPublished: false, registerRequired: false })).toEqual({ ok: true });
  });

  it('refuses a held-back tranche', () => {
    expect(checkPaymentOrder({ ...base, heldBack: true })).toMatchObject({ ok: false, code: 'TRANCHE_HELD_BACK' });
  });

  it('reports the first reason in a fixed order', () => {
    const everything = { ...base, amount: m('0'), heldBack: true, agreementPublished: false };
    expect(checkPaymentOrder(everything)).toMatchObject({ code: 'AMOUNT_NOT_POSITIVE' });
    expect(checkPaymentOrder({ ...everything, amount: m('50000') })).toMatchObject({ code: 'AGREEMENT_NOT_PUBLISHED' });
    expect(checkPaymentOrder({ ...everything, amount: m('50000'), agreementPublished: true })).toMatchObject({ code: 'TRANCHE_HELD_BACK' });
  });
});
