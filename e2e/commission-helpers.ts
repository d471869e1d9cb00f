/**
 * What the commission journey (and its bench) needs before a commission can exist, prepared through the API
 * as the people involved would do it: fresh staff, commission members and applicants (unique names), a call
 * created and published 31 days ahead, applications submitted while it is open, the formal check passed
 * after its deadline, the evaluation started. The system clock moves for that (as admin) and is put back
 * to real time at the end, also when something fails.
 */
import { request as playwrightRequest } from '@playwright/test';
import type { APIRequestContext, APIResponse } from '@playwright/test';

const DAY = 86_400_000;
/** The journeys' password (e2e/fixtures.ts); repeated here so the bench can use these helpers outside Playwright Test. */
export const PASSWORD = 'Heslo-pro-testy-2026';
const ADMIN = { email: 'admin@demo.praha.eu', password: 'Demo-heslo-2023!' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export interface Person {
  id: string;
  email: string;
  displayName: string;
}

export interface PreparedCall {
  callId: string;
  callCode: string;
  staff: Person;
  members: Person[];
  /** Each with the applicant who wrote it (a later stage's journey signs in as them). */
  applications: { id: string; number: string; organisationId: string; organisation: string; title: string; applicant: Person }[];
}

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A valid IČO (modulo 11) that no other run uses. */
function freshIco(): string {
  for (;;) {
    const body = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
    const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(body[i]), 0);
    const check = (11 - (sum % 11)) % 10;
    return `${body}${check}`;
  }
}

/** Signs people in through the API; tokens are dropped whenever the clock moves (they would have expired). */
export class ApiActor {
  private tokens = new Map<string, string>();
  private constructor(readonly http: APIRequestContext) {}

  static async start(baseURL: string): Promise<ApiActor> {
    return new ApiActor(await playwrightRequest.newContext({ baseURL }));
  }

  async token(email: string, password = PASSWORD): Promise<string> {
    const cached = this.tokens.get(email);
    if (cached) return cached;
    const login = await ok<{ accessToken: string }>(await this.http.post('/api/v1/auth/login', { data: { email, password } }), `sign-in of ${email}`);
    this.tokens.set(email, login.accessToken);
    return login.accessToken;
  }

  async as(email: string, password?: string): Promise<Record<string, string>> {
    return { Authorization: `Bearer ${await this.token(email, password)}` };
  }

  admin(): Promise<Record<string, string>> {
    return this.as(ADMIN.email, ADMIN.password);
  }

  async moveClock(to: Date | null, reason: string): Promise<void> {
    const headers = await this.admin();
    await ok(await this.http.put('/api/v1/admin/clock', { headers, data: to ? { to: to.toISOString(), reason } : { reset: true, reason } }), 'clock');
    this.tokens.clear();
  }

  async createUser(label: string, roles: string[], displayName: string): Promise<Person> {
    const email = `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.praha.eu`;
    const user = await ok<{ id: string }>(
      await this.http.post('/api/v1/users', { headers: await this.admin(), data: { email, displayName, password: PASSWORD, roles } }),
      `user ${label}`,
    );
    return { id: user.id, email, displayName };
  }

  async dispose(): Promise<void> {
    await this.http.dispose();
  }
}

/** The criteria of the prepared call: K1 20×2, K2 20×1 (minimum 8), K3 10×1 — full scale 70 points. */
export const CRITERIA = [
  { code: 'K1', name: 'Soulad s akčním plánem', maxScore: 20, weight: '2', description: 'Jak projekt naplňuje aktivity akčního plánu.' },
  { code: 'K2', name: 'Kvalita a proveditelnost', maxScore: 20, weight: '1', minScore: 8, description: 'Realističnost harmonogramu, tým a rizika.' },
  { code: 'K3', name: 'Přiměřenost rozpočtu', maxScore: 10, weight: '1', description: 'Hospodárnost a odůvodněnost nákladů.' },
];

/**
 * A call in evaluation with `count` formally accepted applications of fresh organisations, a fresh staff user
 * (the future secretary) and `memberCount` fresh commission members. `sections` can make the applications long;
 * `call` overrides fields of the call (its allocations, say).
 */
export async function prepareCallInEvaluation(
  api: ApiActor,
  suffix: string,
  options: {
    count?: number;
    memberCount?: number;
    sections?: (index: number) => Record<string, unknown>;
    /** Fields of the call to set otherwise (e.g. a smaller `totalAllocation`, `maxGrant` and `budgetAreas`, so an approval can exceed them). */
    call?: Record<string, unknown>;
  } = {},
): Promise<PreparedCall> {
  const count = options.count ?? 2;
  const staff = await api.createUser('tajemnik', ['staff'], `Tajemnice ${suffix}`);
  const members: Person[] = [];
  for (let i = 0; i < (options.memberCount ?? 2); i++) members.push(await api.createUser(`clen${i + 1}`, ['commission_member'], `Člen${i + 1} Komise ${suffix}`));
  const applicants: Person[] = [];
  for (let i = 0; i < count; i++) applicants.push(await api.createUser(`zadatel${i + 1}`, ['applicant'], `Žadatel${i + 1} ${suffix}`));

  // Every call staff see, closed ones too: a journey that moved the clock before this one may have closed the open one.
  const staffView = await api.as(staff.email);
  const allCalls = await ok<{ items: { id: string }[] }>(await api.http.get('/api/v1/calls', { headers: staffView, params: { pageSize: 100 } }), 'calls');
  let activityIds: string[] = [];
  for (const c of allCalls.items) {
    const detail = await ok<{ activities: { id: string }[] }>(await api.http.get(`/api/v1/calls/${c.id}`, { headers: staffView }), 'call');
    if (detail.activities.length >= 2) {
      activityIds = detail.activities.slice(0, 3).map((a) => a.id);
      break;
    }
  }
  if (activityIds.length < 2) throw new Error('no call with action-plan activities to borrow');

  const opensAt = new Date(Date.now() + 40 * DAY);
  const closesAt = new Date(opensAt.getTime() + 10 * DAY);
  const code = `K-${suffix}`;
  try {
    const staffHeaders = await api.as(staff.email);
    const created = await ok<{ id: string; version: number }>(
      await api.http.post('/api/v1/calls', {
        headers: staffHeaders,
        data: {
          code,
          year: 2023,
          title: `Integrace cizinců – výzva ${suffix}`,
          purpose: 'Podpora integrace cizinců na území hl. m. Prahy v souladu s Koncepcí 2022–2027.',
          reasons: 'Naplňování akčního plánu Koncepce hl. m. Prahy pro oblast integrace cizinců.',
          totalAllocation: '16000000.00',
          minGrant: '20000.00',
          maxGrant: '1500000.00',
          eligibleApplicantTypes: ['city_district', 'ngo'],
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          decisionDeadline: new Date(closesAt.getTime() + 120 * DAY).toISOString().slice(0, 10),
          conditions: 'Dotaci lze použít jen na uznatelné náklady projektu v období realizace.',
          coFinancingMinPercent: '10',
          costCategories: [
            { code: 'PERSONAL', name: 'Osobní náklady' },
            { code: 'SERVICES', name: 'Služby' },
          ],
          settlementDeadline: new Date(closesAt.getTime() + 400 * DAY).toISOString().slice(0, 10),
          stateAidRegime: 'none',
          budgetAreas: [
            { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '15000000.00' },
            { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' },
          ],
          criteria: CRITERIA,
          annexTypes: [
            { code: 'STATUTORY', name: 'Doklad o oprávnění jednat za žadatele', required: true, allowedFormats: ['pdf'], maxSizeMb: 5 },
            { code: 'BANK', name: 'Doklad o bankovním účtu', required: true, requiredFrom: ['ngo'], allowedFormats: ['pdf'], maxSizeMb: 5 },
          ],
          activityIds,
          ...options.call,
        },
      }),
      'call',
    );
    await ok(await api.http.post(`/api/v1/calls/${created.id}/publish`, { headers: staffHeaders, data: { version: created.version } }), 'publication');

    await api.moveClock(new Date(opensAt.getTime() + 3_600_000), `Komisní průchod ${suffix}: výzva je otevřená`);
    const applications: PreparedCall['applications'] = [];
    for (const [i, applicant] of applicants.entries()) {
      const headers = await api.as(applicant.email);
      const organisationName = `Spolek ${suffix} ${String.fromCharCode(65 + i)}`;
      const organisation = await ok<{ id: string }>(
        await api.http.post('/api/v1/organisations', {
          headers,
          data: {
            type: 'ngo',
            legalForm: 'spolek',
            name: organisationName,
            ico: freshIco(),
            seatStreet: 'Koněvova 12',
            seatCity: 'Praha 3',
            seatPostalCode: '130 00',
            bankAccount: '19-2000145399/0800',
          },
        }),
        'organisation',
      );
      // Staff verify who may act for the new organisation: until then its applications cannot be submitted.
      await ok(
        await api.http.post(`/api/v1/organisations/${organisation.id}/verification/decision`, { headers: await api.as(staff.email), data: { decision: 'verified' } }),
        'verification',
      );
      const draft = await ok<{ id: string; number: string; draftVersion: number }>(
        await api.http.post('/api/v1/applications', { headers, data: { callId: created.id, organisationId: organisation.id } }),
        'application',
      );
      const title = `Tlumočníci ve školách ${suffix} ${String.fromCharCode(65 + i)}`;
      await ok(
        await api.http.patch(`/api/v1/applications/${draft.id}`, {
          headers,
          data: {
            version: draft.draftVersion,
            project: { title, summary: 'Tlumočení a adaptační skupiny pro žáky s odlišným mateřským jazykem.' },
            budgetAreaCode: 'I',
            purpose: 'Podpora žáků-cizinců a jejich rodičů v komunikaci se školou.',
            justification: 'Ve školách Prahy 3 přibylo žáků bez znalosti češtiny.',
            period: { from: '2023-01-01', to: '2023-12-31' },
            place: { districts: ['Praha 3'] },
            targetGroups: ['děti a žáci s odlišným mateřským jazykem', 'rodiče'],
            outputs: [{ indicator: 'počet podpořených žáků', unit: 'žák', target: 120 }],
            representatives: [{ name: 'Jana Nováková', function: 'předsedkyně spolku', basis: 'statutory' }],
            beneficialOwners: [{ name: 'Jana Nováková', dateOfBirth: '1975-03-02', sharePercent: '100' }],
            holdings: [],
            declarations: { noOverdueDebts: true, oneApplicationPerPurpose: true, nonProfit: true, notYetCarriedOut: true, truthful: true },
            budgetLines: [
              { category: 'PERSONAL', description: 'Odměny tlumočníků (DPP)', totalCost: '150000.00', requested: '130000.00', otherSources: '20000.00' },
              { category: 'SERVICES', description: 'Pronájem prostor', totalCost: '50000.00', requested: '40000.00', otherSources: '10000.00' },
            ],
            activities: [
              { activityId: activityIds[0], sharePercent: '50' },
              { activityId: activityIds[1], sharePercent: '50' },
            ],
            ...options.sections?.(i),
          },
        }),
        'draft',
      );
      for (const annexType of ['STATUTORY', 'BANK']) {
        await ok(
          await api.http.post(`/api/v1/applications/${draft.id}/attachments`, {
            headers,
            multipart: { annexType, file: { name: `${annexType.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: PDF } },
          }),
          'annex',
        );
      }
      await ok(await api.http.post(`/api/v1/applications/${draft.id}/submit`, { headers }), 'submission');
      applications.push({ id: draft.id, number: draft.number, organisationId: organisation.id, organisation: organisationName, title, applicant });
    }

    await api.moveClock(new Date(closesAt.getTime() + DAY), `Komisní průchod ${suffix}: po uzávěrce`);
    const checker = await api.as(staff.email);
    for (const application of applications) {
      await ok(
        await api.http.put(`/api/v1/applications/${application.id}/formal-check`, {
          headers: checker,
          data: {
            eligibility: { result: 'ok' },
            completeness: { result: 'ok' },
            annexes: { result: 'ok' },
            budget: { result: 'ok' },
            declarations: { result: 'ok', note: 'Prohlášení podepsána.' },
          },
        }),
        'formal check',
      );
      await ok(await api.http.post(`/api/v1/applications/${application.id}/formal-check/accept`, { headers: checker }), 'acceptance');
    }
    const current = await ok<{ version: number }>(await api.http.get(`/api/v1/calls/${created.id}`, { headers: checker }), 'call');
    await ok(await api.http.post(`/api/v1/calls/${created.id}/start-evaluation`, { headers: checker, data: { version: current.version } }), 'start of the evaluation');
    return { callId: created.id, callCode: code, staff, members, applications };
  } finally {
    await api.moveClock(null, `Komisní průchod ${suffix}: zpět na skutečný čas`);
  }
}
