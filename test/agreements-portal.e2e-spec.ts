import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, decide, PDF_BYTES, signIn, TestApp, TestUser } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Agreements in the portal (issue 17): the recipient reads the agreement sent to them, downloads it and uploads
 * the copy they signed; the city counter-signs that copy; the register's clock and the actions allowed come
 * from the server; staff find agreements waiting for publication in a paged, filtered list with its CSV.
 */
describe('agreements: the recipient signs in the portal, the city counter-signs, the register clock', () => {
  let t: TestApp;
  let staff: TestUser;
  let auditor: TestUser;
  let callId: string;
  let apps: { id: string; number: string; organisationId: string; user: TestUser }[];

  beforeAll(async () => {
    t = await createTestApp();
    const setup = await callInEvaluation(t, await createTestActivities(t), new Date(Date.now() + 1200 * DAY), 3);
    staff = setup.staff;
    callId = setup.call.id;
    apps = setup.applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [apps.map((a) => a.organisationId)]);
    for (const app of apps) await decide(t, staff, callId, app.id, '120000.00').expect(201);
    auditor = await createUser(t, ['auditor']);
  });
  afterAll(() => t.close());

  async function draft(applicationId: string) {
    const created = await t.http
      .post(`/applications/${applicationId}/agreement`)
      .set(bearer(staff))
      .send({
        purpose: 'Integrační aktivity podle schválené žádosti.',
        purposeFrom: '2027-01-01',
        purposeTo: '2027-12-31',
        settlementDeadline: '2028-01-31',
        conditions: [{ text: 'Příjemce uvede logo hl. m. Prahy na materiálech.', minor: true, penalty: { kind: 'percentage-range', minPercent: '1', maxPercent: '5' } }],
        tranches: [{ amount: '120000.00', dueDate: '2027-02-28' }],
      })
      .expect(201);
    return created.body as { id: string; version: number; actions: string[] };
  }

  const recipientUpload = (user: TestUser, agreementId: string, version: number, bytes: Buffer = PDF_BYTES) =>
    t.http
      .post(`/agreements/${agreementId}/applicant-signature`)
      .set(bearer(user))
      .field('version', String(version))
      .attach('file', bytes, { filename: 'smlouva podepsaná.pdf', contentType: 'application/pdf' });

  it('the recipient sees the agreement only once sent, signs it with a PDF; the city counter-signs that copy and the register clock runs', async () => {
    staff = await signIn(t, staff);
    const [mine, other] = apps;
    const owner = await signIn(t, mine.user);
    const stranger = await signIn(t, other.user);
    const created = await draft(mine.id);
    expect(created.actions).toEqual(['send']);

    // A draft is not the recipient's yet: not found, not listed, nothing to sign.
    await t.http.get(`/agreements/${created.id}`).set(bearer(owner)).expect(404);
    await t.http.get(`/agreements/${created.id}/document.pdf`).set(bearer(owner)).expect(404);
    expect((await t.http.get('/agreements').set(bearer(owner)).expect(200)).body.items).toEqual([]);
    await recipientUpload(owner, created.id, created.version).expect(404);

    const sent = (await t.http.post(`/agreements/${created.id}/send`).set(bearer(staff)).send({ version: created.version }).expect(200)).body;
    expect(sent.actions).toEqual(['recipient_sign', 'sign']);
    expect((await t.http.get('/my-actions').set(bearer(owner)).expect(200)).body.signatures).toEqual([
      expect.objectContaining({ agreementId: created.id, applicationId: mine.id, applicationNumber: mine.number }),
    ]);

    // The recipient reads and downloads it; another organisation's member does not see it (404, not 403).
    const read = (await t.http.get(`/agreements/${created.id}`).set(bearer(owner)).expect(200)).body;
    expect(read).toMatchObject({ status: 'awaiting_signature', application: { id: mine.id, number: mine.number }, recipientSignature: null, registerClock: null });
    const pdf = await t.http.get(`/agreements/${created.id}/document.pdf`).set(bearer(owner)).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    await t.http.get(`/agreements/${created.id}`).set(bearer(stranger)).expect(404);
    await t.http.get(`/agreements/${created.id}/document.pdf`).set(bearer(stranger)).expect(404);
    await recipientUpload(stranger, created.id, sent.version).expect(404);
    expect((await t.http.get('/agreements').set(bearer(stranger)).expect(200)).body.items).toEqual([]);
    // Staff cannot sign for the recipient through the recipient's route (they have no write permission as the applicant).
    await recipientUpload(staff, created.id, sent.version).expect(403);

    // Bad file: a text called .pdf is refused at its field; no file at all too; a stale version is a conflict.
    const bad = await recipientUpload(owner, created.id, sent.version, Buffer.from('not a pdf at all')).expect(422);
    expect(bad.body).toMatchObject({ code: 'SIGNED_COPY_INVALID', errors: [expect.objectContaining({ field: 'file', code: 'SIGNED_COPY_INVALID' })] });
    const none = await t.http.post(`/agreements/${created.id}/applicant-signature`).set(bearer(owner)).field('version', String(sent.version)).expect(422);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'FILE_REQUIRED' })]);
    await recipientUpload(owner, created.id, sent.version + 5).expect(409);

    const signedByRecipient = (await recipientUpload(owner, created.id, sent.version).expect(200)).body;
    expect(signedByRecipient).toMatchObject({ status: 'awaiting_signature', recipientSignature: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect((await t.http.get('/my-actions').set(bearer(owner)).expect(200)).body.signatures).toEqual([]);
    // Staff read the recipient's copy.
    const copy = await t.http.get(`/agreements/${created.id}/signed-copy.pdf`).set(bearer(staff)).buffer(true).expect(200);
    expect(Buffer.compare(copy.body as Buffer, PDF_BYTES)).toBe(0);

    // The city counter-signs without a new file: the recipient's copy becomes the signed copy.
    const today = t.clock.now().toISOString().slice(0, 10);
    const countersigned = (
      await t.http
        .post(`/agreements/${created.id}/signature`)
        .set(bearer(staff))
        .field('version', String(signedByRecipient.version))
        .field('signedOn', today)
        .field('signatories', 'Jana Nováková (předsedkyně); referent MHMP')
        .expect(200)
    ).body;
    expect(countersigned).toMatchObject({
      status: 'signed',
      signedCopySha256: signedByRecipient.recipientSignature.sha256,
      registerState: 'pending',
      registerClock: { signedOn: today, day: 0 },
      actions: ['publish'],
    });
    // Signed: the recipient can no longer upload (wrong state).
    expect((await recipientUpload(owner, created.id, countersigned.version).expect(409)).body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'signed' });

    // The clock: day 21 is a warning, day 30 overdue, three months void; the computed days come with it.
    const base = t.clock.now();
    try {
      // Tokens are issued as at the clock: sign in afresh at each day.
      const at = async (days: number) => {
        t.clock.set(new Date(base.getTime() + days * DAY));
        auditor = await signIn(t, auditor);
      };
      await at(21);
      const warned = (await t.http.get(`/agreements/${created.id}`).set(bearer(auditor)).expect(200)).body;
      expect(warned).toMatchObject({ registerState: 'warning', registerClock: { day: 21 } });
      expect(warned.registerClock.overdueFrom > warned.registerClock.warningFrom).toBe(true);
      await at(30);
      expect((await t.http.get(`/agreements/${created.id}`).set(bearer(auditor)).expect(200)).body.registerState).toBe('overdue');
      await at(95);
      const voided = (await t.http.get(`/agreements/${created.id}`).set(bearer(auditor)).expect(200)).body;
      expect(voided).toMatchObject({ registerState: 'void', actions: [] });
    } finally {
      t.clock.set(base);
    }
  });

  it('staff without the recipient’s copy must upload the signed agreement; the city cannot sign before the recipient', async () => {
    staff = await signIn(t, staff);
    const created = await draft(apps[1].id);
    const sent = (await t.http.post(`/agreements/${created.id}/send`).set(bearer(staff)).send({ version: created.version }).expect(200)).body;
    const today = t.clock.now().toISOString().slice(0, 10);
    const missing = await t.http
      .post(`/agreements/${created.id}/signature`)
      .set(bearer(staff))
      .field('version', String(sent.version))
      .field('signedOn', today)
      .field('signatories', 'Statutár')
      .expect(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'FILE_REQUIRED' })]);
    const owner = await signIn(t, apps[1].user);
    const recipientSigned = (await recipientUpload(owner, created.id, sent.version).expect(200)).body;
    const yesterday = new Date(t.clock.now().getTime() - DAY).toISOString().slice(0, 10);
    const early = await t.http
      .post(`/agreements/${created.id}/signature`)
      .set(bearer(staff))
      .field('version', String(recipientSigned.version))
      .field('signedOn', yesterday)
      .field('signatories', 'Statutár')
      .expect(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'signedOn', code: 'DATE_BEFORE_RECIPIENT' })]);
  });

  it('lists agreements by status and call, the oldest signature first, with the register clock; CSV with the same filters; the recipient sees only theirs', async () => {
    staff = await signIn(t, staff);
    auditor = await signIn(t, auditor);
    const draftOnly = await draft(apps[2].id);
    const waiting = (await t.http.get('/agreements').query({ callId, status: 'signed' }).set(bearer(staff)).expect(200)).body;
    expect(waiting.total).toBe(1);
    expect(waiting.items[0]).toMatchObject({ status: 'signed', callId, registerState: 'pending', registerClock: { day: 0 }, applicationId: apps[0].id });
    const all = (await t.http.get('/agreements').query({ callId }).set(bearer(auditor)).expect(200)).body;
    expect(all.total).toBe(3);
    // Signed and unpublished first (the register's clock runs), the draft last.
    expect(all.items[0].status).toBe('signed');
    expect(all.items.map((i: { id: string }) => i.id)).toContain(draftOnly.id);
    expect((await t.http.get('/agreements').query({ callId, search: apps[2].number }).set(bearer(staff)).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: draftOnly.id, status: 'draft' }),
    ]);
    await t.http.get('/agreements').query({ status: 'nonsense' }).set(bearer(staff)).expect(422);
    await t.http.get('/agreements').query({ callId: 'not-a-uuid' }).set(bearer(staff)).expect(422);

    const csv = await t.http.get('/agreements/export.csv').query({ callId, status: 'signed' }).set(bearer(staff)).buffer(true).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Číslo smlouvy;');
    expect(lines[1]).toContain('120000,00');
    expect(lines[1]).toContain('ve lhůtě');

    const owner = await signIn(t, apps[0].user);
    const theirs = (await t.http.get('/agreements').set(bearer(owner)).expect(200)).body;
    expect(theirs.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([apps[0].id]);
    await t.http.get('/agreements').expect(401);
    const member = await createUser(t, ['commission_member']);
    await t.http.get('/agreements').set(bearer(member)).expect(403);
  });

  it('an amendment keeps the terms it replaces: before and after per changed field', async () => {
    staff = await signIn(t, staff);
    const [{ id: agreementId }] = (await t.http.get('/agreements').query({ callId, status: 'signed' }).set(bearer(staff)).expect(200)).body.items;
    const current = (await t.http.get(`/agreements/${agreementId}`).set(bearer(staff)).expect(200)).body;
    const today = t.clock.now().toISOString().slice(0, 10);
    const published = (
      await t.http.post(`/agreements/${agreementId}/publication`).set(bearer(staff)).send({ version: current.version, publishedOn: today, registerId: 'R-PORTAL-1' }).expect(200)
    ).body;
    expect(published).toMatchObject({ status: 'effective', registerState: 'published', registerClock: null, actions: ['amend'] });
    await t.http
      .post(`/agreements/${agreementId}/amendments`)
      .set(bearer(staff))
      .send({ reason: 'Prodloužení realizace projektu.', changes: ['Období realizace se prodlužuje do 31. 3. 2028.'], purposeTo: '2028-03-31' })
      .expect(201);
    const amended = (await t.http.get(`/agreements/${agreementId}`).set(bearer(staff)).expect(200)).body;
    expect(amended.actions).toEqual([]);
    expect(amended.amendments).toEqual([
      expect.objectContaining({
        number: 1,
        status: 'awaiting_signature',
        terms: { purposeTo: '2028-03-31' },
        previousTerms: { purposeTo: '2027-12-31' },
        recipientSignature: null,
      }),
    ]);
    const amendment = amended.amendments[0] as { id: string; version: number };

    // The recipient signs the amendment in the portal like the agreement; it is on their to-do list until then.
    const owner = await signIn(t, apps[0].user);
    expect((await t.http.get('/my-actions').set(bearer(owner)).expect(200)).body.signatures).toEqual([
      expect.objectContaining({ agreementId, amendmentNumber: 1, applicationId: apps[0].id }),
    ]);
    const upload = (user: TestUser, version: number, bytes: Buffer = PDF_BYTES) =>
      t.http
        .post(`/amendments/${amendment.id}/applicant-signature`)
        .set(bearer(user))
        .field('version', String(version))
        .attach('file', bytes, { filename: 'dodatek.pdf', contentType: 'application/pdf' });
    await upload(await signIn(t, apps[1].user), amendment.version).expect(404);
    await upload(staff, amendment.version).expect(403);
    expect((await upload(owner, amendment.version, Buffer.from('no pdf')).expect(422)).body.code).toBe('SIGNED_COPY_INVALID');
    await upload(owner, amendment.version + 3).expect(409);
    const recipientSigned = (await upload(owner, amendment.version).expect(200)).body;
    expect(recipientSigned).toMatchObject({ status: 'awaiting_signature', recipientSignature: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    expect((await t.http.get('/my-actions').set(bearer(owner)).expect(200)).body.signatures).toEqual([]);

    // The city counter-signs without a file; the amendment is then published and its terms become the agreement's version 2.
    const signedAmendment = (
      await t.http
        .post(`/amendments/${amendment.id}/signature`)
        .set(bearer(staff))
        .field('version', String(recipientSigned.version))
        .field('signedOn', today)
        .field('signatories', 'Statutár; referent MHMP')
        .expect(200)
    ).body;
    expect(signedAmendment).toMatchObject({ status: 'signed', signedCopySha256: recipientSigned.recipientSignature.sha256 });
    expect((await upload(owner, signedAmendment.version).expect(409)).body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'signed' });
    await t.http
      .post(`/amendments/${amendment.id}/publication`)
      .set(bearer(staff))
      .send({ version: signedAmendment.version, publishedOn: today, registerId: 'R-PORTAL-1-D1' })
      .expect(200);
    const after = (await t.http.get(`/agreements/${agreementId}`).set(bearer(owner)).expect(200)).body;
    expect(after).toMatchObject({ agreementVersion: 2, purposeTo: '2028-03-31', actions: ['amend'] });
    expect(after.amendments[0]).toMatchObject({ status: 'effective', previousTerms: { purposeTo: '2027-12-31' }, terms: { purposeTo: '2028-03-31' } });
  });
});
