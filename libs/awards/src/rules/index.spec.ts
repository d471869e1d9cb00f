import 'reflect-metadata';
import * as rules from './index.js';

describe('awards rules index', () => {
  it('re-exports every rule', () => {
    for (const name of [
      'approvingBody',
      'levy',
      'penalty',
      'limitationEnds',
      'settlementReturn',
      'isLate',
      'remainingToPay',
      'checkPaymentOrder',
      'refitTranches',
      'calendarDaysBetween',
    ]) {
      expect(typeof (rules as Record<string, unknown>)[name]).toBe('function');
    }
  });
});
