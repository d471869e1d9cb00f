import { describe, expect, it } from 'vitest';
import { achievedPercent, indicatorRows } from './fulfilment';

describe('the fulfilment report: indicators asked against outputs reported', () => {
  it('puts each reported output under the indicator the plan asks for, whatever the case or diacritics', () => {
    const rows = indicatorRows({
      indicators: ['počet podpořených aktivit', 'počet účastníků'],
      outputs: [
        { indicator: 'Počet  účastníků', unit: 'osoby', promised: 100, achieved: 120 },
        { indicator: 'pocet podporenych aktivit', unit: 'akce', promised: 4, achieved: 3 },
      ],
    });
    expect(rows.map((r) => [r.indicator, r.asked, r.outputs.map((o) => o.achieved)])).toEqual([
      ['počet podpořených aktivit', true, [3]],
      ['počet účastníků', true, [120]],
    ]);
  });

  it('lists an indicator nobody reported with no outputs, and keeps an output the plan does not name', () => {
    const rows = indicatorRows({
      indicators: ['počet kurzů'],
      outputs: [{ indicator: 'počet brožur', unit: 'ks', promised: 500, achieved: 500 }],
    });
    expect(rows).toEqual([
      { indicator: 'počet kurzů', asked: true, outputs: [] },
      { indicator: 'počet brožur', asked: false, outputs: [{ indicator: 'počet brožur', unit: 'ks', promised: 500, achieved: 500 }] },
    ]);
  });

  it('says how much of the promise was achieved, rounded down, and nothing when nothing was promised', () => {
    expect(achievedPercent({ promised: 3, achieved: 2 })).toBe(66);
    expect(achievedPercent({ promised: 100, achieved: 120 })).toBe(120);
    expect(achievedPercent({ promised: 0, achieved: 5 })).toBeNull();
  });
});
