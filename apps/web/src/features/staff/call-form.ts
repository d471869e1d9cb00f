/**
 * The call editor's form: what the inputs hold (text as typed) and how each edited part becomes the partial
 * save the API takes (PATCH /calls/{id} with the version; amounts as decimal strings, dates as Prague instants).
 * An input that is not yet valid is not sent: it gets a message at its field and the rest keeps saving.
 */
import { parseMoneyInput } from '../../lib/format';
import { pragueInstant, pragueParts } from './dates';
import type { CallContent, StaffCall } from './types';

export interface AreaRow {
  code: string;
  name: string;
  description: string;
  allocation: string;
}
export interface CriterionRow {
  code: string;
  name: string;
  description: string;
  maxScore: string;
  weight: string;
  minScore: string;
}
export interface AnnexRow {
  code: string;
  name: string;
  description: string;
  required: boolean;
  allowedFormats: string[];
  maxSizeMb: string;
}
export interface CategoryRow {
  code: string;
  name: string;
}

export interface CallForm {
  title: string;
  purpose: string;
  reasons: string;
  totalAllocation: string;
  minGrant: string;
  maxGrant: string;
  grantRule: string;
  eligibleApplicantTypes: string[];
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  decisionDeadline: string;
  conditions: string;
  coFinancingMinPercent: string;
  settlementDeadline: string;
  stateAidRegime: 'none' | 'de_minimis';
  reviewersPerApplication: string;
  costCategories: CategoryRow[];
  budgetAreas: AreaRow[];
  criteria: CriterionRow[];
  annexTypes: AnnexRow[];
  activityIds: string[];
}

export type FormKey = keyof CallForm;

export function formFromCall(call: StaffCall): CallForm {
  const opens = pragueParts(call.opensAt);
  const closes = pragueParts(call.closesAt);
  return {
    title: call.title,
    purpose: call.purpose,
    reasons: call.reasons,
    totalAllocation: call.totalAllocation,
    minGrant: call.minGrant ?? '',
    maxGrant: call.maxGrant ?? '',
    grantRule: call.grantRule ?? '',
    eligibleApplicantTypes: [...call.eligibleApplicantTypes],
    opensDate: opens.date,
    opensTime: opens.time || '00:00',
    closesDate: closes.date,
    closesTime: closes.time || '23:59',
    decisionDeadline: call.decisionDeadline,
    conditions: call.conditions,
    coFinancingMinPercent: call.coFinancingMinPercent,
    settlementDeadline: call.settlementDeadline,
    stateAidRegime: call.stateAidRegime,
    reviewersPerApplication: String(call.reviewersPerApplication),
    costCategories: call.costCategories.map((c) => ({ code: c.code, name: c.name })),
    budgetAreas: call.budgetAreas.map((a) => ({ code: a.code, name: a.name, description: a.description, allocation: a.allocation })),
    criteria: call.criteria.map((c) => ({
      code: c.code,
      name: c.name,
      description: c.description,
      maxScore: String(c.maxScore),
      weight: c.weight,
      minScore: c.minScore === null ? '' : String(c.minScore),
    })),
    annexTypes: call.annexTypes.map((a) => ({
      code: a.code,
      name: a.name,
      description: a.description,
      required: a.required,
      allowedFormats: [...a.allowedFormats],
      maxSizeMb: String(a.maxSizeMb),
    })),
    activityIds: call.activities.map((a) => a.id),
  };
}

/** Which API field an input belongs to (dates and times share one instant). */
export function apiFieldOf(key: FormKey): keyof CallContent {
  if (key === 'opensDate' || key === 'opensTime') return 'opensAt';
  if (key === 'closesDate' || key === 'closesTime') return 'closesAt';
  return key;
}

const int = (text: string) => (/^\s*\d{1,6}\s*$/.test(text) ? Number(text) : null);

export interface SectionResult {
  /** The part of the partial save (absent when nothing valid to send yet). */
  sections: Partial<CallContent>;
  /** field (as the API names it) → message id, for inputs that are not valid yet */
  errors: Record<string, string>;
}

/** The partial save for one edited input, from the whole form. */
export function sectionsFor(key: FormKey, form: CallForm): SectionResult {
  const errors: Record<string, string> = {};
  const field = apiFieldOf(key);
  const money = (name: string, text: string, nullable: boolean): string | null | undefined => {
    if (!text.trim()) return nullable ? null : undefined;
    const parsed = parseMoneyInput(text);
    if (parsed === null) errors[name] = 'staff.error.amount';
    return parsed ?? undefined;
  };
  let value: unknown;
  switch (field) {
    case 'opensAt':
      value = form.opensDate ? pragueInstant(form.opensDate, form.opensTime || '00:00') : undefined;
      break;
    case 'closesAt':
      value = form.closesDate ? pragueInstant(form.closesDate, form.closesTime || '23:59') : undefined;
      break;
    case 'totalAllocation':
      value = money('totalAllocation', form.totalAllocation, false);
      break;
    case 'minGrant':
    case 'maxGrant':
      value = money(field, form[field], true);
      break;
    case 'grantRule':
      value = form.grantRule.trim() ? form.grantRule : null;
      break;
    case 'decisionDeadline':
    case 'settlementDeadline':
      value = form[field] || undefined;
      break;
    case 'coFinancingMinPercent':
      value = form.coFinancingMinPercent.replace(',', '.').trim() || '0';
      break;
    case 'reviewersPerApplication':
      value = int(form.reviewersPerApplication) ?? undefined;
      if (value === undefined) errors.reviewersPerApplication = 'staff.error.number';
      break;
    case 'budgetAreas':
      value = form.budgetAreas.map((a, i) => ({
        code: a.code.trim(),
        name: a.name,
        description: a.description,
        allocation: money(`budgetAreas.${i}.allocation`, a.allocation, false) ?? '',
      }));
      break;
    case 'criteria':
      value = form.criteria.map((c, i) => {
        const maxScore = int(c.maxScore);
        const minScore = c.minScore.trim() ? int(c.minScore) : undefined;
        if (maxScore === null) errors[`criteria.${i}.maxScore`] = 'staff.error.number';
        if (minScore === null) errors[`criteria.${i}.minScore`] = 'staff.error.number';
        return {
          code: c.code.trim(),
          name: c.name,
          description: c.description,
          maxScore,
          weight: c.weight.replace(',', '.').trim(),
          ...(minScore === undefined ? {} : { minScore }),
        };
      });
      break;
    case 'annexTypes':
      value = form.annexTypes.map((a, i) => {
        const maxSizeMb = int(a.maxSizeMb);
        if (maxSizeMb === null) errors[`annexTypes.${i}.maxSizeMb`] = 'staff.error.number';
        return { code: a.code.trim(), name: a.name, description: a.description, required: a.required, allowedFormats: a.allowedFormats, maxSizeMb };
      });
      break;
    case 'costCategories':
      value = form.costCategories.map((c) => ({ code: c.code.trim(), name: c.name }));
      break;
    default:
      value = form[key];
  }
  if (Object.keys(errors).length > 0 || value === undefined) return { sections: {}, errors };
  return { sections: { [field]: value }, errors };
}
