import 'reflect-metadata';
import { Money } from '#core';
import { computeBreachPenalty } from '#documents';
import { LEGAL_RULES } from '../../../../config/legal-rules.js';
import { penalty } from './budget-discipline.js';

/**
 * The call-to-return letter prints the penalty it computes itself (documents cannot depend on this
 * library); the ledger records what `penalty` computes. Both must always say the same.
 */
describe('the penalty printed in letters and the one recorded', () => {
  it('agree for any levy and delay', () => {
    const rules = LEGAL_RULES[0].budgetDiscipline;
    let state = 20231;
    const next = (below: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % below;
    };
    for (let i = 0; i < 2000; i++) {
      const levy = Money.fromHalere(BigInt(100_100 + next(500_000_000)));
      const days = next(4000);
      const breachDate = '2023-01-01';
      const until = new Date(Date.UTC(2023, 0, 1 + days)).toISOString().slice(0, 10);
      const recorded = penalty(rules, { levy, dueDate: breachDate, paidDate: until });
      const printed = computeBreachPenalty({
        levy: levy.toString(),
        breachDate,
        until,
        rules: { penaltyPerMille: rules.penaltyPerMillePerDay, levyThreshold: rules.noLevyUpToAmount, penaltyThreshold: rules.noPenaltyUpToAmount },
      });
      expect([printed.days, printed.imposed.toString()]).toEqual([recorded.days, recorded.penalty.toString()]);
    }
  });
});
