/**
 * The budget table's arithmetic: exact, in integer haléře through the formatting module (never floats).
 * A line's total is count × unit price; what it asks of the city is the total minus co-financing.
 */
import { fromHalere, multiplyMoney, sumMoney, toHalere } from '../../lib/format';

export interface BudgetLine {
  category?: string;
  description?: string;
  unit?: string;
  count?: string;
  unitPrice?: string;
  totalCost?: string;
  requested?: string;
  otherSources?: string;
}

export const BUDGET_COLUMNS = ['category', 'description', 'unit', 'count', 'unitPrice', 'otherSources'] as const;
export type BudgetColumn = (typeof BUDGET_COLUMNS)[number];

/** "12", "12,5", "1 200.25" → "12", "12.5", "1200.25"; null when it is not a count. */
export function parseCountInput(text: string): string | null {
  const value = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^\d{1,9}(\.\d{1,2})?$/.test(value) ? value.replace(/^0+(?=\d)/, '') : null;
}

/** Recomputes a line's total and request after any change of count, unit price or co-financing. */
export function withTotals(line: BudgetLine): BudgetLine {
  if (!line.count || !line.unitPrice) return { ...line, totalCost: undefined, requested: undefined };
  const totalCost = multiplyMoney(line.unitPrice, line.count);
  return { ...line, totalCost, requested: fromHalere(toHalere(totalCost) - toHalere(line.otherSources ?? '0')) };
}

export interface BudgetTotals {
  totalCost: string;
  requested: string;
  otherSources: string;
  /** other sources / total cost in percent with two decimals, rounded down (like the API); null without a total */
  coFinancingPercent: string | null;
}

export function budgetTotals(lines: readonly BudgetLine[]): BudgetTotals {
  const pick = (field: 'totalCost' | 'requested' | 'otherSources') => sumMoney(lines.map((line) => line[field]).filter((v): v is string => !!v));
  const totalCost = pick('totalCost');
  const otherSources = pick('otherSources');
  const total = toHalere(totalCost);
  const basisPoints = total > 0n ? (toHalere(otherSources) * 10_000n) / total : null;
  return {
    totalCost,
    requested: pick('requested'),
    otherSources,
    coFinancingPercent: basisPoints === null ? null : `${basisPoints / 100n}.${String(basisPoints % 100n).padStart(2, '0')}`,
  };
}

export const compareMoney = (a: string, b: string): number => {
  const diff = toHalere(a) - toHalere(b);
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
};

/** Spreadsheet rows (tab-separated, one per line) → lines; category by code or name. */
export function parsePastedRows(text: string, categories: readonly { code: string; name: string }[], parseMoney: (text: string) => string | null): BudgetLine[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((row) => row.trim() !== '')
    .map((row) => {
      const cells = row.split('\t').map((cell) => cell.trim());
      const [category = '', description = '', unit = '', count = '', unitPrice = '', otherSources = ''] = cells;
      const known = categories.find((c) => c.code.toLowerCase() === category.toLowerCase() || c.name.toLowerCase() === category.toLowerCase());
      return withTotals({
        category: known?.code ?? (category || undefined),
        description: description || undefined,
        unit: unit || undefined,
        count: parseCountInput(count) ?? undefined,
        unitPrice: parseMoney(unitPrice) ?? undefined,
        otherSources: parseMoney(otherSources) ?? undefined,
      });
    });
}
