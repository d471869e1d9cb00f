import { randomUUID } from 'node:crypto';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, decide, effectiveAgreement, pay, signIn, TestApp } from '#testing';
import type { TestUser } from '#testing';

const DAY = 24 * 60 * 60 * 1000;
const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * The recipient's settlement as a draft saved as they type: versions guard two tabs, outputs come only from
 * what the application promised or the funded activity tracks, scans wait on draft documents, and the
 * submission checks everything at its field and becomes the settlement staff check (with the computation).
 */
describe('settlement drafts', () => {
  let t: TestApp;
  let activities: string[];
  let staff: TestUser;
  let owner: TestUser;
  let agreementId: string;
  let lines: { id: string }[];
  let submittedDocumentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
    await t.dataSource.query(
      `UPDATE strategy_node SET activity = jsonb_build_object('guarantor', null, 'partners', null, 'targetGroups', null, 'frequency', null,
              'estimatedCostsText', null, 'fundingSource', null, 'indicators', jsonb_build_array('počet podpořených aktivit')) WHERE id = ANY($1::uuid[])`,
      [activities],
    );
    const prepared = await callInEvaluation(t, activities, new Date(Date.now() + 700 * DAY), 1);
    staff = prepared.staff;
    const [funded] = prepared.applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [funded.organisationId]);
    expect((await decide(t, staff, prepared.call.id, funded.id, '100000.00')).status).toBe(201);
    agreementId = await effectiveAgreement(t, staff, funded.id, ['100000.00']);
    expect((await pay(t, staff, await createUser(t, ['staff']), agreementId, 1, '100000.00')).status).toBe(200);
    owner = await signIn(t, funded.user);
    lines = (await t.http.get(`/applications/${funded.id}/budget-lines`).set(bearer(owner)).expect(200)).body as { id: string }[];
  });

  afterAll(async () => {
    await t?.close();
  });

  it('offers the budget lines, what was paid and the outputs to choose from; to the recipient only', async () => {
    const draft = (await t.http.get(`/agreements/${agreementId}/settlement-draft`).set(bearer(owner)).expect(200)).body;
    expect(draft).toMatchObject({ agreementId, draftVersion: 0, paid: '100000.00', grant: '100000.00', settlementId: null, costDocuments: [], report: [] });
    expect(draft.budgetLines).toHaveLength(lines.length);
    expect(draft.budgetLines.map((l: { planned: string }) => l.planned)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+\.\d{2}$/)]));
    expect(draft.outputOptions).toEqual([
      { indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, source: 'application', activityCode: null },
      { indicator: 'počet podpořených aktivit', unit: 'počet', promised: 0, source: 'activity', activityCode: expect.stringMatching(/^10\.I\.\d$/) },
    ]);
    await t.http
      .get(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(await createUser(t, ['applicant'])))
      .expect(404);
    await t.http.patch(`/agreements/${agreementId}/settlement-draft`).set(bearer(staff)).send({ version: 0, report: [] }).expect(403);
  });

  it('saves parts over the version read, refuses a stale version with the current draft, and an indicator not offered at its field', async () => {
    const docId = randomUUID();
    const first = await t.http
      .patch(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(owner))
      .send({ version: 0, costDocuments: [{ id: docId, budgetLineId: lines[0].id, number: 'DPP-01' }] })
      .expect(200);
    expect(first.body).toMatchObject({ draftVersion: 1, costDocuments: [{ id: docId, number: 'DPP-01', amount: null, files: [] }], report: [] });

    // A second tab still on version 0 is refused and told what is there now.
    const stale = await t.http.patch(`/agreements/${agreementId}/settlement-draft`).set(bearer(owner)).send({ version: 0, report: [] }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(stale.body.current).toMatchObject({ draftVersion: 1, costDocuments: [{ id: docId }] });

    const free = await t.http
      .patch(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(owner))
      .send({ version: 1, report: [{ indicator: 'počet spokojených lidí', unit: 'osoba', achieved: 5 }] })
      .expect(422);
    expect(free.body.code).toBe('UNKNOWN_INDICATOR');
    expect(free.body.errors).toEqual([expect.objectContaining({ field: 'report[0].indicator', code: 'UNKNOWN_INDICATOR' })]);
    // The unit belongs to the choice: the promised indicator in another unit is not the promised one.
    await t.http
      .patch(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(owner))
      .send({ version: 1, report: [{ indicator: 'počet podpořených žáků', unit: 'osoba', achieved: 5 }] })
      .expect(422);
    const badLine = await t.http
      .patch(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(owner))
      .send({ version: 1, costDocuments: [{ id: docId, budgetLineId: randomUUID() }] })
      .expect(422);
    expect(badLine.body.errors).toEqual([expect.objectContaining({ field: 'costDocuments[0].budgetLineId', code: 'UNKNOWN_BUDGET_LINE' })]);
    const badAmount = await t.http
      .patch(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(owner))
      .send({ version: 1, costDocuments: [{ id: docId, amount: '12,50' }] })
      .expect(422);
    expect(JSON.stringify(badAmount.body.errors)).toContain('costDocuments');

    // Outputs saved alone keep the documents.
    const second = await t.http
      .patch(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(owner))
      .send({ version: 1, report: [{ indicator: 'počet podpořených žáků', unit: 'žák' }] })
      .expect(200);
    expect(second.body).toMatchObject({
      draftVersion: 2,
      costDocuments: [{ id: docId, number: 'DPP-01' }],
      report: [{ indicator: 'počet podpořených žáků', unit: 'žák', achieved: null }],
    });
  });

  it('takes a scan on a draft document, submits with every gap named at its field, and the scan stays with the submitted document', async () => {
    const current = (await t.http.get(`/agreements/${agreementId}/settlement-draft`).set(bearer(owner)).expect(200)).body;
    const docId = current.costDocuments[0].id as string;
    submittedDocumentId = docId;
    await t.http
      .post(`/cost-documents/${docId}/files`)
      .set(bearer(await createUser(t, ['applicant'])))
      .attach('file', PDF_BYTES, { filename: 'dpp.pdf', contentType: 'application/pdf' })
      .expect(404);
    await t.http.post(`/cost-documents/${randomUUID()}/files`).set(bearer(owner)).attach('file', PDF_BYTES, { filename: 'x.pdf', contentType: 'application/pdf' }).expect(404);
    await t.http.post(`/cost-documents/${docId}/files`).set(bearer(owner)).attach('file', PDF_BYTES, { filename: 'dohoda-01.pdf', contentType: 'application/pdf' }).expect(201);
    const withScan = (await t.http.get(`/agreements/${agreementId}/settlement-draft`).set(bearer(owner)).expect(200)).body;
    expect(withScan.costDocuments[0].files).toEqual([expect.objectContaining({ fileName: 'dohoda-01.pdf', mediaType: 'application/pdf' })]);

    await t.http.post(`/agreements/${agreementId}/settlement-draft/submission`).set(bearer(owner)).send({ version: 1 }).expect(409);
    const incomplete = await t.http.post(`/agreements/${agreementId}/settlement-draft/submission`).set(bearer(owner)).send({ version: withScan.draftVersion }).expect(422);
    expect(incomplete.body.code).toBe('SETTLEMENT_INCOMPLETE');
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'costDocuments[0].issuedOn',
      'costDocuments[0].supplier',
      'costDocuments[0].amount',
      'costDocuments[0].paidOn',
      'report[0].achieved',
    ]);

    const secondId = randomUUID();
    const complete = await t.http
      .patch(`/agreements/${agreementId}/settlement-draft`)
      .set(bearer(owner))
      .send({
        version: withScan.draftVersion,
        costDocuments: [
          { id: docId, budgetLineId: lines[0].id, number: 'DPP-01', issuedOn: '2023-05-31', supplier: 'Tlumočnice Olena K.', amount: '60000.00', paidOn: '2023-06-05' },
          { id: secondId, budgetLineId: lines[0].id, number: 'FV-17', issuedOn: '2023-09-15', supplier: 'Catering Praha s.r.o.', amount: '30000.00', paidOn: '2023-09-20' },
        ],
        report: [
          { indicator: 'počet podpořených žáků', unit: 'žák', achieved: 134 },
          { indicator: 'počet podpořených aktivit', unit: 'počet', achieved: 3 },
        ],
      })
      .expect(200);
    const submitted = await t.http.post(`/agreements/${agreementId}/settlement-draft/submission`).set(bearer(owner)).send({ version: complete.body.draftVersion }).expect(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', paid: '100000.00', computation: null });
    // What was promised is the application's, not the recipient's to set.
    expect(submitted.body.report).toEqual([
      { indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 134 },
      { indicator: 'počet podpořených aktivit', unit: 'počet', promised: 0, achieved: 3 },
    ]);
    const byNumber = Object.fromEntries(submitted.body.costDocuments.map((d: { number: string }) => [d.number, d]));
    expect(byNumber['DPP-01']).toMatchObject({ id: docId, files: [expect.objectContaining({ fileName: 'dohoda-01.pdf' })] });
    expect(byNumber['FV-17']).toMatchObject({ id: secondId, files: [] });

    // Submitted: the draft is gone, the settlement named; no second settlement, no more draft saves.
    expect((await t.http.get(`/agreements/${agreementId}/settlement-draft`).set(bearer(owner)).expect(200)).body).toMatchObject({
      settlementId: submitted.body.id,
      draftVersion: 0,
    });
    expect((await t.http.patch(`/agreements/${agreementId}/settlement-draft`).set(bearer(owner)).send({ version: 0, report: [] }).expect(409)).body.code).toBe('SETTLEMENT_EXISTS');
    expect((await t.http.post(`/agreements/${agreementId}/settlement-draft/submission`).set(bearer(owner)).send({ version: 3 }).expect(409)).body.code).toBe('SETTLEMENT_EXISTS');

    // Staff list it first among those to check, and the check answers with the return part by part.
    const list = (await t.http.get('/settlements?status=submitted').set(bearer(staff)).expect(200)).body;
    expect(list.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: submitted.body.id, agreementId, documents: 2, status: 'submitted' })]));
    await t.http.get('/settlements').set(bearer(owner)).expect(403);
    const checked = await t.http
      .post(`/settlements/${submitted.body.id}/check`)
      .set(bearer(staff))
      .send({
        reviews: [
          { costDocumentId: docId, review: 'eligible' },
          { costDocumentId: secondId, review: 'ineligible', reason: 'Pohoštění není uznatelným nákladem.' },
        ],
        returnDueDate: '2099-03-31',
        version: submitted.body.version,
      })
      .expect(200);
    expect(checked.body).toMatchObject({ status: 'checked', returnDue: '40000.00', returnAccount: { number: '27-5157998/6000', variableSymbol: expect.stringMatching(/^\d+$/) } });
    expect(checked.body.computation).toMatchObject({ paid: '100000.00', eligibleTotal: '60000.00', unspent: '10000.00', ineligible: '30000.00', returnDue: '40000.00' });
    expect(checked.body.computation.explanation.cs).toContain('nevyčerpáno');
    expect((await t.http.get(`/settlements/${submitted.body.id}`).set(bearer(owner)).expect(200)).body.computation).toEqual(checked.body.computation);
  });

  it('keeps the one-step submission working, with the same refusal of an indicator not offered', async () => {
    const prepared = await callInEvaluation(t, activities, new Date(Date.now() + 700 * DAY), 1);
    const [funded] = prepared.applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [funded.organisationId]);
    expect((await decide(t, prepared.staff, prepared.call.id, funded.id, '50000.00')).status).toBe(201);
    const other = await effectiveAgreement(t, prepared.staff, funded.id, ['50000.00']);
    const applicant = await signIn(t, funded.user);
    const budget = (await t.http.get(`/applications/${funded.id}/budget-lines`).set(bearer(applicant)).expect(200)).body as { id: string }[];
    // A draft document may not take the id of another settlement's document (it would carry that document's scans).
    const clash = await t.http
      .patch(`/agreements/${other}/settlement-draft`)
      .set(bearer(applicant))
      .send({ version: 0, costDocuments: [{ id: randomUUID() }, { id: submittedDocumentId }] })
      .expect(422);
    expect(clash.body.errors).toEqual([expect.objectContaining({ field: 'costDocuments[1].id', code: 'DOCUMENT_ID_TAKEN' })]);
    const costDocuments = [{ budgetLineId: budget[0].id, number: 'DPP-01', issuedOn: '2023-05-31', supplier: 'Tlumočnice', amount: '1000.00', paidOn: '2023-06-05' }];
    const refused = await t.http
      .post(`/agreements/${other}/settlement`)
      .set(bearer(applicant))
      .send({ costDocuments, report: [{ indicator: 'cokoli', unit: 'kus', promised: 1, achieved: 1 }] })
      .expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'report[0].indicator', code: 'UNKNOWN_INDICATOR' })]);
    await t.http
      .post(`/agreements/${other}/settlement`)
      .set(bearer(applicant))
      .send({ costDocuments, report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 100 }] })
      .expect(201);
  });
});
