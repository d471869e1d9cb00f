/**
 * The trace explorer's and the audit log's filters live in the URL (TanStack Router search params, Czech
 * names), so every view can be shared. These functions map the URL to the API's query and back; anything
 * malformed in a hand-edited URL is dropped rather than sent to the API to be refused.
 */
export type ApplicantType = 'city_district' | 'ngo' | 'other';

/** The API's TraceQuery. */
export interface TraceFilters {
  year?: number;
  callId?: string;
  budgetArea?: string;
  applicantType?: ApplicantType;
  districtId?: string;
  from?: string;
  to?: string;
}

export type UrlSearch = Record<string, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AREA = /^[A-Za-z0-9.-]{1,20}$/;
const APPLICANT_TYPES: readonly string[] = ['city_district', 'ngo', 'other'];

/** URL parameter ↔ filter field. */
export const TRACE_PARAMS = { year: 'rok', callId: 'vyzva', budgetArea: 'oblast', applicantType: 'zadatel', districtId: 'mc', from: 'od', to: 'do' } as const;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : undefined);
const matching = (value: unknown, pattern: RegExp) => {
  const t = text(value);
  return t !== undefined && pattern.test(t) ? t : undefined;
};

export function traceFiltersFromSearch(search: Record<string, unknown>): TraceFilters {
  const year = matching(search[TRACE_PARAMS.year], /^\d{4}$/);
  const type = text(search[TRACE_PARAMS.applicantType]);
  const filters: TraceFilters = {
    year: year !== undefined && Number(year) >= 2000 && Number(year) <= 2100 ? Number(year) : undefined,
    callId: matching(search[TRACE_PARAMS.callId], UUID),
    budgetArea: matching(search[TRACE_PARAMS.budgetArea], AREA),
    applicantType: type !== undefined && APPLICANT_TYPES.includes(type) ? (type as ApplicantType) : undefined,
    districtId: matching(search[TRACE_PARAMS.districtId], UUID),
    from: matching(search[TRACE_PARAMS.from], DATE),
    to: matching(search[TRACE_PARAMS.to], DATE),
  };
  return withoutEmpty(filters);
}

export function searchFromTraceFilters(filters: TraceFilters): UrlSearch {
  const search: UrlSearch = {};
  for (const [field, param] of Object.entries(TRACE_PARAMS) as [keyof TraceFilters, string][]) {
    const value = filters[field];
    if (value !== undefined && value !== '') search[param] = String(value);
  }
  return search;
}

/** The API's query parameters (strings, as they go on the wire). */
export function traceQuery(filters: TraceFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(withoutEmpty(filters)).map(([k, v]) => [k, String(v)]));
}

/** The API's AuditLogQuery, from the URL: action, object type, object id, actor, dates and the page. */
export interface AuditFilters {
  action?: string;
  objectType?: string;
  objectId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PARAMS = { action: 'akce', objectType: 'typ', objectId: 'objekt', actorUserId: 'kdo', from: 'od', to: 'do', page: 'strana' } as const;

export function auditFiltersFromSearch(search: Record<string, unknown>): AuditFilters {
  const page = matching(search[AUDIT_PARAMS.page], /^[1-9]\d{0,5}$/);
  const limited = (value: unknown) => {
    const t = text(value);
    return t !== undefined && t.length <= 100 ? t : undefined;
  };
  return withoutEmpty({
    action: limited(search[AUDIT_PARAMS.action]),
    objectType: limited(search[AUDIT_PARAMS.objectType]),
    objectId: limited(search[AUDIT_PARAMS.objectId]),
    actorUserId: matching(search[AUDIT_PARAMS.actorUserId], UUID),
    from: matching(search[AUDIT_PARAMS.from], DATE),
    to: matching(search[AUDIT_PARAMS.to], DATE),
    page: page !== undefined && page !== '1' ? Number(page) : undefined,
  });
}

export function searchFromAuditFilters(filters: AuditFilters): UrlSearch {
  const search: UrlSearch = {};
  for (const [field, param] of Object.entries(AUDIT_PARAMS) as [keyof AuditFilters, string][]) {
    const value = filters[field];
    if (value !== undefined && value !== '' && !(field === 'page' && value === 1)) search[param] = String(value);
  }
  return search;
}

/**
 * The audit log's API query. Dates are calendar days in Prague: `to` is inclusive, so the API (which takes
 * instants, `to` exclusive) gets the start of the next day. Offsets come from the browser for that day.
 */
export function auditQuery(filters: AuditFilters, pageSize: number): Record<string, string> {
  const query: Record<string, string> = { pageSize: String(pageSize), page: String(filters.page ?? 1) };
  if (filters.action) query.action = filters.action;
  if (filters.objectType) query.objectType = filters.objectType;
  if (filters.objectId) query.objectId = filters.objectId;
  if (filters.actorUserId) query.actorUserId = filters.actorUserId;
  if (filters.from) query.from = startOfDay(filters.from);
  if (filters.to) query.to = startOfDay(nextDay(filters.to));
  return query;
}

export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function startOfDay(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== '')) as T;
}

/**
 * The search params as the router should write them: the router JSON-encodes values, so a numeric string
 * would appear quoted (`rok=%222023%22`); as a number it is written `rok=2023` (the area's `validateSearch`
 * keeps it a number, and the parsers here take either).
 */
export function routerSearch(search: UrlSearch): Record<string, string | number> {
  return Object.fromEntries(Object.entries(search).map(([k, v]) => [k, /^[1-9]\d{0,8}$/.test(v) ? Number(v) : v]));
}
