import { describe, expect, it } from 'vitest';
import { formFromCall, sectionsFor } from './call-form';
import type { StaffCall } from './types';

const call = {
  id: 'c',
  code: 'NMC-2023',
  year: 2023,
  title: 'Výzva 2023',
  status: 'draft',
  statusName: { cs: 'koncept', en: 'draft' },
  purpose: '',
  reasons: '',
  totalAllocation: '',
  minGrant: null,
  maxGrant: null,
  grantRule: null,
  eligibleApplicantTypes: [],
  opensAt: '2022-11-13T23:00:00.000Z',
  closesAt: '',
  decisionDeadline: '',
  conditions: '',
  coFinancingMinPercent: '0',
  costCategories: [],
  settlementDeadline: '',
  stateAidRegime: 'none',
  reviewersPerApplication: 3,
  budgetAreas: [{ id: 'a', code: 'I', name: 'Okruh I', description: '', allocation: '14000000.00' }],
  criteria: [],
  annexTypes: [],
  activities: [{ id: 'x', code: '13.II.1', name: 'Aktivita' }],
  publishedAt: null,
  amendments: [],
  version: 4,
  createdAt: '',
  updatedAt: '',
} as StaffCall;

describe('the call editor form', () => {
  it('shows stored instants as Prague dates and times', () => {
    const form = formFromCall(call);
    expect(form).toMatchObject({ opensDate: '2022-11-14', opensTime: '00:00', closesDate: '', activityIds: ['x'] });
  });

  it('sends a date and time as one Prague instant', () => {
    const form = { ...formFromCall(call), closesDate: '2022-11-24', closesTime: '23:59' };
    expect(sectionsFor('closesTime', form)).toEqual({ sections: { closesAt: '2022-11-24T23:59:00+01:00' }, errors: {} });
  });

  it('sends amounts typed the Czech way as decimal strings, and holds back what is not an amount', () => {
    const form = formFromCall(call);
    expect(sectionsFor('totalAllocation', { ...form, totalAllocation: '16 000 000,50' }).sections).toEqual({ totalAllocation: '16000000.50' });
    expect(sectionsFor('totalAllocation', { ...form, totalAllocation: '16 mil.' })).toEqual({ sections: {}, errors: { totalAllocation: 'staff.error.amount' } });
    expect(sectionsFor('maxGrant', { ...form, maxGrant: '' }).sections).toEqual({ maxGrant: null });
  });

  it('sends a list whole, and names the row and column of an invalid cell', () => {
    const form = formFromCall(call);
    const areas = [...form.budgetAreas, { code: 'II', name: 'Okruh II', description: '', allocation: 'hodně' }];
    expect(sectionsFor('budgetAreas', { ...form, budgetAreas: areas }).errors).toEqual({ 'budgetAreas.1.allocation': 'staff.error.amount' });
    const criteria = [{ code: 'K1', name: 'Soulad', description: '', maxScore: '20', weight: '1,5', minScore: '' }];
    expect(sectionsFor('criteria', { ...form, criteria }).sections).toEqual({ criteria: [{ code: 'K1', name: 'Soulad', description: '', maxScore: 20, weight: '1.5' }] });
  });
});
