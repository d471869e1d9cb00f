import { describe, expect, it } from 'vitest';
import { applyQuery, buildSearchIndex, countByStatus, DEFAULT_QUERY } from './table';
import type { ApplicationRow, ApplicationStatus } from './types';

const row = (n: number, over: Partial<ApplicationRow> = {}): ApplicationRow => ({
  id: `id-${n}`,
  number: `NMC-2023-${String(n).padStart(4, '0')}`,
  call: { id: 'call', code: 'NMC-2023', title: 'Výzva' },
  organisation: { id: `o-${n}`, name: `Spolek ${n}`, ico: String(10000000 + n), type: 'ngo' },
  status: 'submitted',
  statusName: { cs: 'podaná', en: 'submitted' },
  title: `Projekt ${n}`,
  budgetAreaCode: 'I',
  requestedAmount: '100000.00',
  totalCost: '120000.00',
  currentVersionNo: 1,
  lastSubmittedAt: `2022-11-${String(14 + (n % 10)).padStart(2, '0')}T10:00:00.000Z`,
  updatedAt: '2022-11-25T10:00:00.000Z',
  ...over,
});

describe('the staff applications table', () => {
  const rows = [
    row(3, { organisation: { id: 'o3', name: 'Život bez bariér, z. ú.', ico: '26543211', type: 'ngo' }, requestedAmount: '99999.99' }),
    row(1, { status: 'remedy_requested', requestedAmount: '1000000.00', budgetAreaCode: 'II' }),
    row(2, { requestedAmount: '250000.50', title: 'Čeština pro rodiče' }),
    row(10, { status: 'excluded', requestedAmount: null }),
  ];

  it('sorts by number naturally, and money by value (not as text), both ways', () => {
    expect(applyQuery(rows, DEFAULT_QUERY).rows.map((r) => r.number)).toEqual(['NMC-2023-0001', 'NMC-2023-0002', 'NMC-2023-0003', 'NMC-2023-0010']);
    const byMoney = applyQuery(rows, { ...DEFAULT_QUERY, sort: 'requested', direction: 'desc' }).rows.map((r) => r.requestedAmount);
    expect(byMoney).toEqual(['1000000.00', '250000.50', '99999.99', null]);
  });

  it('searches in number, title, applicant and IČO, ignoring case and diacritics', () => {
    expect(applyQuery(rows, { ...DEFAULT_QUERY, search: 'zivot' }).rows.map((r) => r.id)).toEqual(['id-3']);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, search: 'CESTINA' }).rows.map((r) => r.id)).toEqual(['id-2']);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, search: '26543211' }).total).toBe(1);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, search: '0010' }).rows.map((r) => r.id)).toEqual(['id-10']);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, search: 'zivot' }, buildSearchIndex(rows)).total).toBe(1);
  });

  it('filters by status and budget area together', () => {
    expect(applyQuery(rows, { ...DEFAULT_QUERY, status: 'submitted' }).total).toBe(2);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, area: 'II' }).rows.map((r) => r.id)).toEqual(['id-1']);
    expect(applyQuery(rows, { ...DEFAULT_QUERY, area: 'II', status: 'submitted' }).total).toBe(0);
  });

  it('cuts pages, keeps the page within range, and reports every matching row for "select all"', () => {
    const many = Array.from({ length: 1000 }, (_, i) => row(i + 1, { status: (['submitted', 'accepted'] as ApplicationStatus[])[i % 2] }));
    const view = applyQuery(many, { ...DEFAULT_QUERY, status: 'submitted', page: 3, pageSize: 50 });
    expect(view).toMatchObject({ total: 500, pages: 10, page: 3 });
    expect(view.rows).toHaveLength(50);
    expect(view.rows[0].number).toBe('NMC-2023-0201');
    expect(view.matching).toHaveLength(500);
    expect(applyQuery(many, { ...DEFAULT_QUERY, page: 99 }).page).toBe(20);
    expect(applyQuery([], DEFAULT_QUERY)).toMatchObject({ total: 0, pages: 1, page: 1 });
  });

  it('does not reorder the loaded list it was given', () => {
    const before = rows.map((r) => r.id);
    applyQuery(rows, { ...DEFAULT_QUERY, sort: 'requested' });
    expect(rows.map((r) => r.id)).toEqual(before);
  });

  it('counts applications by status', () => {
    expect(countByStatus(rows)).toEqual({ submitted: 2, remedy_requested: 1, excluded: 1 });
  });
});
