import { Money } from '#core';

/**
 * What is still left of an award after the payments made and the payment orders already issued
 * (an issued order is money committed even before the bank executes it). Deliberately not clamped
 * at zero: a negative result means more was paid or ordered than awarded, which must surface as
 * an anomaly rather than be hidden as "nothing left".
 */
export function remainingToPay(input: { approved: Money; paid: readonly Money[]; ordered: readonly Money[] }): Money {
  return input.approved.subtract(Money.sum(input.paid)).subtract(Money.sum(input.ordered));
}

export type PaymentOrderRefusalCode = 'PAYMENT_EXCEEDS_AWARD' | 'TRANCHE_HELD_BACK' | 'AGREEMENT_NOT_PUBLISHED' | 'AMOUNT_NOT_POSITIVE';

export type PaymentOrderCheck = { ok: true } | { ok: false; code: PaymentOrderRefusalCode; message: { cs: string; en: string } };

export interface PaymentOrderInput {
  approved: Money;
  /** Everything already paid plus every payment order already issued for this award. */
  paidAndOrdered: Money;
  /** The amount of the payment order about to be issued. */
  amount: Money;
  /** A tranche held back (e.g. pending an interim report or a remedy request). */
  heldBack: boolean;
  agreementPublished: boolean;
  /** Whether the agreement falls under the Registr smluv (over the configured threshold). */
  registerRequired: boolean;
}

/**
 * May a payment order be issued? The first failing reason is returned, in this order: a non-positive
 * amount; an agreement that must be in the Registr smluv but is not yet (zákon č. 340/2015 Sb.,
 * § 6: it has no effect until published, so nothing may be paid on it); a held-back tranche; and
 * finally an amount that would take payments over the award.
 */
export function checkPaymentOrder(input: PaymentOrderInput): PaymentOrderCheck {
  const { approved, paidAndOrdered, amount } = input;
  if (amount.compare(Money.ZERO) <= 0) {
    return refuse('AMOUNT_NOT_POSITIVE', {
      cs: `Částka platebního příkazu musí být kladná, zadáno ${amount.format()}.`,
      en: `A payment order must be for a positive amount, got ${amount.format()}.`,
    });
  }
  if (input.registerRequired && !input.agreementPublished) {
    return refuse('AGREEMENT_NOT_PUBLISHED', {
      cs: 'Smlouva dosud nebyla uveřejněna v registru smluv; účinnosti nabývá až uveřejněním (§ 6 zákona č. 340/2015 Sb.), proto ji nelze plnit.',
      en: 'The agreement has not yet been published in the Register of Contracts; it takes effect only on publication (§ 6 of Act No. 340/2015 Coll.), so nothing can be paid on it.',
    });
  }
  if (input.heldBack) {
    return refuse('TRANCHE_HELD_BACK', {
      cs: 'Výplata této splátky je pozastavena.',
      en: 'Payment of this tranche is held back.',
    });
  }
  const after = paidAndOrdered.add(amount);
  if (after.compare(approved) > 0) {
    const left = approved.subtract(paidAndOrdered);
    return refuse('PAYMENT_EXCEEDS_AWARD', {
      cs: `Platba ${amount.format()} by překročila přiznanou dotaci ${approved.format()}: vyplaceno a zadáno k výplatě ${paidAndOrdered.format()}, zbývá ${left.format()}.`,
      en: `A payment of ${amount.format()} would exceed the award of ${approved.format()}: ${paidAndOrdered.format()} paid or ordered, ${left.format()} left.`,
    });
  }
  return { ok: true };
}

function refuse(code: PaymentOrderRefusalCode, message: { cs: string; en: string }): PaymentOrderCheck {
  return { ok: false, code, message };
}

export interface Tranche {
  trancheNo: number;
  amount: string;
  dueDate: string;
  condition?: string;
}

/**
 * An agreement's tranches refitted to a new grant amount: a raise goes to the last tranche, a cut is
 * taken from the last tranches backwards; a tranche cut to nothing is dropped (the others keep their
 * numbers, which payments refer to). The result adds up exactly to the new amount.
 */
export function refitTranches<T extends Tranche>(tranches: readonly T[], amount: Money): T[] {
  let difference = amount.subtract(Money.sum(tranches.map((t) => Money.parse(t.amount))));
  const result = tranches.map((t) => ({ ...t }));
  for (let i = result.length - 1; i >= 0 && !difference.isZero(); i--) {
    const current = Money.parse(result[i].amount);
    const next = difference.compare(Money.ZERO) > 0 || current.add(difference).compare(Money.ZERO) >= 0 ? current.add(difference) : Money.ZERO;
    difference = difference.subtract(next.subtract(current));
    result[i].amount = next.toString();
  }
  if (!difference.isZero()) throw new RangeError(`tranches cannot be refitted to ${amount.toString()}`);
  return result.filter((t) => !Money.parse(t.amount).isZero());
}
