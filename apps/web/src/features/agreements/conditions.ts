/**
 * The conditions of an agreement (or of the call's template) as edited in the browser: each condition's text,
 * whether it is minor (méně závažná, § 10a odst. 6) and its penalty in one of three kinds. Kept as typed text;
 * turned into the API's shape only on save, so nothing typed is lost while a field is incomplete.
 */
import type { Condition } from './api';

export type PenaltyKind = 'fixed' | 'percentage' | 'percentage-range';

export interface ConditionDraft {
  key: string;
  text: string;
  minor: boolean;
  kind: PenaltyKind;
  amount: string;
  percent: string;
  minPercent: string;
  maxPercent: string;
}

let counter = 0;
const nextKey = () => `c${++counter}`;

export function emptyCondition(): ConditionDraft {
  return { key: nextKey(), text: '', minor: false, kind: 'fixed', amount: '', percent: '', minPercent: '', maxPercent: '' };
}

export function conditionDraft(condition: Condition): ConditionDraft {
  const p = condition.penalty;
  return {
    ...emptyCondition(),
    text: condition.text,
    minor: condition.minor,
    kind: p?.kind ?? 'fixed',
    amount: p?.amount ?? '',
    percent: p?.percent ?? '',
    minPercent: p?.minPercent ?? '',
    maxPercent: p?.maxPercent ?? '',
  };
}

/** A percentage as the API takes it: digits with a dot, at most two decimals ("2,5" typed becomes "2.5"). */
export const percentInput = (text: string) => text.trim().replace(',', '.');

/** The API's shape; `parseMoney` turns a typed amount into a decimal string (or null when it is not one). */
export function conditionInput(draft: ConditionDraft, parseMoney: (text: string) => string | null) {
  if (!draft.minor) return { text: draft.text.trim(), minor: false };
  const penalty =
    draft.kind === 'fixed'
      ? { kind: 'fixed' as const, amount: parseMoney(draft.amount) ?? draft.amount.trim() }
      : draft.kind === 'percentage'
        ? { kind: 'percentage' as const, percent: percentInput(draft.percent) }
        : { kind: 'percentage-range' as const, minPercent: percentInput(draft.minPercent), maxPercent: percentInput(draft.maxPercent) };
  return { text: draft.text.trim(), minor: true, penalty };
}

/** The penalty's field (as the API names it in its errors) that is still empty, if any. */
export function missingPenaltyField(draft: ConditionDraft): 'amount' | 'percent' | 'minPercent' | 'maxPercent' | null {
  if (!draft.minor) return null;
  if (draft.kind === 'fixed') return draft.amount.trim() ? null : 'amount';
  if (draft.kind === 'percentage') return draft.percent.trim() ? null : 'percent';
  if (!draft.minPercent.trim()) return 'minPercent';
  return draft.maxPercent.trim() ? null : 'maxPercent';
}
