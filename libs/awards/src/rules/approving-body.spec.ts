import 'reflect-metadata';
import { LegalRules } from '#config';
import { Money } from '#core';
import { approvingBody, type ApprovalRules } from './approving-body.js';

const rules: ApprovalRules = new LegalRules().at('2026-10-01').approval;
const m = (value: string) => Money.parse(value);

describe('approvingBody', () => {
  it('leaves exactly 1 000 000,00 Kč with the Council and sends 1 000 000,01 Kč to the Assembly', () => {
    const atLimit = approvingBody(rules, { applicantType: 'ngo', amount: m('1000000.00') });
    expect(atLimit.body).toBe('council');
    expect(atLimit.reason.legalBasis).toBe('§ 68 odst. 2 písm. l) zákona č. 131/2000 Sb., o hlavním městě Praze');

    const over = approvingBody(rules, { applicantType: 'other', amount: m('1000000.01') });
    expect(over.body).toBe('assembly');
    expect(over.reason.legalBasis).toBe('§ 59 odst. 3 písm. f) zákona č. 131/2000 Sb., o hlavním městě Praze');
    expect(over.reason.cs).toContain('1\u00a0000\u00a0000,01\u00a0Kč');
  });

  it('sends a grant to a city district to the Assembly whatever its amount', () => {
    for (const amount of ['0.01', '570000', '1000000.00']) {
      const result = approvingBody(rules, { applicantType: 'city_district', amount: m(amount) });
      expect(result.body).toBe('assembly');
      expect(result.reason.legalBasis).toBe('§ 59 odst. 3 písm. e) zákona č. 131/2000 Sb., o hlavním městě Praze');
    }
    const both = approvingBody(rules, { applicantType: 'city_district', amount: m('2500000') });
    expect(both.body).toBe('assembly');
    expect(both.reason.legalBasis).toContain('písm. e) a f)');
  });

  it('follows the configured numbers, not constants in code', () => {
    const later: ApprovalRules = { cityDistrictsToAssembly: false, assemblyAboveAmount: '2000000.00' };
    expect(approvingBody(later, { applicantType: 'city_district', amount: m('1500000') }).body).toBe('council');
    expect(approvingBody(later, { applicantType: 'ngo', amount: m('2000000.01') }).body).toBe('assembly');
  });

  it('refuses a negative amount', () => {
    expect(() => approvingBody(rules, { applicantType: 'ngo', amount: m('-1') })).toThrow(RangeError);
  });
});
