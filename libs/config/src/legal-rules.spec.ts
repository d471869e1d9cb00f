import { LEGAL_RULES } from '../../../config/legal-rules.js';
import { LegalRules } from './legal-rules.js';

describe('LegalRules', () => {
  const base = LEGAL_RULES[0];

  it('holds the statutory numbers of today', () => {
    const rules = new LegalRules().at('2026-11-22');
    expect(rules.call).toEqual({ minDaysFromPublicationToOpening: 30, minDaysPublished: 90 });
    expect(rules.contractRegister.thresholdAmount).toBe('50000.00');
    expect(rules.approval.assemblyAboveAmount).toBe('1000000.00');
  });

  it('applies each version from its effective date, so history is judged by the law of its day', () => {
    const rules = new LegalRules([base, { ...base, id: 'future', effectiveFrom: '2027-01-01', call: { minDaysFromPublicationToOpening: 45, minDaysPublished: 120 } }]);
    expect(rules.at('2026-12-31').id).toBe(base.id);
    expect(rules.at('2027-01-01').call.minDaysFromPublicationToOpening).toBe(45);
    expect(() => rules.at('1999-12-31')).toThrow('No legal rules in force');
  });

  it('refuses malformed rule sets at start-up', () => {
    expect(() => new LegalRules([])).toThrow('no rule version');
    expect(() => new LegalRules([base, { ...base, id: 'twin' }])).toThrow('same day');
    expect(() => new LegalRules([{ ...base, effectiveFrom: '1. 1. 2027' }])).toThrow('YYYY-MM-DD');
  });
});
