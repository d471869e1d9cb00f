import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, decide, effectiveAgreement, PDF_BYTES, TestApp, TestUser } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
}

/** `POST /calls/{id}/payment-orders`: every tranche still to order, one request, a report per tranche. */
describe('bulk payment orders of a call', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Signed but, above the register threshold, not yet published: the single order route refuses it. */
  async function signedUnpublished(staff: TestUser, applicationId: string, amount: string): Promise<string> {
    const today = t.clock.now().toISOString().slice(0, 10);
    const created = await t.http
      .post(`/applications/${applicationId}/agreement`)
      .set(bearer(staff))
      .send({
        purpose: 'Integrační aktivity.',
        purposeFrom: '2023-01-01',
        purposeTo: '2023-12-31',
        settlementDeadline: '2099-01-31',
        conditions: [],
        tranches: [{ amount, dueDate: '2023-04-30' }],
      })
      .expect(201);
    const sent = await t.http.post(`/agreements/${created.body.id}/send`).set(bearer(staff)).send({ version: 1 }).expect(200);
    const signed = await t.http
      .post(`/agreements/${created.body.id}/signature`)
      .set(bearer(staff))
      .field('version', String(sent.body.version))
      .field('signedOn', today)
      .field('signatories', 'Statutár')
      .attach('file', PDF_BYTES, { filename: 'smlouva.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(signed.body.status).toBe('signed');
    return created.body.id as string;
  }

  const payments = async (callId: string) =>
    t.dataSource.query<{ id: string; agreement_id: string; tranche_no: number; amount: string; status: string }[]>(
      `SELECT p.id, p.agreement_id, p.tranche_no, p.amount::text AS amount, p.status FROM payment p JOIN agreement g ON g.id = p.agreement_id JOIN application a ON a.id = g.application_id
        WHERE a.call_id = $1 ORDER BY g.number, p.tranche_no`,
      [callId],
    );

  it('orders every tranche still to order, reports per tranche what the rules refuse, audits each order and never orders one twice', async () => {
    const setup = await callInEvaluation(t, activities, new Date(Date.now() + 700 * DAY), 3);
    const { staff, call } = setup;
    const [a, b, c] = setup.applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [setup.applications.map((x) => x.organisationId)]);
    for (const application of [a, b, c]) await decide(t, staff, call.id, application.id, '170000.00').expect(201);
    const first = await effectiveAgreement(t, staff, a.id, ['100000.00', '70000.00']); // due 30 April and 30 May 2023
    const second = await effectiveAgreement(t, staff, b.id, ['170000.00']);
    const unpublished = await signedUnpublished(staff, c.id, '170000.00');
    const [applicant, auditor] = await Promise.all([createUser(t, ['applicant']), createUser(t, ['auditor'])]);
    const run = (user: TestUser, body: Record<string, unknown> = {}, callId = call.id) => t.http.post(`/calls/${callId}/payment-orders`).set(bearer(user)).send(body);

    // Wrong role, unknown call, bad input.
    expectProblem(await run(applicant), 403, 'PERMISSION_DENIED');
    expectProblem(await run(auditor), 403, 'PERMISSION_DENIED');
    expectProblem(await run(staff, {}, randomUUID()), 404, 'CALL_NOT_FOUND');
    expectProblem(await run(staff, { dueBy: '30. 4. 2023' }), 422, 'VALIDATION_FAILED');
    expect(await payments(call.id)).toEqual([]);

    // Due by the end of April: the first tranches; the unpublished agreement is reported, not ordered.
    const april = (await run(staff, { dueBy: '2023-04-30' }).expect(200)).body;
    expect(april.ordered).toHaveLength(2);
    expect(april.ordered).toEqual(
      expect.arrayContaining([
        { agreementId: first, agreementNumber: expect.any(String), trancheNo: 1, amount: '100000.00', paymentId: expect.any(String) },
        { agreementId: second, agreementNumber: expect.any(String), trancheNo: 1, amount: '170000.00', paymentId: expect.any(String) },
      ]),
    );
    expect(april.failed).toEqual([
      {
        agreementId: unpublished,
        agreementNumber: expect.any(String),
        trancheNo: 1,
        amount: '170000.00',
        code: 'AGREEMENT_NOT_PUBLISHED',
        message: { cs: expect.any(String), en: expect.any(String) },
      },
    ]);
    const ordered = await payments(call.id);
    expect(ordered.map((p) => [p.agreement_id, p.tranche_no, p.amount, p.status]).sort()).toEqual(
      [
        [first, 1, '100000.00', 'ordered'],
        [second, 1, '170000.00', 'ordered'],
      ].sort(),
    );
    // Audited per order, by the person who ran it (so four eyes hold when the orders are approved).
    const audited = await t.dataSource.query<{ object_id: string; actor_user_id: string }[]>(
      `SELECT object_id, actor_user_id FROM audit_log WHERE action = 'payment.ordered' AND object_id = ANY($1::text[])`,
      [ordered.map((p) => p.id)],
    );
    expect(audited.map((r) => r.object_id).sort()).toEqual(ordered.map((p) => p.id).sort());
    expect(new Set(audited.map((r) => r.actor_user_id))).toEqual(new Set([staff.id]));
    expectProblem(await t.http.post(`/payments/${ordered[0].id}/approve`).set(bearer(staff)).send({ version: 1 }), 403, 'FOUR_EYES');

    // Again: nothing is ordered twice; the refusal is reported again.
    const again = (await run(staff, { dueBy: '2023-04-30' }).expect(200)).body;
    expect(again.ordered).toEqual([]);
    expect(again.failed.map((f: { agreementId: string; code: string }) => [f.agreementId, f.code])).toEqual([[unpublished, 'AGREEMENT_NOT_PUBLISHED']]);
    expect(await payments(call.id)).toHaveLength(2);

    // Without a date: whatever is left (the second tranche); two runs at once still order it once.
    const [x, y] = await Promise.all([run(staff).expect(200), run(staff).expect(200)]);
    const orderedNow = [...x.body.ordered, ...y.body.ordered];
    expect(orderedNow).toEqual([expect.objectContaining({ agreementId: first, trancheNo: 2, amount: '70000.00' })]);
    const raceLoser = [...x.body.failed, ...y.body.failed].filter((f: { code: string }) => f.code !== 'AGREEMENT_NOT_PUBLISHED');
    expect(raceLoser.map((f: { code: string }) => f.code)).toEqual(raceLoser.length ? ['TRANCHE_ALREADY_ORDERED'] : []);
    expect(await payments(call.id)).toHaveLength(3);

    // A cancelled order makes its tranche due again.
    const cancelled = (await payments(call.id)).find((p) => p.agreement_id === second)!;
    await t.http.post(`/payments/${cancelled.id}/cancel`).set(bearer(staff)).send({ version: 1 }).expect(200);
    const reordered = (await run(staff).expect(200)).body;
    expect(reordered.ordered).toEqual([expect.objectContaining({ agreementId: second, trancheNo: 1 })]);
  });

  it('answers an empty report when nothing is due', async () => {
    const setup = await callInEvaluation(t, activities, new Date(Date.now() + 760 * DAY), 1);
    const staff = setup.staff;
    expect((await t.http.post(`/calls/${setup.call.id}/payment-orders`).set(bearer(staff)).send({}).expect(200)).body).toEqual({ ordered: [], failed: [] });
  });
});
