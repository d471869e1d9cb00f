import {
  applicantWithOrganisation,
  bearer,
  callInEvaluation,
  callPayload,
  createTestActivities,
  createTestApp,
  createUser,
  openCall,
  readyApplication,
  signIn,
  TestApp,
  WITHOUT_COMMISSION,
} from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/** The legal guard rails found in the replay of a round (issue 12): amendments, remedies, resolutions. */
describe('legal guard rails', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const amend = (staff: { token: string }, call: { id: string }, version: number, changes: Record<string, unknown>) =>
    t.http.post(`/calls/${call.id}/amendments`).set(bearer(staff)).send({ version, reason: 'Změna výzvy z provozních důvodů.', changes });
  const fieldCodes = (body: { errors?: { code: string }[] }) => (body.errors ?? []).map((e) => e.code);

  it('lets an amendment after the period started extend it, never shorten it, tighten eligibility, lower the maximum or add a required annex', async () => {
    const opensAt = new Date(Date.now() + 700 * DAY);
    t.clock.set(new Date(opensAt.getTime() - 31 * DAY)); // where openCall creates the call: the token must be fresh there
    const staff = await createUser(t, ['staff']);
    const call = await openCall(t, staff, activities, opensAt, new Date(opensAt.getTime() + 10 * DAY));
    const closesAt = new Date(call.closesAt);
    const staffNow = await signIn(t, staff);
    const shortened = await amend(staffNow, call, call.version, { closesAt: new Date(t.clock.now().getTime() + 45_000).toISOString() }).expect(422);
    expect(shortened.body.code).toBe('AMENDMENT_NOT_ALLOWED');
    expect(fieldCodes(shortened.body)).toEqual(['PERIOD_SHORTENED']);
    const tightened = await amend(staffNow, call, call.version, {
      eligibleApplicantTypes: ['ngo'],
      maxGrant: '1000000.00',
      annexTypes: [
        ...call.annexTypes.map(({ id: _id, ...a }: Record<string, unknown>) => a),
        { code: 'NEW', name: 'Nová povinná příloha', required: true, allowedFormats: ['pdf'], maxSizeMb: 5 },
      ],
    }).expect(422);
    expect(fieldCodes(tightened.body).sort()).toEqual(['ELIGIBILITY_TIGHTENED', 'MAX_GRANT_LOWERED', 'REQUIRED_ANNEX_ADDED']);
    const extended = await amend(staffNow, call, call.version, { closesAt: new Date(closesAt.getTime() + 2 * DAY).toISOString(), maxGrant: '1600000.00' }).expect(201);
    expect(extended.body.amendments).toHaveLength(1);
  });

  it('before the period starts, an amended call must still be published 30 days before it opens', async () => {
    const opensAt = new Date(Date.now() + 720 * DAY);
    t.clock.set(new Date(opensAt.getTime() - 41 * DAY));
    const staff = await createUser(t, ['staff']);
    const created = await t.http
      .post('/calls')
      .set(bearer(staff))
      .send(callPayload(activities, opensAt, new Date(opensAt.getTime() + 10 * DAY)))
      .expect(201);
    t.clock.set(new Date(opensAt.getTime() - 40 * DAY));
    const fresh = await signIn(t, staff);
    const published = await t.http.post(`/calls/${created.body.id}/publish`).set(bearer(fresh)).send({ version: created.body.version }).expect(200);
    t.clock.set(new Date(opensAt.getTime() - 20 * DAY));
    const later = await signIn(t, staff);
    const tooClose = await amend(later, published.body, published.body.version, { maxGrant: '1400000.00' }).expect(422);
    expect(tooClose.body.code).toBe('AMENDMENT_TOO_CLOSE_TO_OPENING');
    const moved = await amend(later, published.body, published.body.version, {
      maxGrant: '1400000.00',
      opensAt: new Date(opensAt.getTime() + 15 * DAY).toISOString(),
      closesAt: new Date(opensAt.getTime() + 25 * DAY).toISOString(),
    }).expect(201);
    expect(moved.body.amendments).toHaveLength(1);
  });

  it('lets a remedy fix defects but not raise the requested total or move the project to another area', async () => {
    const opensAt = new Date(Date.now() + 740 * DAY);
    t.clock.set(new Date(opensAt.getTime() - 31 * DAY));
    const staff = await createUser(t, ['staff']);
    const call = await openCall(t, staff, activities, opensAt, new Date(opensAt.getTime() + 10 * DAY));
    const applicant = await applicantWithOrganisation(t);
    const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
    await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);
    t.clock.set(new Date(new Date(call.closesAt).getTime() + DAY));
    const checker = await createUser(t, ['staff']);
    await t.http
      .post(`/applications/${app.id}/remedy-requests`)
      .set(bearer(checker))
      .send({
        items: [
          { section: 'budgetLines', message: 'Rozpočet nesouhlasí.' },
          { section: 'budgetAreaCode', message: 'Ověřte okruh.' },
        ],
        deadlineAt: new Date(t.clock.now().getTime() + 7 * DAY).toISOString(),
      })
      .expect(201);
    const user = await signIn(t, applicant.user);
    const current = await t.http.get(`/applications/${app.id}`).set(bearer(user)).expect(200);
    const doubled = await t.http
      .patch(`/applications/${app.id}`)
      .set(bearer(user))
      .send({
        version: current.body.draftVersion,
        budgetLines: [{ category: 'PERSONAL', description: 'Mzdy', totalCost: '400000.00', requested: '340000.00', otherSources: '60000.00' }],
      })
      .expect(200);
    expect((await t.http.post(`/applications/${app.id}/submit`).set(bearer(user)).expect(422)).body.code).toBe('REMEDY_RAISES_REQUEST');
    const moved = await t.http
      .patch(`/applications/${app.id}`)
      .set(bearer(user))
      .send({
        version: doubled.body.draftVersion,
        budgetAreaCode: 'II',
        budgetLines: [{ category: 'PERSONAL', description: 'Mzdy', totalCost: '200000.00', requested: '160000.00', otherSources: '40000.00' }],
      })
      .expect(200);
    expect((await t.http.post(`/applications/${app.id}/submit`).set(bearer(user)).expect(422)).body.code).toBe('REMEDY_CHANGES_SUBSTANCE');
    await t.http.patch(`/applications/${app.id}`).set(bearer(user)).send({ version: moved.body.draftVersion, budgetAreaCode: 'I' }).expect(200);
    const answered = await t.http.post(`/applications/${app.id}/submit`).set(bearer(user)).expect(201);
    expect(answered.body).toMatchObject({ versionNo: 2 });
  });

  it('refuses a resolution while the commission has no closed session, unless it records why the body decides without one', async () => {
    const {
      staff,
      call,
      applications: [a],
    } = await callInEvaluation(t, activities, new Date(Date.now() + 760 * DAY), 1);
    const resolution = (extra: Record<string, unknown>) => ({
      body: 'council',
      number: `USN RHMP ${a.number}`,
      adoptedOn: t.clock.now().toISOString().slice(0, 10),
      text: 'Rada schvaluje dotaci.',
      decisions: [{ applicationId: a.id, outcome: 'approved', amount: '100000.00' }],
      ...extra,
    });
    expect((await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution({})).expect(409)).body.code).toBe('COMMISSION_SESSION_NOT_CLOSED');
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution({ withoutCommissionReason: ' ' }))
      .expect(422);
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution({ withoutCommissionReason: WITHOUT_COMMISSION }))
      .expect(201);
    const [row] = await t.dataSource.query<{ without_commission_reason: string }[]>(`SELECT without_commission_reason FROM resolution WHERE call_id = $1`, [call.id]);
    expect(row.without_commission_reason).toBe(WITHOUT_COMMISSION);
  });
});
