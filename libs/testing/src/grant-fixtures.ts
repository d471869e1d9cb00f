import { createHash, randomUUID } from 'node:crypto';
import type { ApplicationView } from '#applications';
import type { CallView } from '#calls';
import { systemActor } from '#core';
import type { Role } from '#core';
import { OrganisationVerificationService } from '#organisations';
import { bearer, createUser, organisationPayload, TestApp, TestUser } from './test-app.js';

const DAY = 86_400_000;

/** A small action plan of our own (priority → area → sub-goal → measure → three activities), so tests need not import the seeds. */
export async function createTestActivities(t: TestApp): Promise<string[]> {
  const versionId = randomUUID();
  await t.dataSource.query(
    `INSERT INTO strategy_version (id, kind, title, year, period_from, period_to, source_sha256, source_name, imported_at, counts, unplaced)
     VALUES ($1, 'action-plan', 'Testovací akční plán', 2023, 2023, 2023, $2, 'test', now(), '{}', '[]')`,
    [versionId, createHash('sha256').update(versionId).digest('hex')],
  );
  const node = async (parentId: string | null, level: string, code: string, name: string, position: number) => {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO strategy_node (id, version_id, parent_id, level, code, name, position, source_line, search_text, funded_by_grant_programme)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1, lower($6), $8)`,
      [id, versionId, parentId, level, code, name, position, level === 'activity'],
    );
    return id;
  };
  const priority = await node(null, 'priority', '4', 'Vzdělávání', 1);
  const area = await node(priority, 'area', '4.A', 'Podpora vzdělávání dětí a žáků', 1);
  const subgoal = await node(area, 'subgoal', '10', 'Rovný přístup ke vzdělání', 1);
  const measure = await node(subgoal, 'measure', '10.I', 'Podpora škol', 1);
  return [
    await node(measure, 'activity', '10.I.1', 'Komunitní tlumočení ve školách', 1),
    await node(measure, 'activity', '10.I.2', 'Kurzy češtiny pro děti', 2),
    await node(measure, 'activity', '10.I.3', 'Adaptační skupiny', 3),
  ];
}

/** A complete call whose application period is [opensAt, closesAt). */
export function callPayload(activityIds: string[], opensAt: Date, closesAt: Date, overrides: Record<string, unknown> = {}) {
  return {
    code: `T-${randomUUID().slice(0, 8)}`,
    year: 2023,
    title: 'Dotační program hl. m. Prahy pro oblast integrace cizinců pro rok 2023',
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
      { code: 'MATERIAL', name: 'Materiál' },
    ],
    settlementDeadline: new Date(closesAt.getTime() + 400 * DAY).toISOString().slice(0, 10),
    stateAidRegime: 'none',
    budgetAreas: [
      { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '15000000.00' },
      { code: 'II', name: 'Okruh II – publikace a audiovizuální díla', allocation: '1000000.00' },
    ],
    criteria: [
      { code: 'K1', name: 'Soulad s akčním plánem', maxScore: 20, weight: '2' },
      { code: 'K2', name: 'Kvalita a proveditelnost', maxScore: 20, weight: '1', minScore: 8 },
      { code: 'K3', name: 'Přiměřenost rozpočtu', maxScore: 10, weight: '1' },
    ],
    annexTypes: [
      { code: 'STATUTORY', name: 'Doklad o oprávnění jednat za žadatele', required: true, allowedFormats: ['pdf'], maxSizeMb: 5 },
      { code: 'BANK', name: 'Doklad o bankovním účtu', required: true, requiredFrom: ['ngo'], allowedFormats: ['pdf', 'jpeg', 'png'], maxSizeMb: 5 },
      { code: 'OTHER', name: 'Další přílohy', required: false, allowedFormats: ['pdf', 'docx'], maxSizeMb: 10 },
    ],
    activityIds,
    ...overrides,
  };
}

/** Creates and publishes a call 31 days before it opens, then moves the clock into its application period. */
export async function openCall(t: TestApp, staff: TestUser, activityIds: string[], opensAt: Date, closesAt: Date, overrides: Record<string, unknown> = {}) {
  t.clock.set(new Date(opensAt.getTime() - 31 * DAY));
  const created = await t.http
    .post('/calls')
    .set(bearer(staff))
    .send(callPayload(activityIds, opensAt, closesAt, overrides));
  if (created.status !== 201) throw new Error(`call not created: ${JSON.stringify(created.body)}`);
  const published = await t.http.post(`/calls/${created.body.id}/publish`).set(bearer(staff)).send({ version: created.body.version });
  if (published.status !== 200) throw new Error(`call not published: ${JSON.stringify(published.body)}`);
  t.clock.set(new Date(opensAt.getTime() + 3_600_000));
  return published.body as CallView;
}

/** Staff's verification of who may act for the organisation, made by the test harness. */
export async function verifyOrganisation(t: TestApp, organisationId: string): Promise<void> {
  await t.app.get(OrganisationVerificationService).decide(systemActor(`test-${randomUUID()}`), organisationId, 'verified', 'Testovací data');
}

export async function applicantWithOrganisation(t: TestApp, type: 'ngo' | 'city_district' | 'other' = 'ngo', roles: Role[] = ['applicant']) {
  const user = await createUser(t, roles, `applicant-${type}`);
  const overrides = type === 'ngo' ? {} : { type, legalForm: undefined, name: `Městská část ${randomUUID().slice(0, 4)}` };
  const organisation = await t.http.post('/organisations').set(bearer(user)).send(organisationPayload(overrides));
  if (organisation.status !== 201) throw new Error(`organisation not created: ${JSON.stringify(organisation.body)}`);
  // Test organisations act at once, as if staff had verified the owner's authority (audited like any decision).
  await verifyOrganisation(t, organisation.body.id as string);
  return { user, organisationId: organisation.body.id as string };
}

/** Every section of the form filled in correctly for `call` (budget 200 000 Kč, 170 000 Kč requested). */
export function completeSections(call: CallView) {
  const [a1, a2] = call.activities.map((a: { id: string }) => a.id);
  return {
    project: { title: 'Komunitní tlumočníci ve školách – Žižkov a Řeporyje', summary: 'Tlumočení a adaptační skupiny pro žáky s odlišným mateřským jazykem.' },
    budgetAreaCode: 'I',
    purpose: 'Podpora žáků-cizinců a jejich rodičů v komunikaci se školou.',
    justification: 'Ve školách Prahy 3 přibylo žáků bez znalosti češtiny.',
    period: { from: '2023-01-01', to: '2023-12-31' },
    place: { districts: ['Praha 3', 'Praha-Řeporyje'] },
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
      { activityId: a1, sharePercent: '66.67' },
      { activityId: a2, sharePercent: '33.33' },
    ],
  };
}

/** The smallest byte sequence a PDF sniffer accepts, with some content after it. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f6a5e20000000049454e44ae426082',
  'hex',
);

export function uploadAnnex(t: TestApp, user: TestUser, applicationId: string, annexType: string, bytes: Buffer = PDF_BYTES, fileName = 'doklad.pdf') {
  return t.http.post(`/applications/${applicationId}/attachments`).set(bearer(user)).field('annexType', annexType).attach('file', bytes, fileName);
}

/** A draft with every section filled and the required annexes attached, ready to submit. */
export async function readyApplication(t: TestApp, user: TestUser, organisationId: string, call: CallView) {
  const created = await t.http.post('/applications').set(bearer(user)).send({ callId: call.id, organisationId });
  if (created.status !== 201) throw new Error(`application not created: ${JSON.stringify(created.body)}`);
  const saved = await t.http
    .patch(`/applications/${created.body.id}`)
    .set(bearer(user))
    .send({ version: created.body.draftVersion, ...completeSections(call) });
  if (saved.status !== 200) throw new Error(`draft not saved: ${JSON.stringify(saved.body)}`);
  for (const annex of ['STATUTORY', 'BANK']) {
    const uploaded = await uploadAnnex(t, user, created.body.id, annex);
    if (uploaded.status !== 201) throw new Error(`annex not uploaded: ${JSON.stringify(uploaded.body)}`);
  }
  const ready = await t.http.get(`/applications/${created.body.id}`).set(bearer(user));
  return ready.body as ApplicationView;
}

/** The reason a resolution in a test gives for deciding without a closed commission session (tests that do not run one). */
export const WITHOUT_COMMISSION = 'Komise v testu nezasedala; rozhoduje se bez jejího doporučení.';

/** The formal-check checklist with every item confirmed. */
export const ALL_CHECKS_OK = {
  eligibility: { result: 'ok' },
  completeness: { result: 'ok' },
  annexes: { result: 'ok' },
  budget: { result: 'ok' },
  declarations: { result: 'ok', note: 'Prohlášení podepsána.' },
};

/**
 * A call in evaluation with `count` formally accepted applications of different NGOs (`leaveSubmitted`: the last ones
 * stay only submitted), each with its
 * own requested amount (`requested(i)`, default 170 000 Kč) in budget area I. The clock ends after
 * the deadline; tokens issued earlier may have expired, so sign people in again afterwards.
 */
export async function callInEvaluation(
  t: TestApp,
  activityIds: string[],
  opensAt: Date,
  count: number,
  requested?: (index: number) => string,
  callOverrides: Record<string, unknown> = {},
  options: { leaveSubmitted?: number } = {},
) {
  t.clock.set(new Date(opensAt.getTime() - 31 * DAY)); // where openCall creates the call: the token must be fresh there
  const staff = await createUser(t, ['staff']);
  const call = await openCall(t, staff, activityIds, opensAt, new Date(opensAt.getTime() + 10 * DAY), callOverrides);
  const applications: { id: string; number: string; organisationId: string; user: TestUser }[] = [];
  for (let i = 0; i < count; i++) {
    const applicant = await applicantWithOrganisation(t);
    const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
    if (requested) {
      // Half from the grant, half from other sources: well within any co-financing rule.
      const amount = requested(i);
      const patched = await t.http
        .patch(`/applications/${app.id}`)
        .set(bearer(applicant.user))
        .send({
          version: app.draftVersion,
          budgetLines: [{ category: 'PERSONAL', description: 'Mzdy tlumočníků', totalCost: addAmounts(amount, amount), requested: amount, otherSources: amount }],
        });
      if (patched.status !== 200) throw new Error(`budget not saved: ${JSON.stringify(patched.body)}`);
    }
    const submitted = await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user));
    if (submitted.status !== 201) throw new Error(`not submitted: ${JSON.stringify(submitted.body)}`);
    applications.push({ id: app.id, number: app.number, organisationId: applicant.organisationId, user: applicant.user });
  }
  t.clock.set(new Date(new Date(call.closesAt).getTime() + DAY));
  const checker = await createUser(t, ['staff']);
  // The last `leaveSubmitted` applications stay submitted, formally unchecked (to be excluded or accepted later).
  for (const app of applications.slice(0, applications.length - (options.leaveSubmitted ?? 0))) {
    const check = await t.http.put(`/applications/${app.id}/formal-check`).set(bearer(checker)).send(ALL_CHECKS_OK);
    if (check.status !== 200) throw new Error(`formal check not saved: ${JSON.stringify(check.body)}`);
    const accepted = await t.http.post(`/applications/${app.id}/formal-check/accept`).set(bearer(checker));
    if (accepted.status !== 200) throw new Error(`not accepted: ${JSON.stringify(accepted.body)}`);
  }
  const current = await t.http.get(`/calls/${call.id}`).set(bearer(checker));
  const started = await t.http.post(`/calls/${call.id}/start-evaluation`).set(bearer(checker)).send({ version: current.body.version });
  if (started.status !== 200) throw new Error(`evaluation not started: ${JSON.stringify(started.body)}`);
  return { staff: checker, call: started.body as CallView, applications };
}

function addAmounts(a: string, b: string): string {
  const cents = BigInt(a.replace('.', '')) + BigInt(b.replace('.', ''));
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
