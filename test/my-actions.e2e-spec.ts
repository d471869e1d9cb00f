import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, decide, effectiveAgreement, signIn, TestApp } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/** "What needs my action" (GET /my-actions): open remedy requests and settlements due, only for the user's own organisations. */
describe('what needs my action', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lists a settlement due while the agreement is in effect and unsettled, and an open remedy request until it is answered; to nobody else', async () => {
    const { staff, call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 700 * DAY), 2, undefined, {}, { leaveSubmitted: 1 });
    const [funded, remedied] = applications;
    // An agreement names the recipient's account.
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [funded.organisationId]);
    const decided = await decide(t, staff, call.id, funded.id, '100000.00');
    expect(decided.status).toBe(201);
    const agreementId = await effectiveAgreement(t, staff, funded.id, ['100000.00']);

    const owner = await signIn(t, funded.user);
    const mine = (await t.http.get('/my-actions').set(bearer(owner)).expect(200)).body;
    expect(mine).toEqual({
      remedies: [],
      signatures: [],
      settlements: [
        {
          agreementId,
          agreementNumber: expect.any(String),
          applicationId: funded.id,
          applicationNumber: funded.number,
          title: expect.any(String),
          organisationName: expect.any(String),
          deadline: '2099-01-31',
        },
      ],
    });

    // A remedy request for the other applicant's application: theirs alone, with its deadline.
    const deadlineAt = new Date(t.clock.now().getTime() + 7 * DAY).toISOString();
    await t.http
      .post(`/applications/${remedied.id}/remedy-requests`)
      .set(bearer(staff))
      .send({ items: [{ section: 'declarations', message: 'Chybí podpis.' }], deadlineAt })
      .expect(201);
    const other = await signIn(t, remedied.user);
    expect((await t.http.get('/my-actions').set(bearer(other)).expect(200)).body).toEqual({
      remedies: [{ applicationId: remedied.id, applicationNumber: remedied.number, title: expect.any(String), organisationName: expect.any(String), deadlineAt }],
      signatures: [],
      settlements: [],
    });
    expect((await t.http.get('/my-actions').set(bearer(owner)).expect(200)).body.remedies).toEqual([]);

    // Answered: no longer needs action.
    await t.http.post(`/applications/${remedied.id}/submit`).set(bearer(other)).expect(201);
    expect((await t.http.get('/my-actions').set(bearer(other)).expect(200)).body).toEqual({ remedies: [], signatures: [], settlements: [] });

    // Someone with no organisation (staff included) has nothing to do here; an anonymous caller is refused.
    expect(
      (
        await t.http
          .get('/my-actions')
          .set(bearer(await createUser(t, ['applicant'])))
          .expect(200)
      ).body,
    ).toEqual({ remedies: [], signatures: [], settlements: [] });
    expect(
      (
        await t.http
          .get('/my-actions')
          .set(bearer(await signIn(t, staff)))
          .expect(200)
      ).body,
    ).toEqual({ remedies: [], signatures: [], settlements: [] });
    await t.http.get('/my-actions').expect(401);

    // Settled: no longer due.
    const lines = (await t.http.get(`/applications/${funded.id}/budget-lines`).set(bearer(owner)).expect(200)).body as { id: string }[];
    await t.http
      .post(`/agreements/${agreementId}/settlement`)
      .set(bearer(owner))
      .send({
        costDocuments: [{ budgetLineId: lines[0].id, number: 'DPP-01', issuedOn: '2023-05-31', supplier: 'Tlumočnice', amount: '1000.00', paidOn: '2023-06-05' }],
        report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 120 }],
      })
      .expect(201);
    expect((await t.http.get('/my-actions').set(bearer(owner)).expect(200)).body.settlements).toEqual([]);
  });
});
