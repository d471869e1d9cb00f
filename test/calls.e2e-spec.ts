import type { Response } from 'supertest';
import { bearer, callPayload, createTestActivities, createTestApp, createUser, TestApp, TestUser } from '#testing';

const DAY = 86_400_000;

function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
}

describe('calls', () => {
  let t: TestApp;
  let staff: TestUser;
  let applicant: TestUser;
  let auditor: TestUser;
  let commission: TestUser;
  let activityIds: string[];

  // Publication on 10 October 2022, applications 14–24 November 2022 (the real 2023 round).
  const publication = new Date('2022-10-10T08:00:00Z');
  const opensAt = new Date('2022-11-14T00:00:00+01:00');
  const closesAt = new Date('2022-11-25T00:00:00+01:00');

  beforeAll(async () => {
    t = await createTestApp();
    [staff, applicant, auditor, commission] = await Promise.all([
      createUser(t, ['staff'], 'call-staff'),
      createUser(t, ['applicant'], 'call-applicant'),
      createUser(t, ['auditor'], 'call-auditor'),
      createUser(t, ['commission_member'], 'call-commission'),
    ]);
    activityIds = await createTestActivities(t);
  });
  afterAll(() => t.close());

  beforeEach(() => t.clock.set(publication));

  const create = (body: Record<string, unknown>, user = staff) => t.http.post('/calls').set(bearer(user)).send(body);
  const publish = (id: string, version: number) => t.http.post(`/calls/${id}/publish`).set(bearer(staff)).send({ version });

  it('keeps an incomplete draft and refuses to publish it, naming every missing element of § 10c(2)', async () => {
    const draft = await create({ code: `D-${Date.now()}`, year: 2023, title: 'Rozpracovaná výzva pro rok 2023' }).expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', version: 1, purpose: '', budgetAreas: [] });
    const refused = await publish(draft.body.id, draft.body.version);
    expectProblem(refused, 422, 'CALL_INCOMPLETE');
    const fields = (refused.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'purpose',
        'reasons',
        'totalAllocation',
        'maxGrant',
        'eligibleApplicantTypes',
        'opensAt',
        'closesAt',
        'criteria',
        'decisionDeadline',
        'conditions',
        'annexTypes',
        'budgetAreas',
        'activityIds',
      ]),
    );
    expect(refused.body.detail).toContain('purpose');
    const still = await t.http.get(`/calls/${draft.body.id}`).set(bearer(staff)).expect(200);
    expect(still.body.status).toBe('draft');
  });

  it('refuses publication when the application period opens fewer than 30 days later, and allows it at 30', async () => {
    t.clock.set(new Date(opensAt.getTime() - 29 * DAY));
    const call = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    const early = await publish(call.body.id, call.body.version);
    expectProblem(early, 422, 'PUBLICATION_TOO_LATE');
    expect(early.body.errors[0].field).toBe('opensAt');
    expect(early.body.detail).toContain('30');
    t.clock.set(new Date('2022-10-15T09:00:00+02:00')); // 30 Prague calendar days before 14 November
    const published = await publish(call.body.id, call.body.version).expect(200);
    expect(published.body).toMatchObject({ status: 'published', statusName: { cs: 'zveřejněný' }, publishedAt: '2022-10-15T07:00:00.000Z' });
  });

  it('lists what still stops publication (the same checks as publish) and the date rule, for staff only', async () => {
    const draft = await create({ code: `PC-${Date.now()}`, year: 2023, title: 'Výzva ke kontrole zveřejnění' }).expect(201);
    const check = (id: string, user = staff) => t.http.get(`/calls/${id}/publication-check`).set(bearer(user));
    const empty = (await check(draft.body.id).expect(200)).body;
    expect(empty).toMatchObject({
      callId: draft.body.id,
      status: 'draft',
      ready: false,
      today: '2022-10-10',
      minDaysFromPublicationToOpening: 30,
      earliestOpeningDate: '2022-11-09',
    });
    expect(empty.blockers.map((b: { field: string }) => b.field)).toEqual(expect.arrayContaining(['purpose', 'criteria', 'opensAt', 'activityIds']));
    expect(empty.blockers[0].message.cs).toContain('Chybí');
    t.clock.set(new Date(opensAt.getTime() - 29 * DAY));
    const call = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    const early = (await check(call.body.id).expect(200)).body;
    expect(early).toMatchObject({ ready: false, blockers: [expect.objectContaining({ field: 'opensAt', code: 'PUBLICATION_TOO_LATE' })] });
    t.clock.set(new Date('2022-10-15T09:00:00+02:00'));
    expect((await check(call.body.id).expect(200)).body).toMatchObject({ ready: true, blockers: [] });
    expect((await check(call.body.id, applicant)).status).toBe(403);
    expectProblem(await check('00000000-0000-4000-8000-000000000000'), 404, 'CALL_NOT_FOUND');
  });

  it('refuses overlapping amounts and periods on save, and invalid money as a field error', async () => {
    expectProblem(await create(callPayload(activityIds, opensAt, closesAt, { minGrant: '2000000.00' })), 422, 'VALIDATION_FAILED');
    const reversed = await create(callPayload(activityIds, closesAt, opensAt));
    expectProblem(reversed, 422, 'VALIDATION_FAILED');
    expect(reversed.body.errors.map((e: { code: string }) => e.code)).toContain('PERIOD_REVERSED');
    const comma = await create(callPayload(activityIds, opensAt, closesAt, { totalAllocation: '16 000 000,00' }));
    expectProblem(comma, 422, 'VALIDATION_FAILED');
    expect(comma.body.errors).toContainEqual(expect.objectContaining({ field: 'totalAllocation', code: 'isAmount' }));
    const notActivity = await create(callPayload(activityIds, opensAt, closesAt, { activityIds: [staff.id] }));
    expect(notActivity.body.errors).toContainEqual(expect.objectContaining({ field: 'activityIds', code: 'NOT_AN_ACTIVITY' }));
    const format = await create(
      callPayload(activityIds, opensAt, closesAt, { annexTypes: [{ code: 'X', name: 'Spustitelný soubor', required: true, allowedFormats: ['exe'], maxSizeMb: 1 }] }),
    );
    expect(format.body.errors).toContainEqual(expect.objectContaining({ field: 'annexTypes.0.allowedFormats', code: 'UNKNOWN_FORMAT' }));
    const taken = callPayload(activityIds, opensAt, closesAt);
    await create(taken).expect(201);
    expectProblem(await create(taken), 422, 'CALL_CODE_TAKEN');
    expectProblem(await create({ ...callPayload(activityIds, opensAt, closesAt), status: 'open' }), 422, 'VALIDATION_FAILED');
  });

  it('changes a published call only by a numbered amendment with a reason, shown to the public', async () => {
    const call = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    const published = await publish(call.body.id, call.body.version).expect(200);
    const silent = await t.http.patch(`/calls/${call.body.id}`).set(bearer(staff)).send({ version: published.body.version, maxGrant: '900000.00' });
    expectProblem(silent, 409, 'CALL_PUBLISHED');

    const amended = await t.http
      .post(`/calls/${call.body.id}/amendments`)
      .set(bearer(staff))
      .send({ version: published.body.version, reason: 'Prodloužení lhůty kvůli výpadku portálu', changes: { closesAt: new Date(closesAt.getTime() + 2 * DAY).toISOString() } })
      .expect(201);
    expect(amended.body.amendments).toEqual([
      expect.objectContaining({
        number: 1,
        reason: 'Prodloužení lhůty kvůli výpadku portálu',
        changes: [{ field: 'closesAt', before: closesAt.toISOString(), after: new Date(closesAt.getTime() + 2 * DAY).toISOString() }],
      }),
    ]);

    const stale = await t.http
      .post(`/calls/${call.body.id}/amendments`)
      .set(bearer(staff))
      .send({ version: published.body.version, reason: 'Jiná změna', changes: { maxGrant: '900000.00' } });
    expectProblem(stale, 409, 'STALE_VERSION');
    expect(stale.body.current.amendments).toHaveLength(1);

    const empty = await t.http
      .post(`/calls/${call.body.id}/amendments`)
      .set(bearer(staff))
      .send({ version: amended.body.version, reason: 'Nic nového', changes: { maxGrant: '1500000.00' } });
    expectProblem(empty, 422, 'AMENDMENT_EMPTY');
    const tooSoon = await t.http
      .post(`/calls/${call.body.id}/amendments`)
      .set(bearer(staff))
      .send({ version: amended.body.version, reason: 'Dřívější otevření', changes: { opensAt: new Date(opensAt.getTime() - 10 * DAY).toISOString() } });
    expectProblem(tooSoon, 422, 'PUBLICATION_TOO_LATE');

    const publicView = await t.http.get(`/public/calls/${call.body.id}`).expect(200);
    expect(publicView.body.amendments).toHaveLength(1);
    expect(publicView.body.closesAt).toBe(new Date(closesAt.getTime() + 2 * DAY).toISOString());
  });

  it('amends budget areas, criteria, annex types and activities as the stage allows, refusals named at their field', async () => {
    const payload = callPayload(activityIds, opensAt, closesAt);
    const call = await create(payload).expect(201);
    let current = (await publish(call.body.id, call.body.version).expect(200)).body;
    const amend = (changes: Record<string, unknown>) =>
      t.http.post(`/calls/${call.body.id}/amendments`).set(bearer(staff)).send({ version: current.version, reason: 'Úprava okruhů a kritérií', changes });

    // Before the period opens: allocations move between areas, a criterion's weight changes, an activity goes.
    const areas = [
      { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '14000000.00' },
      { code: 'II', name: 'Okruh II – publikace a audiovizuální díla', allocation: '2000000.00' },
    ];
    const criteria = payload.criteria.map((c) => (c.code === 'K3' ? { ...c, weight: '2' } : c));
    const amended = await amend({ budgetAreas: areas, criteria, activityIds: activityIds.slice(0, 1) }).expect(201);
    expect(amended.body.budgetAreas.map((a: { allocation: string }) => a.allocation)).toEqual(['14000000.00', '2000000.00']);
    expect(amended.body.activities.map((a: { id: string }) => a.id)).toEqual(activityIds.slice(0, 1));
    expect(amended.body.amendments[0].changes.map((c: { field: string }) => c.field).sort()).toEqual(['activities', 'budgetAreas', 'criteria']);
    current = amended.body;

    // Refusals come back at the amendment's own fields.
    const over = await amend({ budgetAreas: [{ ...areas[0], allocation: '15500000.00' }, areas[1]] });
    expectProblem(over, 422, 'CALL_INCOMPLETE');
    expect(over.body.errors).toContainEqual(expect.objectContaining({ field: 'changes.budgetAreas' }));
    const twice = await amend({ budgetAreas: [areas[0], { ...areas[1], code: 'I' }] });
    expectProblem(twice, 422, 'VALIDATION_FAILED');
    expect(twice.body.errors).toContainEqual(expect.objectContaining({ field: 'changes.budgetAreas', code: 'DUPLICATE_CODE' }));
    const threshold = await amend({ criteria: criteria.map((c, i) => (i === 0 ? { ...c, minScore: 25 } : c)) });
    expect(threshold.body.errors).toContainEqual(expect.objectContaining({ field: 'changes.criteria.0.minScore', code: 'THRESHOLD_ABOVE_MAX' }));

    // Once applications may have been filed: no new required annex, an optional one is fine.
    t.clock.set(new Date(opensAt.getTime() + DAY));
    current = (await t.http.get(`/calls/${call.body.id}`).set(bearer(staff)).expect(200)).body;
    const required = await amend({ annexTypes: [...payload.annexTypes, { code: 'NEW', name: 'Nová povinná příloha', required: true, allowedFormats: ['pdf'], maxSizeMb: 5 }] });
    expectProblem(required, 422, 'AMENDMENT_NOT_ALLOWED');
    expect(required.body.errors).toContainEqual(expect.objectContaining({ field: 'changes.annexTypes', code: 'REQUIRED_ANNEX_ADDED' }));
    const optional = await amend({
      annexTypes: [...payload.annexTypes, { code: 'NEW', name: 'Nová nepovinná příloha', required: false, allowedFormats: ['pdf'], maxSizeMb: 5 }],
    }).expect(201);
    expect(optional.body.annexTypes.map((a: { code: string }) => a.code)).toContain('NEW');
  });

  it('opens and closes by the clock, audits each transition, and refuses transitions out of order', async () => {
    const call = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    let current = (await publish(call.body.id, call.body.version).expect(200)).body;
    expectProblem(await t.http.post(`/calls/${call.body.id}/start-evaluation`).set(bearer(staff)).send({ version: current.version }), 409, 'INVALID_STATE');

    t.clock.set(new Date(opensAt.getTime() - 1000));
    expect((await t.http.get(`/calls/${call.body.id}`).set(bearer(staff))).body.status).toBe('published');
    t.clock.set(opensAt);
    expect((await t.http.get(`/calls/${call.body.id}`).set(bearer(staff))).body.status).toBe('open');
    t.clock.set(closesAt);
    current = (await t.http.get(`/calls/${call.body.id}`).set(bearer(staff))).body;
    expect(current.status).toBe('closed');

    current = (await t.http.post(`/calls/${call.body.id}/start-evaluation`).set(bearer(staff)).send({ version: current.version }).expect(200)).body;
    current = (await t.http.post(`/calls/${call.body.id}/mark-decided`).set(bearer(staff)).send({ version: current.version }).expect(200)).body;
    // 10 Oct → 20 Dec is fewer than 90 days of publication.
    t.clock.set(new Date('2022-12-20T10:00:00Z'));
    const early = await t.http.post(`/calls/${call.body.id}/archive`).set(bearer(staff)).send({ version: current.version });
    expectProblem(early, 409, 'CALL_MIN_PUBLICATION');
    t.clock.set(new Date('2023-01-09T10:00:00Z'));
    current = (await t.http.post(`/calls/${call.body.id}/archive`).set(bearer(staff)).send({ version: current.version }).expect(200)).body;
    expect(current.status).toBe('archived');

    const audit = await t.http.get('/audit-log').query({ objectId: call.body.id, pageSize: 50 }).set(bearer(auditor)).expect(200);
    const transitions = (audit.body.items as { action: string; after: { status: string } }[]).filter((e) => e.action === 'call.status_changed').map((e) => e.after.status);
    expect(transitions.sort()).toEqual(['archived', 'closed', 'decided', 'in_evaluation', 'open', 'published'].sort());
  });

  /** The SQL the API runs while `work` runs (this file's application only). */
  async function queriesDuring(work: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const logger = t.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query: string) => void seen.push(query);
    try {
      await work();
    } finally {
      logger.logQuery = original;
    }
    return seen;
  }

  it('reads never write: the status is derived as at now, and stored by the next write on the call', async () => {
    const call = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    const published = (await publish(call.body.id, call.body.version).expect(200)).body;
    t.clock.set(closesAt);
    const reads = await queriesDuring(async () => {
      expect((await t.http.get(`/calls/${call.body.id}`).set(bearer(staff)).expect(200)).body).toMatchObject({ status: 'closed', version: published.version });
      expect((await t.http.get(`/public/calls/${call.body.id}`).expect(200)).body.status).toBe('closed');
      await t.http.get('/public/calls').expect(200);
      await t.http.get('/calls').query({ status: 'closed', pageSize: 200 }).set(bearer(staff)).expect(200);
    });
    expect(reads.length).toBeGreaterThan(4);
    expect(reads.filter((q) => /^\s*(INSERT|UPDATE|DELETE|START TRANSACTION|BEGIN)/i.test(q))).toEqual([]);
    const [stored] = await t.dataSource.query<{ status: string }[]>('SELECT status FROM grant_call WHERE id = $1', [call.body.id]);
    expect(stored.status).toBe('published');
    const closedList = await t.http.get('/calls').query({ status: 'closed', pageSize: 200 }).set(bearer(staff)).expect(200);
    expect(closedList.body.items.map((c: { id: string }) => c.id)).toContain(call.body.id);
    expect((await t.http.get('/public/calls').query({ pageSize: 200 }).expect(200)).body.items.map((c: { id: string }) => c.id)).not.toContain(call.body.id);

    // The next write stores the clock's moves (history and audit) before its own.
    const evaluating = (await t.http.post(`/calls/${call.body.id}/start-evaluation`).set(bearer(staff)).send({ version: published.version }).expect(200)).body;
    expect(evaluating.status).toBe('in_evaluation');
    const history = await t.dataSource.query<{ to_status: string; reason: string | null }[]>('SELECT to_status, reason FROM call_status_change WHERE call_id = $1', [call.body.id]);
    expect(
      history
        .filter((h) => h.reason === 'clock')
        .map((h) => h.to_status)
        .sort(),
    ).toEqual(['closed', 'open']);
    expect(history.map((h) => h.to_status).sort()).toEqual(['closed', 'draft', 'in_evaluation', 'open', 'published']);
  });

  it('lists calls in a constant number of queries, however many rows the page has', async () => {
    for (let i = 0; i < 3; i++) await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    // Only the listing's own reads: the app's background work (the audit witness, sessions) shares the data source.
    const callQueries = (queries: string[]) => queries.filter((q) => /grant_call|call_(budget_area|criterion|annex_type|activity)/.test(q)).length;
    const count = async (pageSize: number) => callQueries(await queriesDuring(() => t.http.get('/calls').query({ pageSize }).set(bearer(staff)).expect(200)));
    const one = await count(1);
    expect(await count(3)).toBe(one);
    expect(one).toBeLessThanOrEqual(10);
    const publicOne = callQueries(await queriesDuring(() => t.http.get('/public/calls').query({ pageSize: 1 }).expect(200)));
    expect(callQueries(await queriesDuring(() => t.http.get('/public/calls').query({ pageSize: 50 }).expect(200)))).toBe(publicOne);
  });

  it('shows upcoming and open calls to the public without signing in, never drafts', async () => {
    const draft = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    const published = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    await publish(published.body.id, published.body.version).expect(200);
    const list = await t.http.get('/public/calls').query({ pageSize: 200 }).expect(200);
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(published.body.id);
    expect(ids).not.toContain(draft.body.id);
    const full = list.body.items.find((c: { id: string }) => c.id === published.body.id);
    expect(full).toMatchObject({
      criteria: expect.arrayContaining([expect.objectContaining({ code: 'K2', minScore: 8 })]),
      annexTypes: expect.any(Array),
      budgetAreas: expect.any(Array),
    });
    expectProblem(await t.http.get(`/public/calls/${draft.body.id}`), 404, 'CALL_NOT_FOUND');
  });

  it('lets only staff manage calls; auditors read, applicants and commission members use the public board', async () => {
    const call = await create(callPayload(activityIds, opensAt, closesAt)).expect(201);
    expectProblem(await create(callPayload(activityIds, opensAt, closesAt), applicant), 403, 'PERMISSION_DENIED');
    expectProblem(await t.http.get('/calls').set(bearer(commission)), 403, 'PERMISSION_DENIED');
    expectProblem(await t.http.get(`/calls/${call.body.id}`).set(bearer(applicant)), 403, 'PERMISSION_DENIED');
    await t.http.get(`/calls/${call.body.id}`).set(bearer(auditor)).expect(200);
    expectProblem(await t.http.patch(`/calls/${call.body.id}`).set(bearer(auditor)).send({ version: 1, title: 'Změna auditorem' }), 403, 'PERMISSION_DENIED');
    expectProblem(await t.http.post('/calls').send(callPayload(activityIds, opensAt, closesAt)), 401, 'NOT_AUTHENTICATED');
  });
});
