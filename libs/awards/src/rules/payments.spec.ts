import 'reflect-metadata';
import { Money } from '#core';
import { checkPaymentOrder, refitTranches, remainingToPay, type PaymentOrderInput } from './payments.js';

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

describe('refitTranches', () => {
  const tranches = [
    { trancheNo: 1, amount: '100000.00', dueDate: '2023-04-30' },
    { trancheNo: 2, amount: '70000.00', dueDate: '2023-09-30' },
  ];
  const amounts = (list: { trancheNo: number; amount: string }[]) => list.map((t) => `${t.trancheNo}=${t.amount}`);

  it("takes a cut from the last tranches backwards and drops a tranche cut to nothing, keeping the others' numbers", () => {
    expect(amounts(refitTranches(tranches, m('120000')))).toEqual(['1=100000.00', '2=20000.00']);
    expect(amounts(refitTranches(tranches, m('90000.50')))).toEqual(['1=90000.50']);
    expect(amounts(refitTranches([...tranches, { trancheNo: 3, amount: '30000.00', dueDate: '2023-12-31' }], m('150000')))).toEqual(['1=100000.00', '2=50000.00']);
  });

  it('adds a raise to the last tranche and leaves an equal amount as it is', () => {
    expect(amounts(refitTranches(tranches, m('170000.01')))).toEqual(['1=100000.00', '2=70000.01']);
    expect(refitTranches(tranches, m('170000'))).toEqual(tranches);
  });

  it('always adds up exactly to the new amount', () => {
    for (const target of ['0.01', '1.00', '99999.99', '100000.00', '169999.99', '250000.00']) {
      expect(Money.sum(refitTranches(tranches, m(target)).map((t) => m(t.amount))).toString()).toBe(m(target).toString());
    }
  });
});
