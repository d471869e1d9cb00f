import { describe, expect, it } from 'vitest';
import { liveAllocation } from './allocation';

const funding = {
  call: { allocation: '1000000.00', approved: '200000.00' },
  areas: [
    { budgetAreaId: 'I', code: 'I', name: 'Okruh I', allocation: '300000.00', approved: '100000.00' },
    { budgetAreaId: 'II', code: 'II', name: 'Okruh II', allocation: '700000.00', approved: '100000.00' },
  ],
};

describe('liveAllocation', () => {
  it('subtracts what the resolution adds, per area and in total, exactly to the haléř', () => {
    const live = liveAllocation(funding, [
      { applicationId: 'a', budgetAreaId: 'I', amount: '99999.99', previous: '0.00' },
      { applicationId: 'b', budgetAreaId: 'II', amount: '0.00', previous: '0.00' },
    ]);
    expect(live.areas[0]).toMatchObject({ change: '99999.99', remaining: '100000.01', over: false });
    expect(live.areas[1]).toMatchObject({ change: '0.00', remaining: '600000.00', over: false });
    expect(live.call).toMatchObject({ change: '99999.99', remaining: '700000.01', over: false });
    expect(live.overRows.size).toBe(0);
  });

  it('names the row at which an area first goes over, in the order of the rows', () => {
    const live = liveAllocation(funding, [
      { applicationId: 'a', budgetAreaId: 'I', amount: '150000.00', previous: '0.00' },
      { applicationId: 'b', budgetAreaId: 'I', amount: '50000.01', previous: '0.00' },
      { applicationId: 'c', budgetAreaId: 'I', amount: '10000.00', previous: '0.00' },
    ]);
    expect(live.areas[0]).toMatchObject({ remaining: '-10000.01', over: true });
    expect([...live.overRows]).toEqual(['b']);
  });

  it('counts a change of a decision by its difference; an amount not typed yet changes nothing', () => {
    const live = liveAllocation(funding, [
      { applicationId: 'a', budgetAreaId: 'I', amount: '40000.00', previous: '100000.00' },
      { applicationId: 'b', budgetAreaId: 'II', amount: null, previous: '0.00' },
    ]);
    expect(live.areas[0]).toMatchObject({ change: '-60000.00', remaining: '260000.00' });
    expect(live.call).toMatchObject({ change: '-60000.00', remaining: '860000.00' });
  });
});
