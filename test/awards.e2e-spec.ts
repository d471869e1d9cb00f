import { OutboxEvent, OutboxHandlers } from '#outbox';
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { NotificationScheduler } from '#notifications';
import { FileStorage } from '#storage';
import { randomUUID } from 'node:crypto';
import {
  bearer,
  callInEvaluation,
  createTestActivities,
  createTestApp,
  createUser,
  expectProblem,
  PDF_BYTES,
  TEST_PASSWORD,
  TestApp,
  TestUser,
  WITHOUT_COMMISSION,
} from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/** Decisions by resolution: the right body, immutable decisions, a ledger that adds up, and allocations that hold under concurrency. */
describe('awards', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  let nextOpening = Date.now() + 90 * DAY;
  async function evaluatedCall(count: number, callOverrides: Record<string, unknown> = {}) {
    const opensAt = new Date(nextOpening);
    nextOpening += 60 * DAY;
    const result = await callInEvaluation(t, activities, opensAt, count, undefined, callOverrides);
    return { ...result, staff: await createUser(t, ['staff']) };
  }

  async function signIn(user: TestUser): Promise<TestUser> {
    const login = await t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    return { ...user, token: login.body.accessToken };
  }

  const resolution = (number: string, decisions: unknown[], body = 'council') => ({
    body,
    number,
    adoptedOn: new Date(t.clock.now().getTime() + 20 * DAY).toISOString().slice(0, 10),
    text: 'Rada hl. m. Prahy schvaluje poskytnutí dotací dle přílohy.',
    withoutCommissionReason: WITHOUT_COMMISSION,
    decisions,
  });

  it('records a resolution: approvals and a reasoned rejection, by the right body, immutable, with ledger entries split by activity to the haléř', async () => {
    const { staff, call, applications } = await evaluatedCall(3);
    const [a, b, c] = applications;

    const wrongBody = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN ZHMP 1/2023', [{ applicationId: a.id, outcome: 'approved', amount: '150000.00' }], 'assembly'))
      .expect(422);
    expect(wrongBody.body.code).toBe('WRONG_BODY');
    const noReason = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 1/2023', [{ applicationId: b.id, outcome: 'rejected' }]))
      .expect(422);
    expect(noReason.body.code).toBe('REASON_REQUIRED');
    const tooMuch = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 1/2023', [{ applicationId: a.id, outcome: 'approved', amount: '170000.01' }]))
      .expect(422);
    expect(tooMuch.body.code).toBe('ABOVE_REQUESTED');

    const recorded = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(
        resolution('USN RHMP 1/2023', [
          { applicationId: a.id, outcome: 'approved', amount: '150000.00', conditions: ['Publicita: logo hl. m. Prahy na výstupech projektu.'] },
          { applicationId: b.id, outcome: 'rejected', reason: 'Projekt nedosáhl minimálního počtu bodů (K2 pod 8 body).' },
          { applicationId: c.id, outcome: 'approved', amount: '170000.00' },
        ]),
      )
      .expect(201);
    const decisionOfA = recorded.body.decisions.find((d: { applicationId: string }) => d.applicationId === a.id);
    // The signed resolution is kept with it, typed by its bytes and hashed.
    const notPdf = await t.http
      .post(`/resolutions/${recorded.body.resolutionId}/files`)
      .set(bearer(staff))
      .attach('file', Buffer.from('not a pdf at all'), { filename: 'usneseni.pdf', contentType: 'application/pdf' })
      .expect(422);
    expect(notPdf.body.code).toBe('FILE_NOT_ACCEPTED');
    const kept = await t.http
      .post(`/resolutions/${recorded.body.resolutionId}/files`)
      .set(bearer(staff))
      .attach('file', PDF_BYTES, { filename: 'usnesení-RHMP-1-2023.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(kept.body).toMatchObject({ fileName: 'usnesení-RHMP-1-2023.pdf', mediaType: 'application/pdf', sha256: createHash('sha256').update(PDF_BYTES).digest('hex') });

    // Approved ledger entries: per activity share (66.67 % / 33.33 %), adding up exactly.
    const entries = await t.dataSource.query<{ event_id: string; amount: string }[]>(
      `SELECT event_id, amount FROM ledger_entry WHERE application_id = $1 AND kind = 'approved' ORDER BY amount DESC`,
      [a.id],
    );
    expect(entries.map((e) => e.amount)).toEqual(['100005.00', '49995.00']);
    expect(new Set(entries.map((e) => e.event_id)).size).toBe(1);

    const twice = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 2/2023', [{ applicationId: a.id, outcome: 'approved', amount: '120000.00' }]))
      .expect(409);
    expect(twice.body).toMatchObject({ code: 'DECISION_EXISTS', currentDecisionId: decisionOfA.id });
    const duplicateNumber = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 1/2023', [{ applicationId: a.id, outcome: 'approved', amount: '120000.00', supersedesId: decisionOfA.id }]))
      .expect(409);
    expect(duplicateNumber.body.code).toBe('DUPLICATE');
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 2/2023', [{ applicationId: a.id, outcome: 'approved', amount: '120000.00', supersedesId: decisionOfA.id }]))
      .expect(201);

    const [sum] = await t.dataSource.query<{ total: string }[]>(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE application_id = $1 AND kind = 'approved'`, [a.id]);
    expect(sum.total).toBe('120000.00');
    const funding = await t.http.get(`/calls/${call.id}/funding`).set(bearer(staff)).expect(200);
    expect(funding.body.areas.find((x: { code: string }) => x.code === 'I')).toMatchObject({ approved: '290000.00' });
    const decisions = await t.http.get(`/calls/${call.id}/decisions`).set(bearer(staff)).expect(200);
    expect(decisions.body.filter((d: { applicationId: string; effective: boolean }) => d.applicationId === a.id).map((d: { effective: boolean }) => d.effective)).toEqual([
      false,
      true,
    ]);

    // The database itself refuses to rewrite history.
    await expect(t.dataSource.query(`UPDATE award_decision SET amount = 1 WHERE id = $1`, [decisionOfA.id])).rejects.toThrow(/append-only|immutable/);
    await expect(t.dataSource.query(`DELETE FROM ledger_entry WHERE application_id = $1`, [a.id])).rejects.toThrow(/append-only/);

    // The applicants hear it: an approval with the amount, a rejection with the reason.
    for (const applicationId of [a.id, b.id]) {
      for (const event of await t.dataSource.getRepository(OutboxEvent).findBy({ type: 'award.decided', aggregateId: applicationId }))
        await t.app.get(OutboxHandlers).dispatch(event);
    }
    const letters = await t.dataSource.query<{ attachments: { fileName: string }[] }[]>(
      `SELECT attachments FROM notification WHERE user_id = $1 AND kind = 'award_approved' ORDER BY created_at`,
      [a.user.id],
    );
    expect(letters.map((l) => l.attachments[0].fileName)).toEqual([expect.stringMatching(/^oznameni-o-poskytnuti-/), expect.stringMatching(/^oznameni-o-poskytnuti-/)]);
    const [notice] = await t.dataSource.query<
      {
        kind: string;
        params: { reason: string };
        attachments: { storageKey: string; fileName: string }[];
      }[]
    >(`SELECT kind, params, attachments FROM notification WHERE user_id = $1 AND kind = 'award_rejected'`, [b.user.id]);
    expect(notice.params.reason).toContain('K2 pod 8 body');
    // The notice with the reason goes as a PDF with the e-mail.
    expect(notice.attachments[0].fileName).toMatch(/^oznameni-o-neposkytnuti-.*\.pdf$/);
    const stored = await buffer(await t.app.get(FileStorage).get(notice.attachments[0].storageKey));
    expect(stored.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('never approves more than an allocation, even when decisions race', async () => {
    const { staff, call, applications } = await evaluatedCall(8, {
      budgetAreas: [
        { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '500000.00' },
        { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' },
      ],
    });
    const results = await Promise.all(
      applications.map((app, i) =>
        t.http
          .post(`/calls/${call.id}/resolutions`)
          .set(bearer(staff))
          .send(resolution(`USN RHMP ${100 + i}/2023`, [{ applicationId: app.id, outcome: 'approved', amount: '170000.00' }])),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'ALLOCATION_EXCEEDED')).toBe(true);
    const [area] = await t.dataSource.query<{ allocation: string; approved: string }[]>(
      `SELECT f.allocation, f.approved FROM area_funding f JOIN call_budget_area b ON b.id = f.budget_area_id WHERE b.call_id = $1 AND b.code = 'I'`,
      [call.id],
    );
    expect(area).toEqual({ allocation: '500000.00', approved: '340000.00' });
    const [ledger] = await t.dataSource.query<{ total: string }[]>(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE call_id = $1 AND kind = 'approved'`, [call.id]);
    expect(ledger.total).toBe('340000.00');
    await expect(t.dataSource.query(`UPDATE area_funding SET approved = allocation + 1 WHERE call_id = $1`, [call.id])).rejects.toThrow(/area_funding_within_allocation/);
  });

  it('runs the agreement: tranches that add up, minor conditions with their levy, signature, the register, four-eyes payments, a bank file sent once, and a ledger that follows', async () => {
    const { staff, call, applications } = await evaluatedCall(3);
    const [a, b, c] = applications;
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(
        resolution('USN RHMP 50/2023', [
          { applicationId: a.id, outcome: 'approved', amount: '170000.00' },
          { applicationId: b.id, outcome: 'approved', amount: '40000.00' },
          { applicationId: c.id, outcome: 'approved', amount: '90000.00' },
        ]),
      )
      .expect(201);
    const today = () => new Date(t.clock.now().getTime()).toISOString().slice(0, 10);
    // The call's standard terms, versioned: agreements carry the version they were drawn from.
    await t.http
      .post(`/calls/${call.id}/agreement-templates`)
      .set(bearer(staff))
      .send({
        conditions: [{ text: 'Příjemce oznámí poskytovateli každou změnu údajů uvedených ve smlouvě do 15 dnů.', minor: true, penalty: { kind: 'fixed', amount: '2000.00' } }],
        transformationDuties: ['Při přeměně nebo zrušení příjemce s likvidací je příjemce povinen nevyčerpané prostředky vrátit do 15 dnů.'],
      })
      .expect(201);
    expect((await t.http.get(`/calls/${call.id}/agreement-template`).set(bearer(staff)).expect(200)).body.version).toBe(1);
    const noAccount = await t.http
      .post(`/applications/${a.id}/agreement`)
      .set(bearer(staff))
      .send({
        purpose: 'Komunitní tlumočení pro rodiny žáků.',
        purposeFrom: '2023-01-01',
        purposeTo: '2023-12-31',
        settlementDeadline: '2024-01-31',
        conditions: [],
        tranches: [{ amount: '170000.00', dueDate: '2023-04-30' }],
      })
      .expect(409);
    expect(noAccount.body.code).toBe('RECIPIENT_BANK_ACCOUNT_MISSING');
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [[a.organisationId, b.organisationId, c.organisationId]]);
    const terms = (tranches: { amount: string; dueDate: string }[], conditions: unknown[] = []) => ({
      purpose: 'Komunitní tlumočení pro rodiny žáků s odlišným mateřským jazykem.',
      purposeFrom: '2023-01-01',
      purposeTo: '2023-12-31',
      settlementDeadline: '2024-01-31',
      conditions,
      tranches,
    });
    const off = await t.http
      .post(`/applications/${a.id}/agreement`)
      .set(bearer(staff))
      .send(
        terms([
          { amount: '100000.00', dueDate: '2023-04-30' },
          { amount: '60000.00', dueDate: '2023-09-30' },
        ]),
      )
      .expect(422);
    expect(off.body.code).toBe('TRANCHES_DO_NOT_ADD_UP');
    const noLevy = await t.http
      .post(`/applications/${a.id}/agreement`)
      .set(bearer(staff))
      .send(terms([{ amount: '170000.00', dueDate: '2023-04-30' }], [{ text: 'Publicita projektu na webu příjemce.', minor: true }]))
      .expect(422);
    expect(noLevy.body.code).toBe('PENALTY_INCOMPLETE');
    const created = await t.http
      .post(`/applications/${a.id}/agreement`)
      .set(bearer(staff))
      .send(
        terms(
          [
            { amount: '100000.00', dueDate: '2023-04-30' },
            { amount: '70000.00', dueDate: '2023-09-30' },
          ],
          [
            { text: 'Příjemce použije dotaci jen na účel podle smlouvy.', minor: false },
            { text: 'Publicita projektu na webu příjemce.', minor: true, penalty: { kind: 'percentage', percent: '5' } },
          ],
        ),
      )
      .expect(201);
    expect(created.body).toMatchObject({ status: 'draft', registerRequired: true, registerState: 'not_signed', amount: '170000.00' });
    expect(created.body.conditions.map((c: { text: string }) => c.text)).toEqual([
      'Příjemce oznámí poskytovateli každou změnu údajů uvedených ve smlouvě do 15 dnů.',
      'Příjemce použije dotaci jen na účel podle smlouvy.',
      'Publicita projektu na webu příjemce.',
    ]);
    const pdf = await t.http
      .get(`/agreements/${created.body.id}/document.pdf`)
      .set(bearer(staff))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const early = await t.http.post(`/agreements/${created.body.id}/payments`).set(bearer(staff)).send({ trancheNo: 1, amount: '100000.00' }).expect(409);
    expect(early.body.code).toBe('AGREEMENT_NOT_EFFECTIVE');
    const sent = await t.http.post(`/agreements/${created.body.id}/send`).set(bearer(staff)).send({ version: created.body.version }).expect(200);
    const signed = await t.http
      .post(`/agreements/${created.body.id}/signature`)
      .set(bearer(staff))
      .field('version', String(sent.body.version))
      .field('signedOn', today())
      .field('signatories', 'Jana Nováková (předsedkyně); za HMP vedoucí odboru')
      .attach('file', PDF_BYTES, { filename: 'smlouva-podepsana.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(signed.body).toMatchObject({ status: 'signed', registerState: 'pending', signedCopySha256: createHash('sha256').update(PDF_BYTES).digest('hex') });
    const unpublished = await t.http.post(`/agreements/${created.body.id}/payments`).set(bearer(staff)).send({ trancheNo: 1, amount: '100000.00' }).expect(409);
    expect(unpublished.body.code).toBe('AGREEMENT_NOT_PUBLISHED');
    t.clock.set(new Date(t.clock.now().getTime() + 21 * DAY));
    const second = await createUser(t, ['staff']);
    const first = await createUser(t, ['staff']);
    expect((await t.http.get(`/agreements/${created.body.id}`).set(bearer(first)).expect(200)).body.registerState).toBe('warning');
    // Staff are reminded from day 20 (the reminder tick, run here as the worker's clock would).
    await t.app.get(NotificationScheduler).sendReminders();
    const [reminder] = await t.dataSource.query<{ params: { stage: string } }[]>(
      `SELECT params FROM notification WHERE user_id = $1 AND kind = 'register_publication_due' AND params->>'agreementId' = $2`,
      [first.id, created.body.id],
    );
    expect(reminder.params.stage).toBe('warning');
    const published = await t.http
      .post(`/agreements/${created.body.id}/publication`)
      .set(bearer(first))
      .send({ version: signed.body.version, publishedOn: today(), registerId: '23145678' })
      .expect(200);
    expect(published.body).toMatchObject({ status: 'effective', registerState: 'published' });

    const ordered = await t.http.post(`/agreements/${created.body.id}/payments`).set(bearer(first)).send({ trancheNo: 1, amount: '100000.00' }).expect(201);
    expect((await t.http.post(`/payments/${ordered.body.id}/approve`).set(bearer(first)).send({ version: 1 }).expect(403)).body.code).toBe('FOUR_EYES');
    // Approved in bulk (one order here): four eyes per order, each audited.
    const approved = await t.http
      .post('/payments/approve')
      .set(bearer(second))
      .send({ payments: [{ id: ordered.body.id, version: 1 }] })
      .expect(200);
    expect(approved.body).toEqual({ succeeded: [ordered.body.id], failed: [] });
    const over = await t.http.post(`/agreements/${created.body.id}/payments`).set(bearer(first)).send({ trancheNo: 2, amount: '80000.00' }).expect(409);
    expect(over.body.code).toBe('PAYMENT_EXCEEDS_AWARD');
    const rest = await t.http.post(`/agreements/${created.body.id}/payments`).set(bearer(first)).send({ trancheNo: 2, amount: '70000.00' }).expect(201);
    // The orderer's own order and an already approved one are reported per item, and nothing changes.
    const refused = await t.http
      .post('/payments/approve')
      .set(bearer(first))
      .send({
        payments: [
          { id: rest.body.id, version: 1 },
          { id: ordered.body.id, version: 2 },
        ],
      })
      .expect(200);
    expect(refused.body.succeeded).toEqual([]);
    expect(refused.body.failed.map((f: { id: string; code: string }) => [f.id, f.code])).toEqual([
      [rest.body.id, 'FOUR_EYES'],
      [ordered.body.id, expect.any(String)],
    ]);
    expect(refused.body.failed[1].code).not.toBe('FOUR_EYES');
    const twice = await t.http
      .post('/payments/approve')
      .set(bearer(second))
      .send({
        payments: [
          { id: rest.body.id, version: 1 },
          { id: rest.body.id, version: 1 },
        ],
      });
    expectProblem(twice, 422, 'VALIDATION_FAILED');
    const auditor = await createUser(t, ['auditor']);
    expectProblem(
      await t.http
        .post('/payments/approve')
        .set(bearer(auditor))
        .send({ payments: [{ id: rest.body.id, version: 1 }] }),
      403,
      'PERMISSION_DENIED',
    );
    const approvals = await t.dataSource.query(`SELECT 1 FROM audit_log WHERE object_id = ANY($1::text[]) AND action = 'payment.approved'`, [[ordered.body.id, rest.body.id]]);
    expect(approvals).toHaveLength(1);
    await t.http.post(`/payments/${rest.body.id}/hold`).set(bearer(first)).send({ reason: 'Otevřená výzva k nápravě – chybí průběžná zpráva.', version: 1 }).expect(200);

    const bankFile = await t.http.post('/payments/bank-export').set(bearer(second)).expect(200);
    const lines = bankFile.text.trim().split('\r\n');
    expect(lines[0]).toBe('payment_id;payment_version;debit_account;credit_account;amount;variable_symbol;due_date;message');
    expect(lines.filter((l) => l.startsWith(ordered.body.id))).toHaveLength(1);
    // The exported line carries the version the confirmation must send.
    const exportedVersion = Number(lines.find((l) => l.startsWith(ordered.body.id))!.split(';')[1]);
    expect(exportedVersion).toBe(3);

    // One payment, and payments across agreements by status, call, recipient and order date, paged.
    const one = await t.http.get(`/payments/${ordered.body.id}`).set(bearer(second)).expect(200);
    expect(one.body).toMatchObject({
      id: ordered.body.id,
      status: 'exported',
      version: exportedVersion,
      agreementId: created.body.id,
      applicationId: a.id,
      callId: call.id,
      amount: '100000.00',
    });
    expect(one.body.recipient).toMatchObject({ organisationId: expect.any(String), ico: expect.any(String) });
    expect((await t.http.get('/payments/00000000-0000-4000-8000-000000000000').set(bearer(second)).expect(404)).body.code).toBe('PAYMENT_NOT_FOUND');
    const ofCall = await t.http.get('/payments').query({ callId: call.id }).set(bearer(second)).expect(200);
    expect(ofCall.body.items.map((p: { id: string }) => p.id).sort()).toEqual([ordered.body.id, rest.body.id].sort());
    expect(ofCall.body.total).toBe(2);
    const held = await t.http.get('/payments').query({ callId: call.id, status: 'held' }).set(bearer(second)).expect(200);
    expect(held.body.items.map((p: { id: string }) => p.id)).toEqual([rest.body.id]);
    const around = (days: number) => new Date(Date.parse(one.body.orderedAt) + days * 86_400_000).toISOString().slice(0, 10);
    const ofRecipient = await t.http
      .get('/payments')
      .query({ organisationId: one.body.recipient.organisationId, from: around(-1), to: around(1) })
      .set(bearer(second))
      .expect(200);
    expect(ofRecipient.body.items.map((p: { id: string }) => p.id).sort()).toEqual([ordered.body.id, rest.body.id].sort());
    const paged = await t.http.get('/payments').query({ callId: call.id, pageSize: 1, page: 2 }).set(bearer(second)).expect(200);
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [expect.any(Object)] });
    expect((await t.http.get('/payments').query({ callId: call.id, from: '2000-01-01', to: '2000-12-31' }).set(bearer(second)).expect(200)).body.total).toBe(0);
    expect((await t.http.get('/payments').query({ status: 'lost' }).set(bearer(second)).expect(422)).body.code).toBeDefined();
    // The recipient's own members hold no payment-ledger permission.
    await t.http
      .get('/payments')
      .set(bearer(await signIn(a.user)))
      .expect(403);
    await t.http
      .get(`/payments/${ordered.body.id}`)
      .set(bearer(await signIn(a.user)))
      .expect(403);
    expect(lines.some((l) => l.startsWith(rest.body.id))).toBe(false);
    const again = await t.http.post('/payments/bank-export').set(bearer(second)).expect(200);
    expect(again.text).not.toContain(ordered.body.id);

    await t.http
      .post(`/payments/${ordered.body.id}/confirmation`)
      .set(bearer(second))
      .send({ bankReference: 'VYP-2023-0412-17', paidOn: today(), version: exportedVersion })
      .expect(200);
    const ledger = await t.dataSource.query<{ kind: string; total: string; parts: number }[]>(
      `SELECT kind, sum(amount)::text AS total, count(*)::int AS parts FROM ledger_entry WHERE application_id = $1 GROUP BY kind ORDER BY kind`,
      [a.id],
    );
    expect(ledger).toEqual([
      { kind: 'approved', total: '170000.00', parts: 2 },
      { kind: 'contracted', total: '170000.00', parts: 2 },
      { kind: 'paid', total: '100000.00', parts: 2 },
      { kind: 'requested', total: '170000.00', parts: 2 },
    ]);

    // A dodatek: the second tranche moves; it counts only once signed and published, as the agreement's version 2.
    const mismatch = await t.http
      .post(`/agreements/${created.body.id}/amendments`)
      .set(bearer(first))
      .send({ reason: 'Posun harmonogramu projektu.', changes: ['Článek IV: 2. splátka se posouvá.'], tranches: [{ amount: '100000.00', dueDate: '2023-04-30' }] })
      .expect(422);
    expect(mismatch.body.code).toBe('TRANCHES_DO_NOT_ADD_UP');
    const amendment = await t.http
      .post(`/agreements/${created.body.id}/amendments`)
      .set(bearer(first))
      .send({
        reason: 'Posun harmonogramu projektu.',
        changes: ['Článek IV: termín 2. splátky se mění na 31. 10. 2023.'],
        tranches: [
          { amount: '100000.00', dueDate: '2023-04-30' },
          { amount: '70000.00', dueDate: '2023-10-31' },
        ],
      })
      .expect(201);
    expect(amendment.body).toMatchObject({ number: 1, status: 'awaiting_signature' });
    expect(
      (
        await t.http
          .post(`/agreements/${created.body.id}/amendments`)
          .set(bearer(first))
          .send({ reason: 'Další změna.', changes: ['Cokoli.'] })
          .expect(409)
      ).body.code,
    ).toBe('AMENDMENT_PENDING');
    const amendmentSigned = await t.http
      .post(`/amendments/${amendment.body.id}/signature`)
      .set(bearer(first))
      .field('version', '1')
      .field('signedOn', today())
      .field('signatories', 'Jana Nováková')
      .attach('file', PDF_BYTES, { filename: 'dodatek.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(amendmentSigned.body.status).toBe('signed');
    expect((await t.http.get(`/agreements/${created.body.id}`).set(bearer(first)).expect(200)).body).toMatchObject({ agreementVersion: 1 });
    await t.http.post(`/amendments/${amendment.body.id}/publication`).set(bearer(first)).send({ version: 2, publishedOn: today(), registerId: '23145679' }).expect(200);
    const amended = await t.http.get(`/agreements/${created.body.id}`).set(bearer(first)).expect(200);
    expect(amended.body).toMatchObject({ agreementVersion: 2 });
    expect(amended.body.tranches[1]).toMatchObject({ dueDate: '2023-10-31', amount: '70000.00' });
    const amendedPdf = await t.http.get(`/agreements/${created.body.id}/document.pdf`).set(bearer(first)).expect(200);
    expect(amendedPdf.headers['content-disposition']).toContain('-v2.pdf');

    // Up to 50 000 Kč nothing is published: signed means effective.
    const small = await t.http
      .post(`/applications/${b.id}/agreement`)
      .set(bearer(first))
      .send(terms([{ amount: '40000.00', dueDate: '2023-04-30' }]))
      .expect(201);
    const smallSent = await t.http.post(`/agreements/${small.body.id}/send`).set(bearer(first)).send({ version: 1 }).expect(200);
    const smallSigned = await t.http
      .post(`/agreements/${small.body.id}/signature`)
      .set(bearer(first))
      .field('version', String(smallSent.body.version))
      .field('signedOn', today())
      .field('signatories', 'Petr Novák')
      .attach('file', PDF_BYTES, { filename: 'smlouva.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(smallSigned.body).toMatchObject({ status: 'effective', registerState: 'not_required' });

    // Unpublished for three months: void from the start, and it cannot be published any more.
    const late = await t.http
      .post(`/applications/${c.id}/agreement`)
      .set(bearer(first))
      .send(terms([{ amount: '90000.00', dueDate: '2023-04-30' }]))
      .expect(201);
    const lateSent = await t.http.post(`/agreements/${late.body.id}/send`).set(bearer(first)).send({ version: 1 }).expect(200);
    const lateSigned = await t.http
      .post(`/agreements/${late.body.id}/signature`)
      .set(bearer(first))
      .field('version', String(lateSent.body.version))
      .field('signedOn', today())
      .field('signatories', 'Eva Malá')
      .attach('file', PDF_BYTES, { filename: 'smlouva.pdf', contentType: 'application/pdf' })
      .expect(200);
    t.clock.set(new Date(t.clock.now().getTime() + 95 * DAY));
    const staffLater = await createUser(t, ['staff']);
    expect((await t.http.get(`/agreements/${late.body.id}`).set(bearer(staffLater)).expect(200)).body.registerState).toBe('void');
    const voided = await t.http
      .post(`/agreements/${late.body.id}/publication`)
      .set(bearer(staffLater))
      .send({ version: lateSigned.body.version, publishedOn: today(), registerId: '1' })
      .expect(409);
    expect(voided.body.code).toBe('AGREEMENT_VOID');
  });

  it('settles: every cost document checked, the return from the rules, returns matched until settled + returned = paid', async () => {
    const { staff, call, applications } = await evaluatedCall(1);
    const [a] = applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [a.organisationId]);
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 70/2023', [{ applicationId: a.id, outcome: 'approved', amount: '170000.00' }]))
      .expect(201);
    const today = () => t.clock.now().toISOString().slice(0, 10);
    const agreement = await t.http
      .post(`/applications/${a.id}/agreement`)
      .set(bearer(staff))
      .send({
        purpose: 'Komunitní tlumočení pro rodiny žáků.',
        purposeFrom: '2023-01-01',
        purposeTo: '2023-12-31',
        settlementDeadline: '2099-01-31',
        conditions: [],
        tranches: [{ amount: '170000.00', dueDate: '2023-04-30' }],
      })
      .expect(201);
    const sent = await t.http.post(`/agreements/${agreement.body.id}/send`).set(bearer(staff)).send({ version: 1 }).expect(200);
    const signed = await t.http
      .post(`/agreements/${agreement.body.id}/signature`)
      .set(bearer(staff))
      .field('version', String(sent.body.version))
      .field('signedOn', today())
      .field('signatories', 'Jana Nováková')
      .attach('file', PDF_BYTES, { filename: 'smlouva.pdf', contentType: 'application/pdf' })
      .expect(200);
    await t.http
      .post(`/agreements/${agreement.body.id}/publication`)
      .set(bearer(staff))
      .send({ version: signed.body.version, publishedOn: today(), registerId: '777' })
      .expect(200);
    const order = await t.http.post(`/agreements/${agreement.body.id}/payments`).set(bearer(staff)).send({ trancheNo: 1, amount: '170000.00' }).expect(201);
    const approver = await createUser(t, ['staff']);
    await t.http.post(`/payments/${order.body.id}/approve`).set(bearer(approver)).send({ version: 1 }).expect(200);
    await t.http.post('/payments/bank-export').set(bearer(approver)).expect(200);
    await t.http.post(`/payments/${order.body.id}/confirmation`).set(bearer(approver)).send({ bankReference: 'VYP-1', paidOn: today(), version: 3 }).expect(200);

    const applicant = await signIn(a.user);
    // The settlement charges cost documents to the budget lines, which the applicant reads with their ids.
    const lines = (await t.http.get(`/applications/${a.id}/budget-lines`).set(bearer(applicant)).expect(200)).body as { id: string; categoryCode: string; requested: string }[];
    expect(lines.map((l) => l.categoryCode)).toEqual(['PERSONAL', 'SERVICES']);
    expect(lines[0]).toMatchObject({ id: expect.any(String), versionNo: 1, totalCost: expect.stringMatching(/^\d+\.\d{2}$/) });
    await t.http
      .get(`/applications/${a.id}/budget-lines`)
      .set(bearer(await createUser(t, ['applicant'])))
      .expect(404);
    const [personal, services] = lines;
    const settlement = {
      costDocuments: [
        { budgetLineId: personal.id, number: 'DPP-01', issuedOn: '2023-05-31', supplier: 'Tlumočnice Olena K.', amount: '100000.00', paidOn: '2023-06-05' },
        { budgetLineId: personal.id, number: 'DPP-02', issuedOn: '2023-06-30', supplier: 'Tlumočník Minh T.', amount: '20000.00', paidOn: '2023-07-05' },
        { budgetLineId: services.id, number: 'FV-2023-117', issuedOn: '2023-09-15', supplier: 'Catering Praha s.r.o.', amount: '30000.00', paidOn: '2023-09-20' },
      ],
      report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 134 }],
    };
    const stranger = await createUser(t, ['applicant']);
    await t.http.post(`/agreements/${agreement.body.id}/settlement`).set(bearer(stranger)).send(settlement).expect(404);
    const submitted = await t.http.post(`/agreements/${agreement.body.id}/settlement`).set(bearer(applicant)).send(settlement).expect(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', late: false });
    expect((await t.http.post(`/agreements/${agreement.body.id}/settlement`).set(bearer(applicant)).send(settlement).expect(409)).body.code).toBe('SETTLEMENT_EXISTS');

    const docs = Object.fromEntries(submitted.body.costDocuments.map((d: { number: string; id: string }) => [d.number, d.id]));
    // Scans of the documents come from the recipient, and only while the check is open.
    await t.http
      .post(`/cost-documents/${docs['DPP-01']}/files`)
      .set(bearer(stranger))
      .attach('file', PDF_BYTES, { filename: 'dpp.pdf', contentType: 'application/pdf' })
      .expect(404);
    await t.http
      .post(`/cost-documents/${docs['DPP-01']}/files`)
      .set(bearer(applicant))
      .attach('file', PDF_BYTES, { filename: 'dohoda-o-provedení-práce-01.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect((await t.http.get(`/cost-documents/${docs['DPP-01']}/files`).set(bearer(staff)).expect(200)).body).toEqual([
      expect.objectContaining({ fileName: 'dohoda-o-provedení-práce-01.pdf' }),
    ]);
    const incomplete = await t.http
      .post(`/settlements/${submitted.body.id}/check`)
      .set(bearer(staff))
      .send({ reviews: [{ costDocumentId: docs['DPP-01'], review: 'eligible' }], returnDueDate: '2099-03-31', version: 1 })
      .expect(422);
    expect(incomplete.body.code).toBe('SETTLEMENT_CHECK_INCOMPLETE');
    await t.http.post(`/settlements/${submitted.body.id}/check`).set(bearer(applicant)).send({ reviews: [], returnDueDate: '2099-03-31', version: 1 }).expect(403);
    const checked = await t.http
      .post(`/settlements/${submitted.body.id}/check`)
      .set(bearer(staff))
      .send({
        reviews: [
          { costDocumentId: docs['DPP-01'], review: 'eligible' },
          { costDocumentId: docs['DPP-02'], review: 'partly_eligible', eligibleAmount: '15000.00', reason: 'Část odměny připadá na období před začátkem projektu.' },
          { costDocumentId: docs['FV-2023-117'], review: 'ineligible', reason: 'Pohoštění není uznatelným nákladem podle podmínky výzvy č. 1.' },
        ],
        returnDueDate: '2099-03-31',
        version: 1,
      })
      .expect(200);
    expect(checked.body).toMatchObject({ status: 'checked', eligibleTotal: '115000.00', returnDue: '55000.00', returned: '0.00' });

    expect(
      (
        await t.http
          .post(`/cost-documents/${docs['DPP-02']}/files`)
          .set(bearer(applicant))
          .attach('file', PDF_BYTES, { filename: 'late.pdf', contentType: 'application/pdf' })
          .expect(409)
      ).body.code,
    ).toBe('SETTLEMENT_CHECKED');
    const tooMuch = await t.http
      .post(`/settlements/${submitted.body.id}/returns`)
      .set(bearer(staff))
      .send({ amount: '60000.00', receivedOn: today(), bankReference: 'P-1', version: 2 })
      .expect(422);
    expect(tooMuch.body.code).toBe('ABOVE_RETURN_DUE');
    await t.http
      .post(`/settlements/${submitted.body.id}/returns`)
      .set(bearer(staff))
      .send({ amount: '20000.00', receivedOn: today(), bankReference: 'P-1', version: 2 })
      .expect(200);
    const closed = await t.http
      .post(`/settlements/${submitted.body.id}/returns`)
      .set(bearer(staff))
      .send({ amount: '35000.00', receivedOn: today(), bankReference: 'P-2', version: 3 })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', returned: '55000.00' });

    const ledger = await t.dataSource.query<{ kind: string; total: string }[]>(
      `SELECT kind, sum(amount)::text AS total FROM ledger_entry WHERE application_id = $1 GROUP BY kind ORDER BY kind`,
      [a.id],
    );
    expect(Object.fromEntries(ledger.map((l) => [l.kind, l.total]))).toEqual({
      requested: '170000.00',
      approved: '170000.00',
      contracted: '170000.00',
      paid: '170000.00',
      settled: '115000.00',
      returned: '55000.00',
    });
    expect((await t.http.get(`/settlements/${submitted.body.id}`).set(bearer(applicant)).expect(200)).body.returns).toHaveLength(2);
    await t.http.get(`/settlements/${submitted.body.id}`).set(bearer(stranger)).expect(404);

    // Every step told the recipient (handled here as the worker would).
    const events = await t.dataSource
      .getRepository(OutboxEvent)
      .find({ where: [{ aggregateId: agreement.body.id }, { aggregateId: order.body.id }, { aggregateId: submitted.body.id }] });
    for (const event of events) await t.app.get(OutboxHandlers).dispatch(event);
    const kinds = await t.dataSource.query<{ kind: string; params: Record<string, unknown> }[]>(`SELECT kind, params FROM notification WHERE user_id = $1 ORDER BY created_at`, [
      a.user.id,
    ]);
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['agreement_ready_to_sign', 'agreement_published', 'payment_sent', 'return_due', 'return_received']));
    expect(kinds.find((k) => k.kind === 'return_due')!.params).toMatchObject({ amount: '55000.00', dueDate: '2099-03-31' });

    // The auditor's dossier: the whole story of the project's money, with the audit trail of each record.
    const auditor = await createUser(t, ['auditor']);
    const dossier = await t.http.get(`/trace/projects/${a.id}`).set(bearer(auditor)).expect(200);
    expect(dossier.body.decisions).toHaveLength(1);
    expect(dossier.body.agreement).toMatchObject({ status: 'effective', registerId: '777' });
    expect(dossier.body.payments).toEqual([expect.objectContaining({ status: 'paid', bankReference: 'VYP-1', amount: '170000.00' })]);
    expect(dossier.body.settlement).toMatchObject({ status: 'closed', returned: '55000.00' });
    expect(dossier.body.settlement.costDocuments.find((d: { number: string }) => d.number === 'DPP-01').files).toHaveLength(1);
    expect(dossier.body.settlement.returns).toHaveLength(2);
    expect(Object.fromEntries(dossier.body.ledger.map((l: { kind: string; total: string }) => [l.kind, l.total]))).toMatchObject({
      paid: '170000.00',
      settled: '115000.00',
      returned: '55000.00',
    });
    const actions = dossier.body.audit.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['resolution.recorded', 'agreement.sign', 'payment.approved', 'payment.confirmed', 'settlement.checked', 'settlement.return_received']),
    );
    await t.http.get(`/trace/projects/${a.id}`).set(bearer(applicant)).expect(403);
  });

  it('handles a breach: remedy first for a minor condition, the levy capped by the agreement and waived up to 1 000 Kč, the penalty from the day after the breach', async () => {
    const { staff, call, applications } = await evaluatedCall(1);
    const [a] = applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [a.organisationId]);
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 80/2023', [{ applicationId: a.id, outcome: 'approved', amount: '170000.00' }]))
      .expect(201);
    const agreement = await t.http
      .post(`/applications/${a.id}/agreement`)
      .set(bearer(staff))
      .send({
        purpose: 'Komunitní tlumočení pro rodiny žáků.',
        purposeFrom: '2023-01-01',
        purposeTo: '2023-12-31',
        settlementDeadline: '2024-01-31',
        tranches: [{ amount: '170000.00', dueDate: '2023-04-30' }],
        conditions: [
          { text: 'Příjemce uvede logo hl. m. Prahy na všech výstupech projektu.', minor: true, penalty: { kind: 'percentage-range', minPercent: '5', maxPercent: '20' } },
          { text: 'Příjemce použije dotaci jen na účel podle smlouvy.', minor: false },
        ],
      })
      .expect(201);

    const day = (offset: number) => new Date(t.clock.now().getTime() + offset * DAY).toISOString().slice(0, 10);
    const breachDate = day(-200);
    const notMinor = await t.http
      .post(`/agreements/${agreement.body.id}/breaches`)
      .set(bearer(staff))
      .send({ description: 'Dotace použita na jiný účel než sjednaný.', conditionNo: 2, breachDate, misused: '50000.00', remedyDeadline: day(30) })
      .expect(422);
    expect(notMinor.body.code).toBe('REMEDY_NOT_ALLOWED');
    const pastDeadline = await t.http
      .post(`/agreements/${agreement.body.id}/breaches`)
      .set(bearer(staff))
      .send({ description: 'Na letácích projektu chybí logo hl. m. Prahy.', conditionNo: 1, breachDate, misused: '0.00', remedyDeadline: day(-1) })
      .expect(422);
    expect(pastDeadline.body.code).toBe('DEADLINE_NOT_IN_FUTURE');
    const fixable = await t.http
      .post(`/agreements/${agreement.body.id}/breaches`)
      .set(bearer(staff))
      .send({ description: 'Na letácích projektu chybí logo hl. m. Prahy.', conditionNo: 1, breachDate, misused: '0.00', remedyDeadline: day(30) })
      .expect(201);
    expect(fixable.body.status).toBe('remedy_requested');
    const remedyLetter = await t.http.get(`/breaches/${fixable.body.id}/document.pdf`).set(bearer(staff)).expect(200);
    expect(remedyLetter.headers['content-disposition']).toContain('vyzva-k-naprave');
    expect(
      (
        await t.http
          .post(`/breaches/${fixable.body.id}/remedied`)
          .set(bearer(staff))
          .send({ remediedOn: day(0), version: 1 })
          .expect(200)
      ).body.status,
    ).toBe('remedied');

    const small = await t.http
      .post(`/agreements/${agreement.body.id}/breaches`)
      .set(bearer(staff))
      .send({ description: 'Neuznatelný výdaj za parkovné.', breachDate, misused: '800.00' })
      .expect(201);
    const waived = await t.http
      .post(`/breaches/${small.body.id}/levy`)
      .set(bearer(staff))
      .send({ dueDate: day(30), version: 1 })
      .expect(200);
    expect(waived.body).toMatchObject({ status: 'waived', levy: '0.00' });

    const logo = await t.http
      .post(`/agreements/${agreement.body.id}/breaches`)
      .set(bearer(staff))
      .send({ description: 'Logo chybí i po lhůtě k nápravě.', conditionNo: 1, breachDate, misused: '50000.00' })
      .expect(201);
    expect(
      (
        await t.http
          .post(`/breaches/${logo.body.id}/levy`)
          .set(bearer(staff))
          .send({ dueDate: day(30), percent: '30', version: 1 })
          .expect(422)
      ).body.code,
    ).toBe('PERCENT_OUT_OF_RANGE');
    const levied = await t.http
      .post(`/breaches/${logo.body.id}/levy`)
      .set(bearer(staff))
      .send({ dueDate: day(30), percent: '10', version: 1 })
      .expect(200);
    expect(levied.body).toMatchObject({ status: 'levied', levy: '17000.00' });
    const returnCall = await t.http.get(`/breaches/${logo.body.id}/document.pdf`).set(bearer(staff)).expect(200);
    expect(returnCall.headers['content-disposition']).toContain('vyzva-k-odvodu');
    expect((await t.http.get(`/breaches/${small.body.id}/document.pdf`).set(bearer(staff)).expect(409)).body.code).toBe('NO_LEVY');
    // Paid today, 200 days after the breach: 200 × 0,4 ‰ × 17 000 Kč = 1 360 Kč (over 1 000 Kč, so imposed).
    const paid = await t.http
      .post(`/breaches/${logo.body.id}/payment`)
      .set(bearer(staff))
      .send({ paidOn: day(0), version: 2 })
      .expect(200);
    expect(paid.body).toMatchObject({ status: 'paid', penalty: '1360.00' });
    const [ledger] = await t.dataSource.query<{ total: string }[]>(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE application_id = $1 AND kind = 'penalised'`, [a.id]);
    expect(ledger.total).toBe('18360.00');
  });

  it('lets only staff decide; auditors read the funding', async () => {
    const { call, applications } = await evaluatedCall(1);
    const applicant = await createUser(t, ['applicant']);
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(applicant))
      .send(resolution('USN RHMP 9/2023', [{ applicationId: applications[0].id, outcome: 'approved', amount: '1000.00' }]))
      .expect(403);
    const auditor = await createUser(t, ['auditor']);
    await t.http.get(`/calls/${call.id}/funding`).set(bearer(auditor)).expect(200);
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(auditor))
      .send(resolution('USN RHMP 9/2023', [{ applicationId: applications[0].id, outcome: 'approved', amount: '1000.00' }]))
      .expect(403);
  });
});
