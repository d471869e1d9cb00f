import { describe, expect, it } from 'vitest';
import { auditFiltersFromSearch, auditQuery, nextDay, routerSearch, searchFromAuditFilters, searchFromTraceFilters, traceFiltersFromSearch, traceQuery } from './filters';

const CALL = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('trace filters in the URL', () => {
  it('round-trips every filter through Czech URL parameters', () => {
    const filters = { year: 2023, callId: CALL, budgetArea: 'I', applicantType: 'ngo' as const, districtId: CALL, from: '2023-01-01', to: '2023-12-31' };
    const search = searchFromTraceFilters(filters);
    expect(search).toEqual({ rok: '2023', vyzva: CALL, oblast: 'I', zadatel: 'ngo', mc: CALL, od: '2023-01-01', do: '2023-12-31' });
    expect(traceFiltersFromSearch(search)).toEqual(filters);
    expect(traceQuery(filters)).toEqual({ year: '2023', callId: CALL, budgetArea: 'I', applicantType: 'ngo', districtId: CALL, from: '2023-01-01', to: '2023-12-31' });
  });

  it('drops what a hand-edited URL gets wrong instead of sending it to be refused', () => {
    expect(traceFiltersFromSearch({ rok: '23', vyzva: 'abc', oblast: 'I; DROP', zadatel: 'company', od: '1. 1. 2023', do: '2023-02-30x' })).toEqual({});
    expect(traceFiltersFromSearch({ rok: 1999 })).toEqual({});
    // The router may hand numbers over already parsed.
    expect(traceFiltersFromSearch({ rok: 2024, oblast: ' II ' })).toEqual({ year: 2024, budgetArea: 'II' });
  });

  it('leaves out empty filters, so an unfiltered view has a clean URL', () => {
    expect(searchFromTraceFilters({ year: undefined, budgetArea: '' })).toEqual({});
    expect(traceQuery({})).toEqual({});
  });
});

describe('audit log filters in the URL', () => {
  it('round-trips, keeping the first page out of the URL', () => {
    const filters = { action: 'application.', objectType: 'application', objectId: '42', actorUserId: CALL, from: '2026-12-01', to: '2026-12-03', page: 3 };
    expect(auditFiltersFromSearch(searchFromAuditFilters(filters))).toEqual(filters);
    expect(searchFromAuditFilters({ page: 1 })).toEqual({});
    expect(auditFiltersFromSearch({ strana: '1', kdo: 'someone' })).toEqual({});
  });

  it('makes the inclusive last day the start of the next one for the API', () => {
    const query = auditQuery({ to: '2026-12-31', from: '2026-12-01', action: 'report.' }, 50);
    expect(query).toMatchObject({ page: '1', pageSize: '50', action: 'report.' });
    expect(new Date(query.to).getTime() - new Date(query.from).getTime()).toBe(31 * 24 * 3600 * 1000);
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('search params for the router', () => {
  it('hands numbers over as numbers, so the URL reads rok=2023, not rok="2023"', () => {
    expect(routerSearch({ rok: '2023', strana: '2', oblast: 'I', od: '2023-01-01', objekt: '0123' })).toEqual({
      rok: 2023,
      strana: 2,
      oblast: 'I',
      od: '2023-01-01',
      objekt: '0123',
    });
  });
});
