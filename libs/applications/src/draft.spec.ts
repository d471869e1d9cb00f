import 'reflect-metadata';
import { Money } from '#core';
import { budgetSummary, checkActivityShares, checkCompleteness, percentToBasisPoints } from './draft.js';
import type { CompletenessContext } from './draft.js';

const codes = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('application form rules', () => {
  it('adds budget lines exactly and rounds the co-financing share down', () => {
    const summary = budgetSummary([
      { totalCost: '0.10', requested: '0.07', otherSources: '0.03' },
      { totalCost: '0.20', requested: '0.20', otherSources: '0.00' },
      { totalCost: '100.00' },
    ]);
    expect(summary).toEqual({ totalCost: '100.30', requested: '0.27', otherSources: '0.03', coFinancingPercent: '0.02' });
    expect(budgetSummary([])).toEqual({ totalCost: '0.00', requested: '0.00', otherSources: '0.00', coFinancingPercent: null });
    // 1/3 of the costs from other sources is 33.33 %, never rounded up to 33.34 %.
    expect(budgetSummary([{ totalCost: '3.00', requested: '2.00', otherSources: '1.00' }]).coFinancingPercent).toBe('33.33');
  });

  it("requires activity shares to add up to exactly 100 %, each activity once, only the call's", () => {
    expect(percentToBasisPoints('33.3')).toBe(3330);
    expect(percentToBasisPoints('100')).toBe(10000);
    expect(
      checkActivityShares(
        [
          { activityId: 'a', sharePercent: '33.33' },
          { activityId: 'b', sharePercent: '66.67' },
        ],
        ['a', 'b'],
      ),
    ).toEqual([]);
    expect(
      codes(
        checkActivityShares(
          [
            { activityId: 'a', sharePercent: '33.33' },
            { activityId: 'b', sharePercent: '66.66' },
          ],
          ['a', 'b'],
        ),
      ),
    ).toEqual(['activities:SHARES_NOT_100']);
    expect(
      codes(
        checkActivityShares(
          [
            { activityId: 'a', sharePercent: '50' },
            { activityId: 'a', sharePercent: '50' },
          ],
          ['a'],
        ),
      ),
    ).toEqual(['activities:DUPLICATE_ACTIVITY']);
    expect(codes(checkActivityShares([{ activityId: 'x', sharePercent: '100' }], ['a']))).toEqual(['activities.0.activityId:ACTIVITY_NOT_IN_CALL']);
    expect(codes(checkActivityShares([], ['a']))).toEqual(['activities:REQUIRED']);
  });

  it('asks a city district for no beneficial owners but an NGO for them, and applies annexes by applicant type', () => {
    const context = (type: string): CompletenessContext => ({
      draft: {},
      organisationType: type,
      call: {
        eligibleApplicantTypes: ['city_district', 'ngo'],
        budgetAreaCodes: ['I'],
        minGrant: Money.parse('20000'),
        maxGrant: null,
        coFinancingMinPercent: '10',
        costCategoryCodes: ['PERSONAL'],
        activityIds: ['a'],
        annexTypes: [{ code: 'STATUTORY', name: 'Stanovy', required: true, requiredFrom: ['ngo'] }],
      },
      attachedAnnexCodes: [],
    });
    const district = codes(checkCompleteness(context('city_district')));
    const ngo = codes(checkCompleteness(context('ngo')));
    expect(district).not.toContain('beneficialOwners:REQUIRED');
    expect(district).not.toContain('annexes.STATUTORY:ANNEX_MISSING');
    expect(ngo).toEqual(expect.arrayContaining(['beneficialOwners:REQUIRED', 'holdings:REQUIRED', 'annexes.STATUTORY:ANNEX_MISSING']));
    expect(codes(checkCompleteness(context('other')))).toContain('organisation:APPLICANT_NOT_ELIGIBLE');
  });
});
