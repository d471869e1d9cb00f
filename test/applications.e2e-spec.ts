import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { ApplicationService } from '#applications';
import type { CallView } from '#calls';
import { extractPdfPages } from '../libs/documents/src/testing/pdf-text.js';
import {
  applicantWithOrganisation,
  bearer,
  completeSections,
  createTestActivities,
  createTestApp,
  createUser,
  openCall,
  PDF_BYTES,
  PNG_BYTES,
  readyApplication,
  TestApp,
  TestUser,
  uploadAnnex,
} from '#testing';

const DAY = 86_400_000;

function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
}

/** Collects a binary response body (supertest would otherwise try to parse it as text). */
const binaryBody = (res: Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const fieldsOf = (response: Response) => (response.body.errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);

describe('applications', () => {
  let t: TestApp;
  let staff: TestUser;
  let auditor: TestUser;
  let commission: TestUser;
  let ngo: { user: TestUser; organisationId: string };
  let stranger: { user: TestUser; organisationId: string };
  let call: CallView;

  const opensAt = new Date('2022-11-14T00:00:00+01:00');
  const closesAt = new Date('2022-11-25T00:00:00+01:00');
  const duringPeriod = new Date('2022-11-20T10:00:00+01:00');
  const afterDeadline = new Date('2022-11-28T09:00:00+01:00');

  beforeAll(async () => {
    t = await createTestApp();
    [staff, auditor, commission] = await Promise.all([
      createUser(t, ['staff'], 'app-staff'),
      createUser(t, ['auditor'], 'app-auditor'),
      createUser(t, ['commission_member'], 'app-commission'),
    ]);
    [ngo, stranger] = await Promise.all([applicantWithOrganisation(t), applicantWithOrganisation(t)]);
    call = await openCall(t, staff, await createTestActivities(t), opensAt, closesAt);
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(duringPeriod));

  const createDraft = (user: TestUser, organisationId: string, callId = call.id) => t.http.post('/applications').set(bearer(user)).send({ callId, organisationId });
  const save = (user: TestUser, id: string, body: Record<string, unknown>) => t.http.patch(`/applications/${id}`).set(bearer(user)).send(body);
  const submit = (user: TestUser, id: string, key?: string) => {
    const req = t.http.post(`/applications/${id}/submit`).set(bearer(user));
    return key ? req.set('Idempotency-Key', key) : req;
  };

  describe('drafts', () => {
    it('starts a numbered draft only for a member of an eligible organisation while the call is open', async () => {
      const draft = await createDraft(ngo.user, ngo.organisationId).expect(201);
      expect(draft.body).toMatchObject({ status: 'draft', draftVersion: 1, currentVersionNo: 0, number: expect.stringMatching(new RegExp(`^${call.code}-\\d{4}$`)) });
      expect(draft.body.missing.length).toBeGreaterThan(10);

      expectProblem(await createDraft(stranger.user, ngo.organisationId), 404, 'ORGANISATION_NOT_FOUND');
      expectProblem(await createDraft(staff, ngo.organisationId), 403, 'PERMISSION_DENIED');
      expectProblem(await createDraft(commission, ngo.organisationId), 403, 'PERMISSION_DENIED');
      const other = await applicantWithOrganisation(t, 'other');
      const ineligible = await createDraft(other.user, other.organisationId);
      expectProblem(ineligible, 422, 'APPLICANT_NOT_ELIGIBLE');
      t.clock.set(new Date(opensAt.getTime() - 1000));
      expectProblem(await createDraft(ngo.user, ngo.organisationId), 409, 'CALL_NOT_OPEN');
      t.clock.set(closesAt);
      expectProblem(await createDraft(ngo.user, ngo.organisationId), 409, 'CALL_NOT_OPEN');
    });

    it('accepts partial saves at any time and reports live progress', async () => {
      const draft = (await createDraft(ngo.user, ngo.organisationId).expect(201)).body;
      const first = await save(ngo.user, draft.id, { version: 1, project: { title: 'Jen název' } }).expect(200);
      expect(first.body).toMatchObject({ draftVersion: 2, draft: { project: { title: 'Jen název' } }, title: 'Jen název' });
      const second = await save(ngo.user, draft.id, { version: 2, budgetLines: [{ category: 'PERSONAL', totalCost: '1000.50' }] }).expect(200);
      expect(second.body.draft.project.title).toBe('Jen název');
      expect(second.body.draftBudget).toMatchObject({ totalCost: '1000.50', requested: '0.00' });
      expect(second.body.missing.map((m: { field: string }) => m.field)).toEqual(expect.arrayContaining(['project.summary', 'budgetLines.0.requested', 'declarations.truthful']));
    });

    it('answers a stale save with 409 and the current state, and keeps what was saved', async () => {
      const draft = (await createDraft(ngo.user, ngo.organisationId).expect(201)).body;
      await save(ngo.user, draft.id, { version: 1, purpose: 'Verze A' }).expect(200);
      const stale = await save(ngo.user, draft.id, { version: 1, purpose: 'Verze B' });
      expectProblem(stale, 409, 'STALE_VERSION');
      expect(stale.body.current).toMatchObject({ draftVersion: 2, draft: { purpose: 'Verze A' } });
      const [a, b] = await Promise.all([save(ngo.user, draft.id, { version: 2, justification: 'Souběh 1' }), save(ngo.user, draft.id, { version: 2, justification: 'Souběh 2' })]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const now = (await t.http.get(`/applications/${draft.id}`).set(bearer(ngo.user)).expect(200)).body;
      expect(now.draftVersion).toBe(3);
      expect(now.draft.purpose).toBe('Verze A');
      expect([a, b].find((r) => r.status === 200)!.body.draft.justification).toBe(now.draft.justification);
    });

    it('refuses malformed values with the field named and changes nothing', async () => {
      const draft = (await createDraft(ngo.user, ngo.organisationId).expect(201)).body;
      await save(ngo.user, draft.id, { version: 1, purpose: 'Zachovaný účel' }).expect(200);
      const bad = await save(ngo.user, draft.id, { version: 2, budgetLines: [{ totalCost: '12,50' }], period: { from: '2023-02-30' }, status: 'accepted' });
      expectProblem(bad, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['budgetLines.0.totalCost:isAmount', 'period.from:isCalendarDate', 'status:whitelistValidation']));
      expect(bad.body.detail).toContain('budgetLines.0.totalCost');
      const after = (await t.http.get(`/applications/${draft.id}`).set(bearer(ngo.user))).body;
      expect(after).toMatchObject({ draftVersion: 2, draft: { purpose: 'Zachovaný účel' }, status: 'draft' });
    });
  });

  describe('attachments', () => {
    it('checks the bytes, not the name, stores the SHA-256 and serves the file only to those who may read it', async () => {
      const draft = (await createDraft(ngo.user, ngo.organisationId).expect(201)).body;
      const fake = await uploadAnnex(t, ngo.user, draft.id, 'STATUTORY', Buffer.from('tohle není PDF, jen text'), 'stanovy.pdf');
      expectProblem(fake, 422, 'FILE_UNKNOWN_TYPE');
      expectProblem(await uploadAnnex(t, ngo.user, draft.id, 'STATUTORY', PNG_BYTES, 'sken.png'), 422, 'FILE_TYPE_NOT_ALLOWED');
      const big = Buffer.concat([PDF_BYTES, Buffer.alloc(5 * 1024 * 1024)]);
      expectProblem(await uploadAnnex(t, ngo.user, draft.id, 'STATUTORY', big, 'velky.pdf'), 422, 'FILE_TOO_LARGE');
      expectProblem(await uploadAnnex(t, ngo.user, draft.id, 'NOPE'), 422, 'UNKNOWN_ANNEX_TYPE');
      expectProblem(await uploadAnnex(t, stranger.user, draft.id, 'STATUTORY'), 404, 'APPLICATION_NOT_FOUND');

      const ok = await uploadAnnex(t, ngo.user, draft.id, 'STATUTORY', PDF_BYTES, 'Výpis ze spolkového rejstříku.pdf').expect(201);
      expect(ok.body).toMatchObject({ annexTypeCode: 'STATUTORY', mediaType: 'application/pdf', sizeBytes: PDF_BYTES.length, fileName: 'Výpis ze spolkového rejstříku.pdf' });
      expect(ok.body.sha256).toBe(createHash('sha256').update(PDF_BYTES).digest('hex'));

      const download = (user: TestUser) => t.http.get(`/applications/${draft.id}/attachments/${ok.body.id}`).set(bearer(user)).buffer(true).parse(binaryBody);
      const mine = await download(ngo.user).expect(200);
      expect(Buffer.compare(mine.body as Buffer, PDF_BYTES)).toBe(0);
      expect(mine.headers['x-content-sha256']).toBe(ok.body.sha256);
      await download(staff).expect(200);
      await download(auditor).expect(200);
      expect((await download(stranger.user)).status).toBe(404);
      expect((await download(commission)).status).toBe(403);

      await t.http.delete(`/applications/${draft.id}/attachments/${ok.body.id}`).set(bearer(ngo.user)).expect(204);
      const view = (await t.http.get(`/applications/${draft.id}`).set(bearer(ngo.user))).body;
      expect(view.attachments).toEqual([]);
      expect(view.missing.map((m: { field: string }) => m.field)).toContain('annexes.STATUTORY');
    });
  });

  describe('submission', () => {
    it('lists precisely what is missing or invalid', async () => {
      const draft = (await createDraft(ngo.user, ngo.organisationId).expect(201)).body;
      const sections = completeSections(call);
      await save(ngo.user, draft.id, {
        version: 1,
        ...sections,
        declarations: { ...sections.declarations, truthful: false },
        activities: [
          { activityId: sections.activities[0].activityId, sharePercent: '60' },
          { activityId: sections.activities[1].activityId, sharePercent: '30' },
        ],
        budgetLines: [{ category: 'PERSONAL', description: 'Odměny', totalCost: '2000000.00', requested: '1950000.00', otherSources: '40000.00' }],
      }).expect(200);
      const refused = await submit(ngo.user, draft.id);
      expectProblem(refused, 422, 'APPLICATION_INCOMPLETE');
      expect(fieldsOf(refused)).toEqual(
        expect.arrayContaining([
          'declarations.truthful:DECLARATION_REQUIRED',
          'activities:SHARES_NOT_100',
          'budgetLines.0.totalCost:LINE_SUM_MISMATCH',
          'budgetLines:ABOVE_MAX_GRANT',
          'budgetLines:CO_FINANCING_TOO_LOW',
          'annexes.STATUTORY:ANNEX_MISSING',
          'annexes.BANK:ANNEX_MISSING',
        ]),
      );
      expect(refused.body.errors.find((e: { code: string }) => e.code === 'SHARES_NOT_100').message).toContain('90,00 %');
      const unchanged = (await t.http.get(`/applications/${draft.id}`).set(bearer(ngo.user))).body;
      expect(unchanged).toMatchObject({ status: 'draft', currentVersionNo: 0 });
    });

    it('answers identical submissions without an Idempotency-Key with the first receipt, within a short window only', async () => {
      const app = await readyApplication(t, ngo.user, ngo.organisationId, call);
      await submit(ngo.user, app.id).expect(201);
      // The same content again, twenty times at once: no new version, receipt or mail.
      const repeats = await Promise.all(Array.from({ length: 20 }, () => submit(ngo.user, app.id)));
      expect(repeats.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(new Set(repeats.map((r) => r.body.receiptNumber))).toEqual(new Set([`${app.number}/1`]));
      expect(repeats.every((r) => r.headers['idempotent-replayed'] === 'true')).toBe(true);
      const events = await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event WHERE type = 'application.submitted' AND aggregate_id = $1`, [app.id]);
      expect(events).toEqual([{ n: 1 }]);
      // Changed content is a new version at once; the same content again after the window is one too.
      const view = (await t.http.get(`/applications/${app.id}`).set(bearer(ngo.user))).body;
      await save(ngo.user, app.id, { version: view.draftVersion, project: { ...view.draft.project, title: 'Jiný název' } }).expect(200);
      expect((await submit(ngo.user, app.id).expect(201)).body.receiptNumber).toBe(`${app.number}/2`);
      t.clock.set(new Date(t.clock.now().getTime() + 11 * 60_000));
      expect((await submit(ngo.user, app.id).expect(201)).body.receiptNumber).toBe(`${app.number}/3`);
    });

    it('submits once per Idempotency-Key, keeps every version, and the last one counts', async () => {
      const app = await readyApplication(t, ngo.user, ngo.organisationId, call);
      expect(app.missing).toEqual([]);
      const key = randomUUID();
      const attempts = await Promise.all(Array.from({ length: 5 }, () => submit(ngo.user, app.id, key)));
      expect(attempts.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
      const receipts = new Set(attempts.map((a) => a.body.receiptNumber));
      expect(receipts).toEqual(new Set([`${app.number}/1`]));
      expect(attempts.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(4);
      expect(attempts[0].body).toMatchObject({
        versionNo: 1,
        kind: 'submission',
        contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        receiptPdf: `/applications/${app.id}/versions/1/receipt.pdf`,
      });

      const view = (await t.http.get(`/applications/${app.id}`).set(bearer(ngo.user))).body;
      await save(ngo.user, app.id, { version: view.draftVersion, project: { ...view.draft.project, title: 'Upravený název' } }).expect(200);
      const second = await submit(ngo.user, app.id).expect(201);
      expect(second.body.receiptNumber).toBe(`${app.number}/2`);
      const versions = await t.http.get(`/applications/${app.id}/versions`).set(bearer(ngo.user)).expect(200);
      expect(versions.body.map((v: { versionNo: number }) => v.versionNo)).toEqual([1, 2]);
      const v1 = await t.http.get(`/applications/${app.id}/versions/1`).set(bearer(staff)).expect(200);
      expect(v1.body.content.draft.project.title).toBe(completeSections(call).project.title);
      const current = (await t.http.get(`/applications/${app.id}`).set(bearer(staff))).body;
      expect(current).toMatchObject({
        status: 'submitted',
        currentVersionNo: 2,
        title: 'Upravený název',
        requestedAmount: '170000.00',
        totalCost: '200000.00',
        budgetAreaCode: 'I',
      });
      const lines = await t.dataSource.query('SELECT version_no, requested FROM application_budget_line WHERE application_id = $1 ORDER BY position', [app.id]);
      expect(lines).toEqual([
        { version_no: 2, requested: '130000.00' },
        { version_no: 2, requested: '40000.00' },
      ]);
      const mapping = await t.dataSource.query('SELECT share_basis_points FROM application_activity WHERE application_id = $1 ORDER BY share_basis_points DESC', [app.id]);
      expect(mapping.map((m: { share_basis_points: number }) => m.share_basis_points)).toEqual([6667, 3333]);
      // The ledger holds what the version that counts requests, by activity share, to the haléř: v1 entered, cancelled, v2 entered.
      const requested = await t.dataSource.query<{ total: string; entries: number }[]>(
        `SELECT activity_id, sum(amount)::text AS total, count(*)::int AS entries FROM ledger_entry WHERE application_id = $1 AND kind = 'requested' GROUP BY activity_id ORDER BY sum(amount) DESC`,
        [app.id],
      );
      expect(requested.map((r) => [r.total, r.entries])).toEqual([
        ['113339.00', 3],
        ['56661.00', 3],
      ]);

      // One event per version; both commits may carry the same instant of the test's clock, so order by version.
      const outbox = await t.dataSource.query(`SELECT payload FROM outbox_event WHERE type = 'application.submitted' AND aggregate_id = $1 ORDER BY (payload->>'versionNo')::int`, [
        app.id,
      ]);
      expect(outbox.map((o: { payload: unknown }) => o.payload)).toEqual([{ versionNo: 1 }, { versionNo: 2 }]);
    });

    it('takes more simultaneous submissions than the database pool has connections', async () => {
      // A check that needs a second pooled connection inside the transaction would deadlock here.
      const apps = [];
      for (let i = 0; i < 40; i++) apps.push(await readyApplication(t, ngo.user, ngo.organisationId, call));
      const results = await Promise.all(apps.map((a) => submit(ngo.user, a.id, randomUUID())));
      expect(results.map((r) => r.status)).toEqual(apps.map(() => 201));
    });

    it('renders a PDF receipt', async () => {
      const app = await readyApplication(t, ngo.user, ngo.organisationId, call);
      const receipt = await submit(ngo.user, app.id).expect(201);
      const pdf = await t.http.get(receipt.body.receiptPdf).set(bearer(ngo.user)).buffer(true).parse(binaryBody).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      // The receipt carries the submission's audit entry: the applicant holds a witness of the chain.
      const [entry] = await t.dataSource.query<{ seq: string }[]>(`SELECT seq::text AS seq FROM audit_log WHERE object_id = $1 AND action = 'application.version_submitted'`, [
        app.id,
      ]);
      const text = (await extractPdfPages(pdf.body as Buffer)).pages.join('\n').replace(/\s+/g, ' ');
      expect(text).toContain(`Záznam č. ${entry.seq} auditního řetězce`);
      expect((await t.http.get(receipt.body.receiptPdf).set(bearer(stranger.user))).status).toBe(404);
    });

    it('accepts a submission up to the last second before the deadline and freezes the application after it', async () => {
      const app = await readyApplication(t, ngo.user, ngo.organisationId, call);
      t.clock.set(new Date(closesAt.getTime() - 1000));
      await submit(ngo.user, app.id).expect(201);
      const late = await readyApplication(t, ngo.user, ngo.organisationId, call);
      t.clock.set(closesAt);
      const refused = await submit(ngo.user, late.id);
      expectProblem(refused, 409, 'DEADLINE_PASSED');
      expect(refused.body.detail.replace(/\u00a0/g, ' ')).toContain('25. 11. 2022 00:00');
      expectProblem(await submit(ngo.user, app.id), 409, 'DEADLINE_PASSED');
      expectProblem(await save(ngo.user, app.id, { version: 4, purpose: 'pozdě' }), 409, 'STALE_VERSION');
      const view = (await t.http.get(`/applications/${app.id}`).set(bearer(ngo.user))).body;
      expectProblem(await save(ngo.user, app.id, { version: view.draftVersion, purpose: 'pozdě' }), 409, 'APPLICATION_FROZEN');
      expectProblem(await uploadAnnex(t, ngo.user, app.id, 'OTHER'), 409, 'APPLICATION_FROZEN');
      expect(view.availableActions).not.toContain('submit');
    });

    it('lets the applicant withdraw with a reason until a decision, and nobody else', async () => {
      const app = await readyApplication(t, ngo.user, ngo.organisationId, call);
      await submit(ngo.user, app.id).expect(201);
      expectProblem(await t.http.post(`/applications/${app.id}/withdraw`).set(bearer(stranger.user)).send({ reason: 'cizí' }), 404, 'APPLICATION_NOT_FOUND');
      expectProblem(await t.http.post(`/applications/${app.id}/withdraw`).set(bearer(staff)).send({ reason: 'úředník' }), 403, 'PERMISSION_DENIED');
      expectProblem(await t.http.post(`/applications/${app.id}/withdraw`).set(bearer(ngo.user)).send({}), 422, 'VALIDATION_FAILED');
      const withdrawn = await t.http.post(`/applications/${app.id}/withdraw`).set(bearer(ngo.user)).send({ reason: 'Projekt zajistil jiný donor.' }).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', endReason: 'Projekt zajistil jiný donor.' });
      expectProblem(await t.http.post(`/applications/${app.id}/withdraw`).set(bearer(ngo.user)).send({ reason: 'znovu' }), 409, 'INVALID_STATE');
      expectProblem(await submit(ngo.user, app.id), 409, 'INVALID_STATE');
    });
  });

  describe('visibility', () => {
    it('shows applicants their organisations only, staff and auditors everything, commission members nothing', async () => {
      const mine = (await createDraft(ngo.user, ngo.organisationId).expect(201)).body;
      const theirs = (await createDraft(stranger.user, stranger.organisationId).expect(201)).body;
      const listed = async (user: TestUser) =>
        (await t.http.get('/applications').query({ callId: call.id, pageSize: 200 }).set(bearer(user)).expect(200)).body.items.map((i: { id: string }) => i.id);
      const ngoSees = await listed(ngo.user);
      expect(ngoSees).toContain(mine.id);
      expect(ngoSees).not.toContain(theirs.id);
      expect(await listed(staff)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expect(await listed(auditor)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
      expectProblem(await t.http.get('/applications').set(bearer(commission)), 403, 'PERMISSION_DENIED');
      expectProblem(await t.http.get(`/applications/${theirs.id}`).set(bearer(ngo.user)), 404, 'APPLICATION_NOT_FOUND');
      expectProblem(await save(auditor, mine.id, { version: 1, purpose: 'auditor' }), 403, 'PERMISSION_DENIED');
      const csv = await t.http.get('/applications/export.csv').query({ callId: call.id }).set(bearer(ngo.user)).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.text.startsWith('\uFEFFČíslo žádosti;Výzva;Žadatel')).toBe(true);
      expect(csv.text).toContain(mine.number);
      expect(csv.text).not.toContain(theirs.number);
      expectProblem(await t.http.get('/applications/export.csv').set(bearer(commission)), 403, 'PERMISSION_DENIED');
      const search = await t.http.get('/applications').query({ search: mine.number }).set(bearer(staff)).expect(200);
      expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    });
  });

  describe('formal check', () => {
    async function submitted() {
      t.clock.set(duringPeriod);
      const app = await readyApplication(t, ngo.user, ngo.organisationId, call);
      await submit(ngo.user, app.id).expect(201);
      return app;
    }
    const allOk = {
      eligibility: { result: 'ok' },
      completeness: { result: 'ok' },
      annexes: { result: 'ok' },
      budget: { result: 'ok' },
      declarations: { result: 'ok', note: 'Prohlášení podepsána.' },
    };

    it('starts after the deadline, shows the findings and accepts only a fully confirmed checklist', async () => {
      const app = await submitted();
      expectProblem(await t.http.put(`/applications/${app.id}/formal-check`).set(bearer(staff)).send(allOk), 409, 'CALL_STILL_OPEN');
      t.clock.set(afterDeadline);
      const sheet = await t.http.get(`/applications/${app.id}/formal-check`).set(bearer(staff)).expect(200);
      expect(sheet.body.items.budget).toMatchObject({ result: null, suggestion: 'ok', findings: [] });
      // The remedy letter's language is the applicant's (their profile's), whatever the staff member reads in.
      expect(sheet.body.letterLanguages).toEqual(['cs']);
      await t.http.patch('/auth/me').set(bearer(ngo.user)).send({ language: 'en' }).expect(200);
      expect((await t.http.get(`/applications/${app.id}/formal-check`).set(bearer(staff)).set('Accept-Language', 'cs').expect(200)).body.letterLanguages).toEqual(['en']);
      await t.http.patch('/auth/me').set(bearer(ngo.user)).send({ language: 'cs' }).expect(200);
      expectProblem(await t.http.post(`/applications/${app.id}/formal-check/accept`).set(bearer(staff)), 422, 'FORMAL_CHECK_INCOMPLETE');
      expectProblem(await t.http.put(`/applications/${app.id}/formal-check`).set(bearer(ngo.user)).send(allOk), 403, 'PERMISSION_DENIED');
      await t.http.put(`/applications/${app.id}/formal-check`).set(bearer(staff)).send(allOk).expect(200);
      const accepted = await t.http.post(`/applications/${app.id}/formal-check/accept`).set(bearer(staff)).expect(200);
      expect(accepted.body.status).toBe('accepted');
      const events = await t.dataSource.query(`SELECT type FROM outbox_event WHERE aggregate_id = $1 ORDER BY created_at`, [app.id]);
      expect(events.map((e: { type: string }) => e.type)).toContain('application.formal_check_passed');
    });

    it('accepts many applications at once, each on its own: those with findings, in the wrong state or unknown are reported, not accepted', async () => {
      const [a, b, c] = [await submitted(), await submitted(), await submitted()];
      t.clock.set(afterDeadline);
      for (const app of [a, b]) await t.http.put(`/applications/${app.id}/formal-check`).set(bearer(staff)).send(allOk).expect(200);
      const unknown = randomUUID();
      const bulk = (user: TestUser, applicationIds: string[]) => t.http.post('/formal-checks/accept').set(bearer(user)).send({ applicationIds });

      expectProblem(await bulk(ngo.user, [a.id]), 403, 'PERMISSION_DENIED');
      expectProblem(await bulk(staff, [a.id, a.id]), 422, 'VALIDATION_FAILED');
      expectProblem(await bulk(staff, []), 422, 'VALIDATION_FAILED');
      const report = await bulk(staff, [a.id, c.id, b.id, unknown]).expect(200);
      expect(report.body.succeeded).toEqual([a.id, b.id]);
      expect(report.body.failed).toEqual([
        { id: c.id, code: 'FORMAL_CHECK_INCOMPLETE', message: { cs: expect.any(String), en: expect.any(String) } },
        { id: unknown, code: expect.stringMatching(/NOT_FOUND$/), message: { cs: expect.any(String), en: expect.any(String) } },
      ]);
      for (const app of [a, b]) expect((await t.http.get(`/applications/${app.id}`).set(bearer(staff))).body.status).toBe('accepted');
      expect((await t.http.get(`/applications/${c.id}`).set(bearer(staff))).body.status).toBe('submitted');
      // Audited per application, like the single acceptance.
      const audited = await t.dataSource.query<{ object_id: string }[]>(`SELECT object_id FROM audit_log WHERE object_id = ANY($1::text[]) AND after->>'status' = 'accepted'`, [
        [a.id, b.id, c.id],
      ]);
      expect(audited.map((r) => r.object_id).sort()).toEqual([a.id, b.id].sort());
      // Again: both are already accepted, so nothing changes and each says why.
      const again = await bulk(staff, [a.id, b.id]).expect(200);
      expect(again.body.succeeded).toEqual([]);
      expect(again.body.failed.map((f: { id: string }) => f.id)).toEqual([a.id, b.id]);
    });

    it('sends correctable defects back with a deadline; the applicant may change only what was asked', async () => {
      const app = await submitted();
      t.clock.set(afterDeadline);
      const deadlineAt = new Date(afterDeadline.getTime() + 7 * DAY).toISOString();
      const requested = await t.http
        .post(`/applications/${app.id}/remedy-requests`)
        .set(bearer(staff))
        .send({
          items: [
            { section: 'budgetLines', message: 'Položka pronájmu je nadhodnocená.' },
            { section: 'annex:BANK', message: 'Doklad o účtu je nečitelný.' },
          ],
          deadlineAt,
        })
        .expect(201);
      expect(requested.body).toMatchObject({ status: 'remedy_requested', remedy: { deadlineAt, items: expect.any(Array) } });

      const view = (await t.http.get(`/applications/${app.id}`).set(bearer(ngo.user))).body;
      const outside = await save(ngo.user, app.id, { version: view.draftVersion, purpose: 'Nový účel' });
      expectProblem(outside, 422, 'OUTSIDE_REMEDY_SCOPE');
      expect(fieldsOf(outside)).toEqual(['purpose:OUTSIDE_REMEDY_SCOPE']);
      expectProblem(await uploadAnnex(t, ngo.user, app.id, 'STATUTORY'), 422, 'OUTSIDE_REMEDY_SCOPE');
      await uploadAnnex(t, ngo.user, app.id, 'BANK', PNG_BYTES, 'ucet.png').expect(201);
      const lines = completeSections(call).budgetLines;
      lines[1] = { ...lines[1], totalCost: '40000.00', requested: '30000.00' };
      await save(ngo.user, app.id, { version: view.draftVersion, budgetLines: lines }).expect(200);
      const answer = await submit(ngo.user, app.id).expect(201);
      expect(answer.body).toMatchObject({ versionNo: 2, kind: 'remedy' });
      const after = (await t.http.get(`/applications/${app.id}`).set(bearer(staff))).body;
      expect(after).toMatchObject({ status: 'submitted', requestedAmount: '160000.00', remedy: null });
    });

    it('ends the application when the remedy deadline passes unanswered', async () => {
      const app = await submitted();
      t.clock.set(afterDeadline);
      const deadlineAt = new Date(afterDeadline.getTime() + 3 * DAY);
      await t.http
        .post(`/applications/${app.id}/remedy-requests`)
        .set(bearer(staff))
        .send({ items: [{ section: 'declarations', message: 'Chybí podpis.' }], deadlineAt: deadlineAt.toISOString() })
        .expect(201);
      t.clock.set(new Date(deadlineAt.getTime() + 1000));
      const stored = () =>
        t.dataSource.query<{ status: string; remedy: string; changes: number; audits: number }[]>(
          `SELECT a.status, r.status AS remedy,
                  (SELECT count(*)::int FROM application_status_change h WHERE h.application_id = a.id) AS changes,
                  (SELECT count(*)::int FROM audit_log e WHERE e.object_id = a.id::text) AS audits
             FROM application a JOIN remedy_request r ON r.application_id = a.id WHERE a.id = $1`,
          [app.id],
        );
      const before = await stored();
      expect(before).toEqual([expect.objectContaining({ status: 'remedy_requested', remedy: 'open' })]);

      // Reads derive the lapsed state and never write.
      const ended = (await t.http.get(`/applications/${app.id}`).set(bearer(ngo.user)).expect(200)).body;
      expect(ended).toMatchObject({ status: 'excluded', statusName: { cs: 'vyřazená' }, remedy: null, availableActions: [] });
      expect(ended.endReason).toContain('Vady nebyly odstraněny ve lhůtě');
      const listed = (await t.http.get('/applications').query({ callId: call.id, status: 'excluded', pageSize: 200 }).set(bearer(staff)).expect(200)).body;
      expect(listed.items.find((a: { id: string }) => a.id === app.id)).toMatchObject({ status: 'excluded' });
      const stillRequested = (await t.http.get('/applications').query({ callId: call.id, status: 'remedy_requested', pageSize: 200 }).set(bearer(staff)).expect(200)).body;
      expect(stillRequested.items.map((a: { id: string }) => a.id)).not.toContain(app.id);
      expect(await stored()).toEqual(before);

      // The worker's clock stores the move, audited, once.
      expect(await t.app.get(ApplicationService).advanceByClock()).toBeGreaterThanOrEqual(1);
      const after = await stored();
      expect(after).toEqual([{ status: 'excluded', remedy: 'expired', changes: before[0].changes + 1, audits: expect.any(Number) }]);
      expect(after[0].audits).toBeGreaterThan(before[0].audits);
      expect((await t.http.get(`/applications/${app.id}`).set(bearer(ngo.user)).expect(200)).body).toMatchObject({ status: 'excluded', endReason: ended.endReason });
      const history = (await t.http.get(`/applications/${app.id}/history`).set(bearer(ngo.user)).expect(200)).body;
      expect(history.map((h: { to: string }) => h.to)).toEqual(['submitted', 'remedy_requested', 'excluded']);
      expect(history[2]).toMatchObject({ by: null, toName: { cs: 'vyřazená' }, reason: expect.stringContaining('Vady nebyly odstraněny') });
      expect(history[1].by).toBe('Test app-staff');
      expect((await t.http.get(`/applications/${app.id}/history`).set(bearer(stranger.user))).status).toBe(404);
      expectProblem(await submit(ngo.user, app.id), 409, 'INVALID_STATE');
    });

    it('excludes uncorrectable defects with a reason, and lets staff correct the strategy mapping (audited)', async () => {
      const app = await submitted();
      t.clock.set(afterDeadline);
      const [a1, , a3] = call.activities.map((a: { id: string }) => a.id);
      const bad = await t.http
        .put(`/applications/${app.id}/activities`)
        .set(bearer(staff))
        .send({ activities: [{ activityId: a1, sharePercent: '50' }], reason: 'Oprava' });
      expectProblem(bad, 422, 'VALIDATION_FAILED');
      expect(fieldsOf(bad)).toContain('activities:SHARES_NOT_100');
      expectProblem(
        await t.http
          .put(`/applications/${app.id}/activities`)
          .set(bearer(ngo.user))
          .send({ activities: [{ activityId: a3, sharePercent: '100' }], reason: 'Žadatel' }),
        403,
        'PERMISSION_DENIED',
      );
      const corrected = await t.http
        .put(`/applications/${app.id}/activities`)
        .set(bearer(staff))
        .send({ activities: [{ activityId: a3, sharePercent: '100' }], reason: 'Projekt slouží adaptačním skupinám.' })
        .expect(200);
      expect(corrected.body.activities).toEqual([expect.objectContaining({ activityId: a3, sharePercent: '100.00' })]);
      const audit = await t.http.get('/audit-log').query({ objectId: app.id, action: 'application.mapping_corrected' }).set(bearer(auditor)).expect(200);
      expect(audit.body.items[0]).toMatchObject({
        before: expect.arrayContaining([expect.objectContaining({ shareBasisPoints: 6667 })]),
        after: expect.objectContaining({ reason: 'Projekt slouží adaptačním skupinám.' }),
      });

      expectProblem(await t.http.post(`/applications/${app.id}/exclude`).set(bearer(staff)).send({}), 422, 'VALIDATION_FAILED');
      const excluded = await t.http.post(`/applications/${app.id}/exclude`).set(bearer(staff)).send({ reason: 'Žadatel není registrován v Praze.' }).expect(200);
      expect(excluded.body).toMatchObject({ status: 'excluded', endReason: 'Žadatel není registrován v Praze.' });
      expectProblem(await t.http.post(`/applications/${app.id}/formal-check/accept`).set(bearer(staff)), 409, 'INVALID_STATE');
    });
  });
});
