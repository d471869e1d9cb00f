import { czechIban } from '#core';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, decide, effectiveAgreement, signIn, TestApp, TestUser } from '#testing';
import type { Response } from 'supertest';
import { camt053Statement } from '../scripts/camt053-statement.js';

const DAY = 24 * 60 * 60 * 1000;
const CITY_IBAN = czechIban('27-5157998/6000');

function expectProblem(response: Response, status: number, code: string, field?: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
  if (field) expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
}

/**
 * What the staff payments page reads besides the routes the bank-files spec covers: the call's due tranches
 * (paginated, the same selection as the bulk order), who ordered and approved an order and which pain.001 batch
 * it went in, a statement's own lines, what an import matched by kind, and the choices for an unmatched line.
 */
describe('payments page reads', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const today = () => t.clock.now().toISOString().slice(0, 10);

  it('lists the due tranches a page at a time, as the bulk order would take them, and refuses the wrong role and bad input', async () => {
    const { staff, call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 720 * DAY), 2);
    const [a, b] = applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [applications.map((x) => x.organisationId)]);
    for (const app of applications) await decide(t, staff, call.id, app.id, '100000.00').expect(201);
    const agreementA = await effectiveAgreement(t, staff, a.id, ['60000.00', '40000.00']);
    const agreementB = await effectiveAgreement(t, staff, b.id, ['100000.00']);
    const due = (user: TestUser, query: Record<string, string | number> = {}) => t.http.get(`/calls/${call.id}/due-tranches`).query(query).set(bearer(user));

    const first = await due(staff, { pageSize: 2 }).expect(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 2, total: 3, totalAmount: '200000.00' });
    // Earliest due first: both first tranches (30. 4.), then A's second (31. 5.).
    expect(first.body.items.map((i: { trancheNo: number; dueDate: string }) => [i.trancheNo, i.dueDate])).toEqual([
      [1, '2023-04-30'],
      [1, '2023-04-30'],
    ]);
    expect(first.body.items[0]).toMatchObject({ agreementStatus: 'effective', awaitingPublication: false, recipient: { ico: expect.stringMatching(/^\d{8}$/) } });
    const second = await due(staff, { pageSize: 2, page: 2 }).expect(200);
    expect(second.body.items).toEqual([expect.objectContaining({ agreementId: agreementA, trancheNo: 2, amount: '40000.00', applicationId: a.id })]);
    expect((await due(staff, { dueBy: '2023-05-01' }).expect(200)).body).toMatchObject({ total: 2, totalAmount: '160000.00' });

    // An ordered tranche is no longer due; a cancelled order makes it due again.
    const ordered = await t.http.post(`/agreements/${agreementB}/payments`).set(bearer(staff)).send({ trancheNo: 1, amount: '100000.00' }).expect(201);
    expect((await due(staff).expect(200)).body).toMatchObject({ total: 2, totalAmount: '100000.00' });
    await t.http.post(`/payments/${ordered.body.id}/cancel`).set(bearer(staff)).send({ version: 1 }).expect(200);
    expect((await due(staff).expect(200)).body.total).toBe(3);

    // The list and the bulk order agree: what it lists is what gets ordered, then nothing is due.
    const bulk = await t.http.post(`/calls/${call.id}/payment-orders`).set(bearer(staff)).send({}).expect(200);
    expect(bulk.body.ordered).toHaveLength(3);
    expect((await due(staff).expect(200)).body).toMatchObject({ total: 0, totalAmount: '0.00', items: [] });

    const applicant = await signIn(t, a.user);
    expectProblem(await due(applicant), 403, 'PERMISSION_DENIED');
    expectProblem(await t.http.get('/calls/00000000-0000-4000-8000-000000000000/due-tranches').set(bearer(staff)), 404, 'CALL_NOT_FOUND');
    expectProblem(await due(staff, { dueBy: '2023-02-30' }), 422, 'VALIDATION_FAILED', 'dueBy');
    expectProblem(await due(staff, { pageSize: 500 }), 422, 'VALIDATION_FAILED', 'pageSize');
  }, 120_000);

  it('shows who ordered and approved an order and the batch it went in; a statement’s lines, its matches by kind and the choices for an unmatched line', async () => {
    const { staff, call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 760 * DAY), 2);
    const [a, b] = applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [applications.map((x) => x.organisationId)]);
    const second = await createUser(t, ['staff']);
    for (const app of applications) await decide(t, staff, call.id, app.id, '100000.00').expect(201);
    const agreementA = await effectiveAgreement(t, staff, a.id, ['100000.00']);
    const agreementB = await effectiveAgreement(t, staff, b.id, ['100000.00']);
    const bulk = await t.http.post(`/calls/${call.id}/payment-orders`).set(bearer(staff)).send({}).expect(200);
    const [paymentA, paymentB] = [agreementA, agreementB].map((id) => bulk.body.ordered.find((o: { agreementId: string }) => o.agreementId === id).paymentId as string);
    const queue = await t.http.get('/payments').query({ callId: call.id, status: 'ordered' }).set(bearer(second)).expect(200);
    expect(queue.body.items).toHaveLength(2);
    const [{ displayName: staffName }] = await t.dataSource.query<{ displayName: string }[]>(`SELECT display_name AS "displayName" FROM app_user WHERE id = $1`, [staff.id]);
    expect(queue.body.items[0]).toMatchObject({ orderedBy: staff.id, orderedByName: staffName, approvedByName: null, batchId: null, batchMessageId: null });

    const approved = await t.http
      .post('/payments/approve')
      .set(bearer(second))
      .send({ payments: queue.body.items.map((p: { id: string; version: number }) => ({ id: p.id, version: p.version })) })
      .expect(200);
    expect(approved.body.succeeded).toHaveLength(2);
    const exported = await t.http.post(`/payments/bank-export/pain001?version=pain.001.001.09&callId=${call.id}`).set(bearer(second)).expect(200);
    const batchId = exported.headers['x-payment-batch-id'];
    const [batch] = await t.dataSource.query<{ message_id: string }[]>(`SELECT message_id FROM payment_batch WHERE id = $1`, [batchId]);
    const inBatch = await t.http.get('/payments').query({ batchId }).set(bearer(staff)).expect(200);
    expect(inBatch.body.total).toBe(2);
    for (const item of inBatch.body.items) expect(item).toMatchObject({ status: 'exported', batchId, batchMessageId: batch.message_id, approvedBy: second.id });
    expect((await t.http.get(`/payments/${paymentA}`).set(bearer(staff)).expect(200)).body).toMatchObject({ batchId });
    expectProblem(await t.http.get('/payments').query({ batchId: 'x' }).set(bearer(staff)), 422, 'VALIDATION_FAILED', 'batchId');

    // A statement: A paid by its variable symbol, B's debit with a wrong symbol and amount, a stranger's credit.
    const vsOf = async (applicationId: string) =>
      (await t.dataSource.query<{ number: string }[]>(`SELECT number FROM application WHERE id = $1`, [applicationId]))[0].number.replace(/\D/g, '').slice(-10);
    const tag = batchId.slice(0, 8);
    const statement = camt053Statement({
      id: `VYPIS-PAGE-${tag}`,
      iban: CITY_IBAN,
      entries: [
        { ref: `P-${tag}-1`, direction: 'debit', amount: '100000.00', bookedOn: today(), variableSymbol: await vsOf(a.id) },
        { ref: `P-${tag}-2`, direction: 'debit', amount: '100000.00', bookedOn: today(), variableSymbol: '1' },
        { ref: `P-${tag}-3`, direction: 'credit', amount: '777.00', bookedOn: today(), variableSymbol: '42', counterpartyName: 'Neznámý' },
      ],
    });
    const imported = await t.http
      .post('/bank-statements')
      .set(bearer(staff))
      .attach('file', Buffer.from(statement, 'utf8'), { filename: 'vypis.xml', contentType: 'application/xml' })
      .expect(200);
    expect(imported.body).toMatchObject({ lines: 3, matched: 1, unmatched: 2, matchedPayments: 1, matchedReturns: 0, matchedLevies: 0 });
    const statementId = imported.body.statements[0].id as string;
    const lines = await t.http.get('/bank-statements/lines').query({ statementId, pageSize: 10 }).set(bearer(staff)).expect(200);
    expect(lines.body.total).toBe(3);
    expect(lines.body.items.every((l: { statementId: string }) => l.statementId === statementId)).toBe(true);
    const unmatched = await t.http.get('/bank-statements/lines').query({ statementId, status: 'unmatched' }).set(bearer(staff)).expect(200);
    expect(unmatched.body.total).toBe(2);
    const debit = unmatched.body.items.find((l: { direction: string }) => l.direction === 'debit');
    const credit = unmatched.body.items.find((l: { direction: string }) => l.direction === 'credit');

    // The outgoing line is offered B's exported order (same amount) first; the incoming one, nothing of this call.
    const choices = await t.http.get(`/bank-statements/lines/${debit.id}/candidates`).set(bearer(staff)).expect(200);
    expect(choices.body[0]).toMatchObject({ matchType: 'payment', amount: '100000.00', sameAmount: true });
    const offeredB = choices.body.find((c: { matchId: string }) => c.matchId === paymentB);
    expect(offeredB).toMatchObject({ matchType: 'payment', variableSymbol: await vsOf(b.id), trancheNo: 1, sameVariableSymbol: false, sameAmount: true });
    expect(choices.body.some((c: { matchId: string }) => c.matchId === paymentA)).toBe(false);
    const creditChoices = await t.http.get(`/bank-statements/lines/${credit.id}/candidates`).set(bearer(staff)).expect(200);
    expect(creditChoices.body.every((c: { matchType: string }) => c.matchType !== 'payment')).toBe(true);
    const applicant = await signIn(t, a.user);
    expectProblem(await t.http.get(`/bank-statements/lines/${debit.id}/candidates`).set(bearer(applicant)), 403, 'PERMISSION_DENIED');
    expectProblem(await t.http.get('/bank-statements/lines/00000000-0000-4000-8000-000000000000/candidates').set(bearer(staff)), 404, 'BANK_STATEMENT_LINE_NOT_FOUND');
    expectProblem(await t.http.get('/bank-statements/lines').query({ statementId: 'x' }).set(bearer(staff)), 422, 'VALIDATION_FAILED', 'statementId');

    // Resolved with the offered order: B is paid.
    await t.http
      .post(`/bank-statements/lines/${debit.id}/resolve`)
      .set(bearer(staff))
      .send({ version: debit.version, matchType: 'payment', matchId: paymentB, note: 'Banka uvedla chybný variabilní symbol.' })
      .expect(200);
    expect((await t.http.get(`/payments/${paymentB}`).set(bearer(staff)).expect(200)).body.status).toBe('paid');
  }, 120_000);
});
