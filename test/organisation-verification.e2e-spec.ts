import type { Response } from 'supertest';
import type { CallView } from '#calls';
import {
  bearer,
  createTestActivities,
  createTestApp,
  createUser,
  openCall,
  organisationPayload,
  PDF_BYTES,
  PNG_BYTES,
  readyApplication,
  TestApp,
  TestUser,
  uniqueIco,
} from '#testing';

function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
}

/** Collects a binary response body. */
const binaryBody = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('who may act for an organisation', () => {
  let t: TestApp;
  let staff: TestUser;
  let auditor: TestUser;
  let call: CallView;

  const opensAt = new Date('2022-11-14T00:00:00+01:00');
  const closesAt = new Date('2022-11-25T00:00:00+01:00');

  beforeAll(async () => {
    t = await createTestApp();
    [staff, auditor] = await Promise.all([createUser(t, ['staff'], 'verif-staff'), createUser(t, ['auditor'], 'verif-auditor')]);
    call = await openCall(t, staff, await createTestActivities(t), opensAt, closesAt);
  });
  afterAll(() => t.close());

  /** An applicant registering an organisation themself: it starts unverified. */
  const selfRegistered = async () => {
    const owner = await createUser(t, ['applicant'], 'verif-owner');
    const created = await t.http.post('/organisations').set(bearer(owner)).send(organisationPayload()).expect(201);
    return { owner, organisation: created.body as { id: string; ico: string; name: string } };
  };
  const evidence = (user: TestUser, id: string, authority: string | null, bytes = PDF_BYTES, fileName = 'Plná moc – Žluťoučký kůň.pdf') => {
    const req = t.http.post(`/organisations/${id}/verification/evidence`).set(bearer(user));
    return (authority === null ? req : req.field('authority', authority)).attach('file', bytes, fileName);
  };
  const decide = (user: TestUser, id: string, body: Record<string, unknown>) => t.http.post(`/organisations/${id}/verification/decision`).set(bearer(user)).send(body);
  const audits = async (id: string) =>
    (await t.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_log WHERE object_type = 'organisation' AND object_id = $1 ORDER BY seq`, [id])).map((r) => r.action);
  const events = async (id: string, type: string) =>
    (await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND type = $2`, [id, type]))[0].n;

  it('starts a self-registered organisation unverified: drafts are fine, submission is refused with ORGANISATION_NOT_VERIFIED', async () => {
    const { owner, organisation } = await selfRegistered();
    const view = (await t.http.get(`/organisations/${organisation.id}`).set(bearer(owner)).expect(200)).body;
    expect(view.verification).toEqual({
      status: 'unverified',
      statusName: { cs: 'neověřená', en: 'unverified' },
      authority: null,
      reason: null,
      evidenceFileName: null,
      submittedAt: null,
      decidedAt: null,
    });
    const application = await readyApplication(t, owner, organisation.id, call);
    const refused = await t.http.post(`/applications/${application.id}/submit`).set(bearer(owner));
    expectProblem(refused, 409, 'ORGANISATION_NOT_VERIFIED');
    expect(refused.body).toMatchObject({ verificationStatus: 'unverified', detail: expect.stringContaining('není ověřena') });
    const english = await t.http.post(`/applications/${application.id}/submit`).set(bearer(owner)).set('Accept-Language', 'en');
    expect(english.body.detail).toContain('not verified');
    expect((await t.http.get(`/applications/${application.id}`).set(bearer(owner)).expect(200)).body).toMatchObject({ status: 'draft', currentVersionNo: 0 });
  });

  it('registers organisations created by staff as verified', async () => {
    const created = await t.http.post('/organisations').set(bearer(staff)).send(organisationPayload()).expect(201);
    expect(created.body.verification).toMatchObject({ status: 'verified', statusName: { cs: 'ověřená' } });
  });

  it('takes the evidence (Czech file name kept, type by content), lets staff reject with a reason and verify a new claim; then the application can be submitted', async () => {
    const { owner, organisation } = await selfRegistered();
    const stranger = await createUser(t, ['applicant'], 'verif-stranger');
    expectProblem(await evidence(owner, organisation.id, null), 422, 'AUTHORITY_REQUIRED');
    expectProblem(await evidence(owner, organisation.id, 'statutory_body', Buffer.from('jen text, žádné PDF')), 422, 'FILE_UNKNOWN_TYPE');
    expectProblem(await evidence(stranger, organisation.id, 'statutory_body'), 404, 'ORGANISATION_NOT_FOUND');
    expectProblem(await decide(staff, organisation.id, { decision: 'rejected', reason: 'Nic nedoloženo.' }), 409, 'INVALID_STATE');

    const pending = (await evidence(owner, organisation.id, 'power_of_attorney').expect(200)).body;
    expect(pending).toMatchObject({ status: 'pending', authority: 'power_of_attorney', evidenceFileName: 'Plná moc – Žluťoučký kůň.pdf', submittedAt: expect.any(String) });
    expectProblem(await evidence(owner, organisation.id, 'power_of_attorney'), 409, 'INVALID_STATE');

    // Staff's queue: organisations waiting for verification, paginated like every list.
    const queue = (await t.http.get('/organisations').query({ verification: 'pending', pageSize: 200 }).set(bearer(staff)).expect(200)).body;
    expect(queue.items.find((o: { id: string }) => o.id === organisation.id)).toMatchObject({ verification: { status: 'pending' } });
    expect(queue.items.every((o: { verification: { status: string } }) => o.verification.status === 'pending')).toBe(true);
    expect(queue).toMatchObject({ page: 1, pageSize: 200, total: expect.any(Number) });

    // The evidence file, for staff (and the organisation's members), with its Czech name.
    const file = await t.http.get(`/organisations/${organisation.id}/verification/evidence`).set(bearer(staff)).buffer(true).parse(binaryBody).expect(200);
    expect(Buffer.compare(file.body as Buffer, PDF_BYTES)).toBe(0);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('Plná moc – Žluťoučký kůň.pdf');
    expectProblem(await t.http.get(`/organisations/${organisation.id}/verification/evidence`).set(bearer(stranger)), 404, 'ORGANISATION_NOT_FOUND');

    // Only staff decide; a rejection needs a reason the owner reads.
    expectProblem(await decide(owner, organisation.id, { decision: 'verified' }), 403, 'PERMISSION_DENIED');
    expectProblem(await decide(auditor, organisation.id, { decision: 'verified' }), 403, 'PERMISSION_DENIED');
    expectProblem(await decide(staff, organisation.id, { decision: 'rejected' }), 422, 'REASON_REQUIRED');
    const rejected = (await decide(staff, organisation.id, { decision: 'rejected', reason: 'Plná moc není podepsána statutárním orgánem.' }).expect(200)).body;
    expect(rejected).toMatchObject({
      status: 'rejected',
      statusName: { cs: 'ověření zamítnuto' },
      reason: 'Plná moc není podepsána statutárním orgánem.',
      decidedAt: expect.any(String),
    });
    expect((await t.http.get(`/organisations/${organisation.id}`).set(bearer(owner)).expect(200)).body.verification).toMatchObject({ status: 'rejected', reason: rejected.reason });

    // A new claim after the rejection, verified this time.
    await evidence(owner, organisation.id, 'statutory_body', PNG_BYTES, 'Výpis z rejstříku.png').expect(200);
    const verified = (await decide(staff, organisation.id, { decision: 'verified' }).expect(200)).body;
    expect(verified).toMatchObject({ status: 'verified', authority: 'statutory_body', evidenceFileName: 'Výpis z rejstříku.png', reason: null });
    expectProblem(await decide(staff, organisation.id, { decision: 'rejected', reason: 'Pozdě.' }), 409, 'INVALID_STATE');

    expect(await audits(organisation.id)).toEqual([
      'organisation.created',
      'organisation.member_added',
      'organisation.verification_submitted',
      'organisation.verification_rejected',
      'organisation.verification_submitted',
      'organisation.verification_verified',
    ]);
    expect(await events(organisation.id, 'organisation.verification_decided')).toBe(2);

    const application = await readyApplication(t, owner, organisation.id, call);
    await t.http.post(`/applications/${application.id}/submit`).set(bearer(owner)).expect(201);
  });

  it('lets a person ask to join an existing organisation; its owner approves or refuses (audited), nobody else', async () => {
    const { owner, organisation } = await selfRegistered();
    const [joiner, refused, outsider] = await Promise.all([
      createUser(t, ['applicant'], 'verif-joiner'),
      createUser(t, ['applicant'], 'verif-refused'),
      createUser(t, ['applicant'], 'verif-outsider'),
    ]);
    // Registering the IČO again points to the join request.
    const taken = await t.http
      .post('/organisations')
      .set(bearer(joiner))
      .send(organisationPayload({ ico: organisation.ico }));
    expectProblem(taken, 422, 'ICO_TAKEN');
    expect(taken.body.detail).toContain('žádost o členství');

    expectProblem(await t.http.post('/organisations/join-requests').set(bearer(joiner)).send({ ico: uniqueIco() }), 422, 'ORGANISATION_NOT_REGISTERED');
    const asked = (await t.http.post('/organisations/join-requests').set(bearer(joiner)).send({ ico: organisation.ico, message: 'Jsem nová koordinátorka.' }).expect(201)).body;
    expect(asked).toMatchObject({ status: 'pending', organisation: { id: organisation.id, ico: organisation.ico }, user: { id: joiner.id }, message: 'Jsem nová koordinátorka.' });
    expectProblem(await t.http.post('/organisations/join-requests').set(bearer(joiner)).send({ ico: organisation.ico }), 409, 'JOIN_REQUEST_PENDING');
    expectProblem(await t.http.post('/organisations/join-requests').set(bearer(owner)).send({ ico: organisation.ico }), 409, 'ALREADY_MEMBER');
    expect((await t.http.get('/organisations/join-requests/mine').set(bearer(joiner)).expect(200)).body).toEqual([asked]);

    // Before approval the joiner sees nothing of the organisation.
    expectProblem(await t.http.get(`/organisations/${organisation.id}`).set(bearer(joiner)), 404, 'ORGANISATION_NOT_FOUND');
    expectProblem(await t.http.get(`/organisations/${organisation.id}/join-requests`).set(bearer(outsider)), 404, 'ORGANISATION_NOT_FOUND');
    expectProblem(await t.http.post(`/organisations/join-requests/${asked.id}/approve`).set(bearer(outsider)).send({}), 404, 'ORGANISATION_NOT_FOUND');
    expectProblem(await t.http.post(`/organisations/join-requests/${asked.id}/approve`).set(bearer(joiner)).send({}), 404, 'ORGANISATION_NOT_FOUND');
    expect((await t.http.get(`/organisations/${organisation.id}/join-requests`).set(bearer(owner)).expect(200)).body.map((r: { id: string }) => r.id)).toEqual([asked.id]);

    const approved = (await t.http.post(`/organisations/join-requests/${asked.id}/approve`).set(bearer(owner)).send({}).expect(200)).body;
    expect(approved).toMatchObject({ status: 'approved', decidedAt: expect.any(String) });
    expectProblem(await t.http.post(`/organisations/join-requests/${asked.id}/refuse`).set(bearer(owner)).send({}), 409, 'INVALID_STATE');
    await t.http.get(`/organisations/${organisation.id}`).set(bearer(joiner)).expect(200);
    const members = (await t.http.get(`/organisations/${organisation.id}/members`).set(bearer(owner)).expect(200)).body;
    expect(members).toContainEqual(expect.objectContaining({ userId: joiner.id, role: 'member' }));

    // Staff may decide too; a refusal carries its reason.
    const second = (await t.http.post('/organisations/join-requests').set(bearer(refused)).send({ ico: organisation.ico }).expect(201)).body;
    const no = (await t.http.post(`/organisations/join-requests/${second.id}/refuse`).set(bearer(staff)).send({ reason: 'Osobu neznáme.' }).expect(200)).body;
    expect(no).toMatchObject({ status: 'refused', reason: 'Osobu neznáme.' });
    expectProblem(await t.http.get(`/organisations/${organisation.id}`).set(bearer(refused)), 404, 'ORGANISATION_NOT_FOUND');

    expect(await audits(organisation.id)).toEqual(
      expect.arrayContaining(['organisation.join_requested', 'organisation.member_added', 'organisation.join_approved', 'organisation.join_refused']),
    );
    expect(await events(organisation.id, 'organisation.join_requested')).toBe(2);
    expect(await events(organisation.id, 'organisation.join_decided')).toBe(2);
  });
});
