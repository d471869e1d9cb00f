import { describe, expect, it } from 'vitest';
import { barPercent, buildTraceTree, findNode, flattenTree, largestAmount, rowsToLevel } from './tree';
import type { StrategyNodeInput } from './tree';

const node = (id: string, level: string, children: StrategyNodeInput[] = []): StrategyNodeInput => ({ id, level, code: id, name: `Uzel ${id}`, children });

const strategy = [
  node('P1', 'priority', [
    node('A1', 'area', [node('S1', 'sub_goal', [node('M1', 'measure', [node('X1', 'activity'), node('X2', 'activity')]), node('M2', 'measure', [node('X3', 'activity')])])]),
  ]),
  node('P2', 'priority', [node('A2', 'area')]),
];

describe('the trace tree', () => {
  it('sums each activity up to its measure, sub-goal, area and priority exactly, to the haléř', () => {
    const tree = buildTraceTree(strategy, [
      { activityId: 'X1', amounts: { requested: '100005.01', approved: '0.10', returned: '-5.00' } },
      { activityId: 'X2', amounts: { requested: '49994.99', approved: '0.20', paid: '0.00' } },
      { activityId: 'X3', amounts: { requested: '0.01' } },
    ]);
    const rows = new Map(flattenTree(tree).map((r) => [r.id, r]));
    expect(rows.get('M1')?.amounts).toMatchObject({ requested: '150000.00', approved: '0.30', returned: '-5.00', paid: '0.00' });
    expect(rows.get('S1')?.amounts.requested).toBe('150000.01');
    expect(rows.get('P1')?.amounts).toMatchObject({ requested: '150000.01', approved: '0.30', settled: '0.00', penalised: '0.00' });
    // A priority without any activity with money has zeros, not gaps.
    expect(rows.get('P2')?.amounts).toEqual({ requested: '0.00', approved: '0.00', contracted: '0.00', paid: '0.00', settled: '0.00', returned: '0.00', penalised: '0.00' });
  });

  it('flattens depth first with each node’s depth, for the table and the CSV', () => {
    const rows = flattenTree(buildTraceTree(strategy, []));
    expect(rows.map((r) => `${r.depth}:${r.id}`)).toEqual(['0:P1', '1:A1', '2:S1', '3:M1', '4:X1', '4:X2', '3:M2', '4:X3', '0:P2', '1:A2']);
  });

  it('ignores totals of activities that are not in this version’s tree', () => {
    const tree = buildTraceTree(strategy, [{ activityId: 'elsewhere', amounts: { requested: '10.00' } }]);
    expect(tree[0].amounts.requested).toBe('0.00');
  });

  it('scales bars to the largest amount of any kind, negative amounts by their size', () => {
    const rows = [{ amounts: { requested: '200.00', approved: '50.00' } }, { amounts: { returned: '-400.00' } }];
    const largest = largestAmount(rows);
    expect(largest).toBe(40000n);
    expect(barPercent('200.00', largest)).toBe(50);
    expect(barPercent('-400.00', largest)).toBe(100);
    expect(barPercent('0.01', largest)).toBe(0);
    expect(barPercent('1.00', largest)).toBe(0.2);
    expect(barPercent('5.00', 0n)).toBe(0);
  });
});

describe('the tree to a level', () => {
  it('shows rows down to the chosen level and finds a node with its summed children', () => {
    const tree = buildTraceTree(strategy, [{ activityId: 'X3', amounts: { paid: '7.00' } }]);
    expect(rowsToLevel(tree, 'subgoal').map((r) => r.id)).toEqual(['P1', 'A1', 'S1', 'P2', 'A2']);
    expect(rowsToLevel(tree, 'activity')).toHaveLength(10);
    const m2 = findNode(tree, 'M2');
    expect(m2?.children.map((c) => [c.id, c.amounts.paid])).toEqual([['X3', '7.00']]);
    expect(findNode(tree, 'nowhere')).toBeUndefined();
  });
});
