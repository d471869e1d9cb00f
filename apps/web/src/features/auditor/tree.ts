/**
 * The trace explorer's tree: the strategy's nodes (priority → area → sub-goal → measure → activity) with
 * each node's money summed from its activities' ledger totals (the API's `/trace/versions/{id}`), exactly,
 * in haléře. The same sums the API makes for one node (`/trace/nodes/{id}`), made for the whole tree at once.
 */
import { fromHalere, toHalere } from '../../lib/format';
import { KINDS } from './types';
import type { Kind } from './types';

export interface StrategyNodeInput {
  id: string;
  level: string;
  code: string;
  name: string;
  children: StrategyNodeInput[];
}

export type Amounts = Record<Kind, string>;

export interface TraceTreeNode {
  id: string;
  level: string;
  code: string;
  name: string;
  depth: number;
  amounts: Amounts;
  children: TraceTreeNode[];
}

export const zeroAmounts = (): Amounts => Object.fromEntries(KINDS.map((k) => [k, '0.00'])) as Amounts;

export function buildTraceTree(roots: readonly StrategyNodeInput[], activities: readonly { activityId: string; amounts: Partial<Record<string, string>> }[]): TraceTreeNode[] {
  const own = new Map(activities.map((a) => [a.activityId, a.amounts]));
  const build = (node: StrategyNodeInput, depth: number): TraceTreeNode => {
    const children = node.children.map((c) => build(c, depth + 1));
    const sums = Object.fromEntries(KINDS.map((k) => [k, 0n])) as Record<Kind, bigint>;
    const mine = own.get(node.id);
    for (const k of KINDS) {
      if (mine?.[k]) sums[k] += toHalere(mine[k]);
      for (const c of children) sums[k] += toHalere(c.amounts[k]);
    }
    return {
      id: node.id,
      level: node.level,
      code: node.code,
      name: node.name,
      depth,
      amounts: Object.fromEntries(KINDS.map((k) => [k, fromHalere(sums[k])])) as Amounts,
      children,
    };
  };
  return roots.map((r) => build(r, 0));
}

/** Depth first, as the rows of the tree's table (and of its CSV). */
export function flattenTree(roots: readonly TraceTreeNode[]): TraceTreeNode[] {
  const rows: TraceTreeNode[] = [];
  const walk = (n: TraceTreeNode) => {
    rows.push(n);
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return rows;
}

/** The largest amount of any kind in any row: the full width of a bar. */
export function largestAmount(rows: readonly { amounts: Partial<Record<string, string>> }[]): bigint {
  let max = 0n;
  for (const row of rows) for (const k of KINDS) max = bigMax(max, abs(toHalere(row.amounts[k] ?? '0')));
  return max;
}

/** A bar's width in per cent of the largest amount (0–100, one decimal), for a decorative bar next to the number. */
export function barPercent(amount: string, largest: bigint): number {
  if (largest <= 0n) return 0;
  const value = abs(toHalere(amount));
  return Number((value * 1000n) / largest) / 10;
}

const abs = (v: bigint) => (v < 0n ? -v : v);
const bigMax = (a: bigint, b: bigint) => (a > b ? a : b);

/** The levels from the top; the explorer shows the tree down to a chosen one. */
export const LEVELS = ['priority', 'area', 'subgoal', 'measure', 'activity'] as const;

/** Rows down to `level` (inclusive), depth first. */
export function rowsToLevel(roots: readonly TraceTreeNode[], level: string): TraceTreeNode[] {
  const depth = LEVELS.indexOf(level as (typeof LEVELS)[number]);
  return flattenTree(roots).filter((r) => depth < 0 || r.depth <= depth);
}

export function findNode(roots: readonly TraceTreeNode[], id: string): TraceTreeNode | undefined {
  for (const r of roots) {
    if (r.id === id) return r;
    const found = findNode(r.children, id);
    if (found) return found;
  }
  return undefined;
}
