import {
  ALL_CHECKS_OK,
  applicantWithOrganisation,
  bearer,
  callInEvaluation,
  createTestActivities,
  createTestApp,
  createUser,
  decide,
  effectiveAgreement,
  openCall,
  pay,
  readyApplication,
  signIn,
  TestApp,
  TestUser,
} from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The five ways ordinary actions in an unusual order broke the ledger's promises (issue 12), each
 * replayed through the API: every one of them answered 2xx before and must now hold.
 */
describe('money invariants: the unusual orders', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const ledgerOf = async (applicationId: string) =>
    Object.fromEntries(
      (
        await t.dataSource.query<{ kind: string; total: string }[]>(`SELECT kind, sum(amount)::text AS total FROM ledger_entry WHERE application_id = $1 GROUP BY kind`, [
          applicationId,
        ])
      ).map((r) => [r.kind, r.total]),
    );
  const perActivity = async (applicationId: string, kind: string) =>
    Object.fromEntries(
      (
        await t.dataSource.query<{ activity_id: string; total: string }[]>(
          `SELECT activity_id, sum(amount)::text AS total FROM ledger_entry WHERE application_id = $1 AND kind = $2 GROUP BY activity_id`,
          [applicationId, kind],
        )
      ).map((r) => [r.activity_id, r.total]),
    );

  async function decided(count: number, opensInDays: number, allocation = '15000000.00') {
    const setup = await callInEvaluation(t, activities, new Date(Date.now() + opensInDays * DAY), count, undefined, {
      budgetAreas: [
        { code: 'I', name: 'Okruh I – integrační aktivity', allocation },
        { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' },
      ],
    });
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [setup.applications.map((a) => a.organisationId)]);
    return { ...setup, second: await createUser(t, ['staff']) };
  }

  it('1. refuses a payment on an agreement whose settlement is submitted, so settled + returned = paid stays true after closure', async () => {
    const {
      staff,
      second,
      call,
      applications: [a],
    } = await decided(1, 500);
    await decide(t, staff, call.id, a.id, '170000.00').expect(201);
    const agreementId = await effectiveAgreement(t, staff, a.id, ['100000.00', '70000.00']);
    expect((await pay(t, staff, second, agreementId, 1, '100000.00')).status).toBe(200);

    // An order on its way blocks the settlement (what it accounts for would change after the fact).
    const pending = await t.http.post(`/agreements/${agreementId}/payments`).set(bearer(staff)).send({ trancheNo: 2, amount: '70000.00' }).expect(201);
    const applicant = await signIn(t, a.user);
    const [line] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM application_budget_line WHERE application_id = $1 ORDER BY position`, [a.id]);
    const report = {
      costDocuments: [{ budgetLineId: line.id, number: 'DPP-1', issuedOn: '2023-05-31', supplier: 'Tlumočnice', amount: '100000.00', paidOn: '2023-06-05' }],
      report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 120 }],
    };
    expect((await t.http.post(`/agreements/${agreementId}/settlement`).set(bearer(applicant)).send(report).expect(409)).body.code).toBe('PAYMENTS_IN_PROGRESS');
    await t.http.post(`/payments/${pending.body.id}/cancel`).set(bearer(staff)).send({ version: 1 }).expect(200);

    const settlement = await t.http.post(`/agreements/${agreementId}/settlement`).set(bearer(applicant)).send(report).expect(201);
    const closed = await t.http
      .post(`/settlements/${settlement.body.id}/check`)
      .set(bearer(staff))
      .send({ reviews: [{ costDocumentId: settlement.body.costDocuments[0].id, review: 'eligible' }], returnDueDate: '2099-03-31', version: 1 })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', eligibleTotal: '100000.00', returned: '0.00' });

    // Tranche 2 after the closure: refused by the service, and by the database for any other writer.
    expect((await t.http.post(`/agreements/${agreementId}/payments`).set(bearer(staff)).send({ trancheNo: 2, amount: '70000.00' }).expect(409)).body.code).toBe(
      'AGREEMENT_SETTLED',
    );
    await expect(t.dataSource.query(`UPDATE payment SET status = 'ordered' WHERE id = $1`, [pending.body.id])).rejects.toThrow(/settlement is submitted/);
    expect(await ledgerOf(a.id)).toMatchObject({ paid: '100000.00', settled: '100000.00' });
  });

  it('2. refuses a later decision below what is paid; a reduction above it moves the agreement, frees only unpaid money, and open data keeps the project', async () => {
    const {
      staff,
      second,
      call,
      applications: [a, b, c],
    } = await decided(3, 520, '340000.00');
    const first = await decide(t, staff, call.id, a.id, '170000.00').expect(201);
    const agreementA = await effectiveAgreement(t, staff, a.id, ['170000.00']);
    expect((await pay(t, staff, second, agreementA, 1, '170000.00')).status).toBe(200);
    const lower = await decide(t, staff, call.id, a.id, '160000.00', first.body.decisions[0].id).expect(409);
    expect(lower.body).toMatchObject({ code: 'DECISION_BELOW_PAID' });
    expect((await decide(t, staff, call.id, a.id, null, first.body.decisions[0].id).expect(409)).body.code).toBe('DECISION_BELOW_PAID');

    // B: 170 000 approved, 50 000 paid, then reduced to 120 000: the agreement and "contracted" follow, 50 000 is freed.
    const decisionB = await decide(t, staff, call.id, b.id, '170000.00').expect(201);
    const agreementB = await effectiveAgreement(t, staff, b.id, ['100000.00', '70000.00']);
    expect((await pay(t, staff, second, agreementB, 1, '50000.00')).status).toBe(200);
    await decide(t, staff, call.id, c.id, '10000.00').expect(409);
    await decide(t, staff, call.id, b.id, '120000.00', decisionB.body.decisions[0].id).expect(201);
    const agreement = await t.http.get(`/agreements/${agreementB}`).set(bearer(staff)).expect(200);
    expect(agreement.body).toMatchObject({
      amount: '120000.00',
      committed: '50000.00',
      tranches: [expect.objectContaining({ trancheNo: 1, amount: '100000.00' }), expect.objectContaining({ trancheNo: 2, amount: '20000.00' })],
    });
    expect(await ledgerOf(b.id)).toMatchObject({ approved: '120000.00', contracted: '120000.00', paid: '50000.00' });
    expect((await decide(t, staff, call.id, c.id, '50000.01').expect(409)).body.code).toBe('ALLOCATION_EXCEEDED');
    const decisionC = await decide(t, staff, call.id, c.id, '50000.00').expect(201);
    // C is cancelled before anything is paid: its agreement is void, "contracted" back to zero, the allocation freed.
    await effectiveAgreement(t, staff, c.id, ['50000.00']);
    await decide(t, staff, call.id, c.id, null, decisionC.body.decisions[0].id).expect(201);
    expect((await t.dataSource.query(`SELECT status FROM agreement WHERE application_id = $1`, [c.id]))[0].status).toBe('void');
    expect(await ledgerOf(c.id)).toMatchObject({ approved: '0.00', contracted: '0.00' });
    expect((await t.http.get(`/calls/${call.id}/funding`).set(bearer(staff)).expect(200)).body.areas[0]).toMatchObject({ approved: '290000.00' });

    const rows = JSON.parse((await t.http.get('/open-data/grants.json').expect(200)).text) as Record<string, string>[];
    const byNumber = new Map(rows.map((r) => [r.zadost_cislo, r]));
    expect(byNumber.get(a.number)).toMatchObject({ castka_rozhodnuta: '170000.00', castka_uvolnena: '170000.00' });
    expect(byNumber.get(b.number)).toMatchObject({ castka_rozhodnuta: '120000.00', castka_uvolnena: '50000.00' });
    expect(byNumber.has(c.number)).toBe(false);
  });

  it('3. a mapping correction after the decision re-splits every kind of entry to the new activities', async () => {
    const {
      staff,
      call,
      applications: [a],
    } = await decided(1, 540);
    const [a1, a2, a3] = activities;
    await decide(t, staff, call.id, a.id, '150000.00').expect(201);
    await t.http
      .put(`/applications/${a.id}/activities`)
      .set(bearer(staff))
      .send({
        reason: 'Projekt slouží i adaptačním skupinám.',
        activities: [
          { activityId: a1, sharePercent: '60' },
          { activityId: a3, sharePercent: '40' },
        ],
      })
      .expect(200);
    expect(await perActivity(a.id, 'requested')).toEqual({ [a1]: '102000.00', [a2]: '0.00', [a3]: '68000.00' });
    expect(await perActivity(a.id, 'approved')).toEqual({ [a1]: '90000.00', [a2]: '0.00', [a3]: '60000.00' });
    const auditor = await createUser(t, ['auditor']);
    const trace = await t.http.get(`/trace/nodes/${a3}`).query({ callId: call.id }).set(bearer(auditor)).expect(200);
    expect(trace.body.amounts).toMatchObject({ requested: '68000.00', approved: '60000.00' });
    const old = await t.http.get(`/trace/nodes/${a2}`).query({ callId: call.id }).set(bearer(auditor)).expect(200);
    expect(old.body.amounts).toMatchObject({ requested: '0.00', approved: '0.00' });
    const [audit] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'application.mapping_corrected'`, [a.id]);
    expect(audit.n).toBe(1);
  });

  it('4. "requested" gives leftover haléře by the same rule as every other kind, whatever order the applicant typed', async () => {
    const [a1, a2] = activities;
    const opensAt = new Date(Date.now() + 560 * DAY);
    t.clock.set(new Date(opensAt.getTime() - 31 * DAY)); // where openCall creates the call: the token must be fresh there
    const staff = await createUser(t, ['staff']);
    const call = await openCall(t, staff, activities, opensAt, new Date(opensAt.getTime() + 10 * DAY));
    const applicant = await applicantWithOrganisation(t);
    const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
    // 170 050,00 Kč at 66,67 % / 33,33 %: both parts have a remainder of half a haléř; the tie goes to the larger share.
    await t.http
      .patch(`/applications/${app.id}`)
      .set(bearer(applicant.user))
      .send({
        version: app.draftVersion,
        activities: [
          { activityId: a2, sharePercent: '33.33' },
          { activityId: a1, sharePercent: '66.67' },
        ],
        budgetLines: [{ category: 'PERSONAL', description: 'Mzdy', totalCost: '200050.00', requested: '170050.00', otherSources: '30000.00' }],
      })
      .expect(200);
    await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);
    expect(await perActivity(app.id, 'requested')).toEqual({ [a1]: '113372.34', [a2]: '56677.66' });
  });

  it('5. excluded and withdrawn applications stop counting as requested; the trace shows what they asked apart', async () => {
    const [a1] = activities;
    const opensAt = new Date(Date.now() + 580 * DAY);
    t.clock.set(new Date(opensAt.getTime() - 31 * DAY)); // where openCall creates the call: the token must be fresh there
    const staff = await createUser(t, ['staff']);
    const call = await openCall(t, staff, activities, opensAt, new Date(opensAt.getTime() + 10 * DAY));
    const apps: { id: string; user: TestUser }[] = [];
    for (let i = 0; i < 3; i++) {
      const applicant = await applicantWithOrganisation(t);
      const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
      await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);
      apps.push({ id: app.id, user: applicant.user });
    }
    t.clock.set(new Date(new Date(call.closesAt).getTime() + DAY));
    const checker = await createUser(t, ['staff']);
    await t.http.post(`/applications/${apps[0].id}/exclude`).set(bearer(checker)).send({ reason: 'Žadatel není oprávněný.' }).expect(200);
    await t.http
      .post(`/applications/${apps[1].id}/withdraw`)
      .set(bearer(await signIn(t, apps[1].user)))
      .send({ reason: 'Projekt nebude realizován.' })
      .expect(200);
    await t.http.put(`/applications/${apps[2].id}/formal-check`).set(bearer(checker)).send(ALL_CHECKS_OK).expect(200);
    const auditor = await createUser(t, ['auditor']);
    const trace = await t.http.get(`/trace/nodes/${a1}`).query({ callId: call.id }).set(bearer(auditor)).expect(200);
    // 170 000,00 × 66,67 % = 113 339,00 per application.
    expect(trace.body.amounts.requested).toBe('113339.00');
    expect(trace.body.requestedByEndedApplications).toBe('226678.00');
    expect(await perActivity(apps[0].id, 'requested')).toEqual({ [a1]: '0.00', [activities[1]]: '0.00' });
  });
});
