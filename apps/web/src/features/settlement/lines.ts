/**
 * The settlement form's live arithmetic, exact in haléře through the formatting module (never floats): what each
 * budget line has left once the documents charged to it are counted.
 */
import { fromHalere, sumMoney, toHalere } from '../../lib/format';

export interface LineInput {
  id: string;
  planned: string;
}

export interface DocumentInput {
  budgetLineId?: string | null;
  amount?: string | null;
}

export interface LineBalance {
  id: string;
  planned: string;
  claimed: string;
  /** planned − claimed; negative when the documents exceed the line */
  remaining: string;
  over: boolean;
}

export function lineBalances(lines: readonly LineInput[], documents: readonly DocumentInput[]): LineBalance[] {
  return lines.map((line) => {
    const claimed = sumMoney(documents.filter((d) => d.budgetLineId === line.id && d.amount).map((d) => d.amount!));
    const remaining = toHalere(line.planned) - toHalere(claimed);
    return { id: line.id, planned: line.planned, claimed, remaining: fromHalere(remaining), over: remaining < 0n };
  });
}

/** The total of the documents typed so far, and what of the paid grant they leave unspent (never below zero). */
export function totals(paid: string, documents: readonly DocumentInput[]): { claimed: string; unspent: string } {
  const claimed = sumMoney(documents.filter((d) => d.amount).map((d) => d.amount!));
  const left = toHalere(paid) - toHalere(claimed);
  return { claimed, unspent: fromHalere(left > 0n ? left : 0n) };
}
