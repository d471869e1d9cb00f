import { randomUUID } from 'node:crypto';
import { PDF_BYTES, WITHOUT_COMMISSION } from './grant-fixtures.js';
import { bearer, TEST_PASSWORD, TestApp, TestUser } from './test-app.js';

/** Signs a user in again (tokens issued before the clock moved may have expired). */
export async function signIn(t: TestApp, user: TestUser): Promise<TestUser> {
  const login = await t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email: user.email, password: TEST_PASSWORD });
  if (login.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(login.body)}`);
  return { ...user, token: login.body.accessToken };
}

/** Records a Council resolution with one decision (approved with `amount`, or rejected when it is null); the raw response. */
export function decide(t: TestApp, staff: TestUser, callId: string, applicationId: string, amount: string | null, supersedesId?: string) {
  return t.http
    .post(`/calls/${callId}/resolutions`)
    .set(bearer(staff))
    .send({
      body: 'council',
      number: `USN RHMP ${randomUUID().slice(0, 8)}/2023`,
      adoptedOn: t.clock.now().toISOString().slice(0, 10),
      text: 'Rada hl. m. Prahy rozhoduje o dotaci.',
      withoutCommissionReason: WITHOUT_COMMISSION,
      decisions: [amount ? { applicationId, outcome: 'approved', amount, supersedesId } : { applicationId, outcome: 'rejected', reason: 'Dotace se neposkytuje.', supersedesId }],
    });
}

/** An agreement for the application's effective approval with these tranches, signed and (over the threshold) published: effective. */
export async function effectiveAgreement(t: TestApp, staff: TestUser, applicationId: string, tranches: string[]): Promise<string> {
  const today = t.clock.now().toISOString().slice(0, 10);
  const created = await t.http
    .post(`/applications/${applicationId}/agreement`)
    .set(bearer(staff))
    .send({
      purpose: 'Integrační aktivity podle žádosti.',
      purposeFrom: '2023-01-01',
      purposeTo: '2023-12-31',
      settlementDeadline: '2099-01-31',
      conditions: [],
      tranches: tranches.map((amount, i) => ({ amount, dueDate: `2023-0${i + 4}-30` })),
    });
  if (created.status !== 201) throw new Error(`agreement not created: ${JSON.stringify(created.body)}`);
  const sent = await t.http.post(`/agreements/${created.body.id}/send`).set(bearer(staff)).send({ version: 1 });
  const signed = await t.http
    .post(`/agreements/${created.body.id}/signature`)
    .set(bearer(staff))
    .field('version', String(sent.body.version))
    .field('signedOn', today)
    .field('signatories', 'Statutár')
    .attach('file', PDF_BYTES, { filename: 'smlouva.pdf', contentType: 'application/pdf' });
  if (signed.status !== 200) throw new Error(`agreement not signed: ${JSON.stringify(signed.body)}`);
  if (signed.body.status === 'signed') {
    const published = await t.http
      .post(`/agreements/${created.body.id}/publication`)
      .set(bearer(staff))
      .send({ version: signed.body.version, publishedOn: today, registerId: `R-${randomUUID().slice(0, 8)}` });
    if (published.status !== 200) throw new Error(`agreement not published: ${JSON.stringify(published.body)}`);
  }
  return created.body.id as string;
}

/** Orders, approves (by a second person), exports and confirms one payment; the order's response if it was refused. */
export async function pay(t: TestApp, orderedBy: TestUser, approvedBy: TestUser, agreementId: string, trancheNo: number, amount: string) {
  const order = await t.http.post(`/agreements/${agreementId}/payments`).set(bearer(orderedBy)).send({ trancheNo, amount });
  if (order.status !== 201) return order;
  await t.http.post(`/payments/${order.body.id}/approve`).set(bearer(approvedBy)).send({ version: 1 }).expect(200);
  await t.http.post('/payments/bank-export').set(bearer(approvedBy)).expect(200);
  return t.http
    .post(`/payments/${order.body.id}/confirmation`)
    .set(bearer(approvedBy))
    .send({ bankReference: `B-${order.body.id.slice(0, 8)}`, paidOn: t.clock.now().toISOString().slice(0, 10), version: 3 });
}
