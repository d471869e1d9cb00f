import { describe, expect, it } from 'vitest';
import { lineBalances, totals } from './lines';

describe('settlement line balances', () => {
  const lines = [
    { id: 'a', planned: '60000.00' },
    { id: 'b', planned: '40000.00' },
  ];

  it('counts only the documents charged to each line, exactly to the haléř', () => {
    const balances = lineBalances(lines, [
      { budgetLineId: 'a', amount: '0.10' },
      { budgetLineId: 'a', amount: '0.20' },
      { budgetLineId: 'b', amount: '39999.99' },
      { budgetLineId: null, amount: '500.00' },
      { budgetLineId: 'a' },
    ]);
    expect(balances).toEqual([
      { id: 'a', planned: '60000.00', claimed: '0.30', remaining: '59999.70', over: false },
      { id: 'b', planned: '40000.00', claimed: '39999.99', remaining: '0.01', over: false },
    ]);
  });

  it('shows a line exceeded by its documents as negative and over', () => {
    expect(lineBalances(lines, [{ budgetLineId: 'b', amount: '40000.01' }])[1]).toEqual({ id: 'b', planned: '40000.00', claimed: '40000.01', remaining: '-0.01', over: true });
  });

  it('totals what is claimed and what of the paid grant stays unspent, never below zero', () => {
    expect(totals('100000.00', [{ amount: '60000.00' }, { amount: '30000.50' }, {}])).toEqual({ claimed: '90000.50', unspent: '9999.50' });
    expect(totals('100.00', [{ amount: '150.00' }])).toEqual({ claimed: '150.00', unspent: '0.00' });
  });
});
