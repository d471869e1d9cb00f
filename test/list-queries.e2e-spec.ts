import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { UserService } from '#identity';
import { Notifier } from '#notifications';
import {
  applicantWithOrganisation,
  bearer,
  callInEvaluation,
  createTestActivities,
  createTestApp,
  createUser,
  decide,
  effectiveAgreement,
  openCall,
  organisationPayload,
  signIn,
  TEST_PASSWORD,
  TestApp,
  TestUser,
} from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Every paginated list answers in a constant number of queries, whatever the page size: each list is
 * read at 5 and at 50 rows and its own queries counted (only those touching its tables: the app's
 * background work, such as the audit witness and the outbox relay, shares the data source).
 * The call list has its own test in calls.e2e-spec.ts.
 */
describe('lists: a constant number of queries per page', () => {
  let t: TestApp;
  let staff: TestUser;
  let admin: TestUser;
  let auditor: TestUser;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    t = await createTestApp();
    [staff, admin, auditor] = await Promise.all([createUser(t, ['staff'], 'lists-staff'), createUser(t, ['admin'], 'lists-admin'), createUser(t, ['auditor'], 'lists-auditor')]);
  });
  afterAll(() => t.close());

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

  /** Reads the list at 5 and at 50 rows (both pages full) and answers the two counts of its own queries. */
  async function counts(tables: RegExp, read: (pageSize: number) => Promise<Response>): Promise<[number, number]> {
    const at = async (pageSize: number) => {
      let items = 0;
      const queries = await queriesDuring(async () => {
        const response = await read(pageSize);
        expect(response.status).toBe(200);
        items = (response.body as { items: unknown[] }).items.length;
      });
      expect(items).toBe(pageSize);
      const own = queries.filter((q) => tables.test(q)).length;
      expect(own).toBeGreaterThan(0); // the filter sees the list's own reads
      return own;
    };
    return [await at(5), await at(50)];
  }

  it('applications', async () => {
    const activities = await createTestActivities(t);
    const call = await openCall(t, staff, activities, new Date(Date.now() + 40 * DAY), new Date(Date.now() + 50 * DAY));
    const { user, organisationId } = await applicantWithOrganisation(t);
    for (let i = 0; i < 50; i++) await t.http.post('/applications').set(bearer(user)).send({ callId: call.id, organisationId }).expect(201);
    const [five, fifty] = await counts(/\b(application|remedy_request|grant_call|organisation|call_budget_area)\b/, (pageSize) =>
      t.http.get('/applications').query({ callId: call.id, pageSize }).set(bearer(user)),
    );
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(4);
  });

  it('organisations and the audit log', async () => {
    // Other tests move the clock: sign in afresh as at now.
    [staff, auditor] = await Promise.all([signIn(t, staff), signIn(t, auditor)]);
    const creator = await createUser(t, ['staff'], 'lists-creator');
    for (let i = 0; i < 50; i++)
      await t.http
        .post('/organisations')
        .set(bearer(creator))
        .send(organisationPayload({ name: `Spolek ${tag} č. ${i}` }))
        .expect(201);
    const [five, fifty] = await counts(/\borganisation(_verification|_member)?\b/, (pageSize) => t.http.get('/organisations').query({ search: tag, pageSize }).set(bearer(staff)));
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(4);

    // The list's own reads use the alias "e"; the audit witness reads the head on its own.
    const [auditFive, auditFifty] = await counts(/"audit_log" "e"/, (pageSize) => t.http.get('/audit-log').query({ actorUserId: creator.id, pageSize }).set(bearer(auditor)));
    expect(auditFifty).toBe(auditFive);
    expect(auditFive).toBeLessThanOrEqual(3);
  });

  it('payments', async () => {
    const setup = await callInEvaluation(t, await createTestActivities(t), new Date(Date.now() + 900 * DAY), 1);
    const [application] = setup.applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [application.organisationId]);
    auditor = await signIn(t, auditor);
    await decide(t, setup.staff, setup.call.id, application.id, '170000.00').expect(201);
    const agreementId = await effectiveAgreement(t, setup.staff, application.id, ['170000.00']);
    // Fifty cancelled orders (they reserve nothing), written directly: the list is what is measured here.
    await t.dataSource.query(
      `INSERT INTO payment (id, agreement_id, tranche_no, amount, status, ordered_by, ordered_at, version)
       SELECT gen_random_uuid(), $1, 1, 1000, 'cancelled', $2, now() - make_interval(secs => n), 2 FROM generate_series(1, 50) n`,
      [agreementId, setup.staff.id],
    );
    const [five, fifty] = await counts(/\b(payment|agreement)\b/, (pageSize) => t.http.get('/payments').query({ callId: setup.call.id, pageSize }).set(bearer(auditor)));
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(3);
  });

  it('agreements', async () => {
    const setup = await callInEvaluation(t, await createTestActivities(t), new Date(Date.now() + 950 * DAY), 1);
    const [application] = setup.applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [application.organisationId]);
    auditor = await signIn(t, auditor);
    await decide(t, setup.staff, setup.call.id, application.id, '170000.00').expect(201);
    const agreementId = await effectiveAgreement(t, setup.staff, application.id, ['170000.00']);
    // Fifty more signed agreements of the call, copies of the real one (and of its application, one agreement each), written directly: the list is what is measured here.
    await t.dataSource.query(
      `INSERT INTO application
       SELECT (jsonb_populate_record(NULL::application, to_jsonb(a) || jsonb_build_object('id', gen_random_uuid(), 'number', a.number || '-' || n))).*
         FROM application a, generate_series(1, 50) n WHERE a.id = $1`,
      [application.id],
    );
    await t.dataSource.query(
      `INSERT INTO agreement
       SELECT (jsonb_populate_record(NULL::agreement, to_jsonb(g) || jsonb_build_object('id', gen_random_uuid(), 'application_id', c.id, 'number', g.number || '-' || c.number,
                                                                               'status', 'signed', 'published_on', NULL, 'register_id', NULL))).*
         FROM agreement g JOIN application c ON c.number LIKE $2 || '-%' WHERE g.id = $1`,
      [agreementId, application.number],
    );
    const [five, fifty] = await counts(/\b(agreement|application|organisation|grant_call)\b/, (pageSize) =>
      t.http.get('/agreements').query({ callId: setup.call.id, status: 'signed', pageSize }).set(bearer(auditor)),
    );
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(3);
  });

  it('users', async () => {
    admin = await signIn(t, admin);
    const users = t.app.get(UserService);
    for (let i = 0; i < 50; i++) {
      await users.create(
        { userId: null, roles: [], correlationId: `test-${randomUUID()}`, language: 'cs' },
        { email: `lists-${tag}-${i}@test.praha.eu`, displayName: `Seznam ${tag}`, password: TEST_PASSWORD, roles: ['applicant'] },
      );
    }
    const [five, fifty] = await counts(/FROM "app_user" "u"/, (pageSize) =>
      t.http
        .get('/users')
        .query({ search: `lists-${tag}`, pageSize })
        .set(bearer(admin)),
    );
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(3);
  });

  it('notifications', async () => {
    const reader = await createUser(t, ['applicant'], 'lists-reader');
    const notifier = t.app.get(Notifier);
    for (let i = 0; i < 50; i++) {
      await notifier.notify({
        kind: 'call_published',
        userIds: [reader.id],
        params: {
          callId: randomUUID(),
          callCode: `NMC-${i}`,
          callTitle: `Výzva ${i}`,
          applicationsFrom: '2030-01-01T00:00:00.000Z',
          applicationsUntil: '2030-02-01T00:00:00.000Z',
          allocation: '1000000.00',
        },
        dedupeKey: `lists-${tag}-${i}`,
      });
    }
    const [five, fifty] = await counts(/\bnotification\b/, (pageSize) => t.http.get('/me/notifications').query({ pageSize }).set(bearer(reader)));
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(3);

    // The same rows as dead letters, for the operators' list.
    await t.dataSource.query(`UPDATE notification SET email_status = 'dead', email_dead_reason = 'outcome_unknown' WHERE user_id = $1`, [reader.id]);
    const operator = await signIn(t, staff);
    const [deadFive, deadFifty] = await counts(/\bnotification\b/, (pageSize) => t.http.get('/admin/dead-letters').query({ pageSize }).set(bearer(operator)));
    expect(deadFifty).toBe(deadFive);
    expect(deadFive).toBeLessThanOrEqual(2);
  });

  it('strategy search', async () => {
    const [activityId] = await createTestActivities(t);
    const [{ versionId }] = await t.dataSource.query<{ versionId: string }[]>('SELECT version_id AS "versionId" FROM strategy_node WHERE id = $1', [activityId]);
    await t.dataSource.query(
      `INSERT INTO strategy_node (id, version_id, parent_id, level, code, name, position, source_line, search_text, funded_by_grant_programme)
       SELECT gen_random_uuid(), $1, $2, 'activity', '10.I.' || (n + 10), 'Tlumočení ' || n, n + 10, 1, 'tlumoceni ' || n, true FROM generate_series(1, 50) n`,
      [versionId, (await t.dataSource.query<{ parent_id: string }[]>('SELECT parent_id FROM strategy_node WHERE id = $1', [activityId]))[0].parent_id],
    );
    const [five, fifty] = await counts(/\bstrategy_node\b/, (pageSize) => t.http.get('/strategy/search').query({ q: 'tlumočení', versionId, pageSize }));
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(3);
  });
});
