import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, PDF_BYTES, TestApp, TestUser } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Many money operations at once, in a random mix, then the ledger's invariants checked from three
 * independent places: approved ≤ allocation, paid ≤ approved (per agreement), and every activity
 * split adding up to what its source row says.
 */
describe('ledger invariants under concurrent operations', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A reproducible sequence: a failure can be replayed with the seed it prints. */
  function generator(seed: number) {
    let state = seed >>> 0;
    return (below: number) => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state % below;
    };
  }

  it('holds for a random mix of concurrent decisions, changes of decisions and payment orders', async () => {
    const seed = Number(process.env.LEDGER_SEED ?? Date.now() % 100_000);
    try {
      await run(seed);
    } catch (error) {
      // The seed reproduces the run: LEDGER_SEED=<seed> npx jest test/ledger-invariants
      throw new Error(`seed ${seed}: ${(error as Error).message}`);
    }
  }, 120_000);

  async function run(seed: number): Promise<void> {
    const random = generator(seed);
    const activities = await createTestActivities(t);
    const { call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 400 * DAY), 10, undefined, {
      budgetAreas: [{ code: 'I', name: 'Okruh I – integrační aktivity', allocation: '600000.00' }, { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' }],
    });
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [applications.map((a) => a.organisationId)]);
    const staff = [await createUser(t, ['staff']), await createUser(t, ['staff'])];
    const adoptedOn = t.clock.now().toISOString().slice(0, 10);
    let resolutionNo = 0;
    const decide = (user: TestUser, applicationId: string, amount: string | null, supersedesId?: string) =>
      t.http.post(`/calls/${call.id}/resolutions`).set(bearer(user)).send({
        body: 'council', number: `USN RHMP ${++resolutionNo}/${seed}`, adoptedOn, text: 'Rada hl. m. Prahy rozhoduje o dotacích.',
        decisions: [amount ? { applicationId, outcome: 'approved', amount, supersedesId } : { applicationId, outcome: 'rejected', reason: 'Nedostatek prostředků v okruhu.', supersedesId }],
      });
    const amount = () => `${(20 + random(150)) * 1000}.00`;

    // Round 1: every application decided at once, most approved, some for more than fits.
    const first = await Promise.all(applications.map((a) => decide(staff[random(2)], a.id, random(5) === 0 ? null : amount())));
    expect(first.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'ALLOCATION_EXCEEDED'))).toBe(true);
    // Round 2: changes of the decisions that exist, concurrently, some raising and some lowering the amount.
    const effective = (await t.dataSource.query(
      `SELECT d.id, d.application_id FROM award_decision d WHERE d.application_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)`,
      [applications.map((a) => a.id)],
    )) as { id: string; application_id: string }[];
    const second = await Promise.all(effective.map((d) => decide(staff[random(2)], d.application_id, random(4) === 0 ? null : amount(), d.id)));
    expect(second.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'ALLOCATION_EXCEEDED'))).toBe(true);

    // Agreements for what is approved now, signed (under the register threshold or published), then payment orders racing.
    const approved = (await t.dataSource.query(
      `SELECT d.application_id, d.amount FROM award_decision d WHERE d.application_id = ANY($1::uuid[]) AND d.outcome = 'approved' AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)`,
      [applications.map((a) => a.id)],
    )) as { application_id: string; amount: string }[];
    const today = adoptedOn;
    const agreements: string[] = [];
    for (const row of approved) {
      const created = await t.http.post(`/applications/${row.application_id}/agreement`).set(bearer(staff[0])).send({
        purpose: 'Integrační aktivity podle žádosti.', purposeFrom: '2027-01-01', purposeTo: '2027-12-31', settlementDeadline: '2028-01-31', conditions: [],
        tranches: [{ amount: row.amount, dueDate: '2027-06-30' }],
      }).expect(201);
      const sent = await t.http.post(`/agreements/${created.body.id}/send`).set(bearer(staff[0])).send({ version: 1 }).expect(200);
      const signed = await t.http.post(`/agreements/${created.body.id}/signature`).set(bearer(staff[0])).field('version', String(sent.body.version)).field('signedOn', today).field('signatories', 'Statutár')
        .attach('file', PDF_BYTES, { filename: 'smlouva.pdf', contentType: 'application/pdf' }).expect(200);
      if (signed.body.status === 'signed') {
        await t.http.post(`/agreements/${created.body.id}/publication`).set(bearer(staff[0])).send({ version: signed.body.version, publishedOn: today, registerId: `R-${seed}-${agreements.length}` }).expect(200);
      }
      agreements.push(created.body.id);
    }
    const orders = await Promise.all(agreements.flatMap((id) => Array.from({ length: 3 }, () =>
      t.http.post(`/agreements/${id}/payments`).set(bearer(staff[0])).send({ trancheNo: 1, amount: `${(5 + random(90)) * 1000}.00` }),
    )));
    expect(orders.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'PAYMENT_EXCEEDS_AWARD'))).toBe(true);
    const accepted = orders.filter((r) => r.status === 201).map((r) => r.body.id as string);
    await Promise.all(accepted.map((id) => t.http.post(`/payments/${id}/approve`).set(bearer(staff[1])).send({ version: 1 }).expect(200)));
    await t.http.post('/payments/bank-export').set(bearer(staff[1])).expect(200);
    await Promise.all(accepted.filter(() => random(3) !== 0).map((id) => t.http.post(`/payments/${id}/confirmation`).set(bearer(staff[1])).send({ bankReference: `B-${id.slice(0, 8)}`, paidOn: today, version: 3 }).expect(200)));

    // 1. approved ≤ allocation, and the guard, the effective decisions and the ledger agree.
    const [area] = (await t.dataSource.query(
      `SELECT f.allocation, f.approved,
              (SELECT coalesce(sum(d.amount), 0) FROM award_decision d WHERE d.application_id = ANY($2::uuid[]) AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)) AS decided,
              (SELECT coalesce(sum(l.amount), 0) FROM ledger_entry l WHERE l.budget_area_id = f.budget_area_id AND l.kind = 'approved') AS ledger
         FROM area_funding f JOIN call_budget_area b ON b.id = f.budget_area_id WHERE b.call_id = $1 AND b.code = 'I'`,
      [call.id, applications.map((a) => a.id)],
    )) as { allocation: string; approved: string; decided: string; ledger: string }[];
    const cents = (x: string) => BigInt(x.replace('.', ''));
    expect(cents(area.approved)).toBeLessThanOrEqual(cents(area.allocation));
    expect([area.decided, area.ledger]).toEqual([area.approved, area.approved]);
    // 2. paid ≤ approved per application, and what is paid equals the confirmed payments.
    const perApplication = (await t.dataSource.query(
      `SELECT application_id, sum(amount) FILTER (WHERE kind = 'approved')::text AS approved, coalesce(sum(amount) FILTER (WHERE kind = 'paid'), 0)::text AS paid
         FROM ledger_entry WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
      [applications.map((a) => a.id)],
    )) as { application_id: string; approved: string | null; paid: string }[];
    for (const row of perApplication) expect(cents(row.paid)).toBeLessThanOrEqual(cents(row.approved ?? '0.00'));
    const [payments] = (await t.dataSource.query(`SELECT coalesce(sum(p.amount), 0)::text AS paid FROM payment p WHERE p.agreement_id = ANY($1::uuid[]) AND p.status = 'paid'`, [agreements])) as { paid: string }[];
    const ledgerPaid = perApplication.reduce((sum, r) => sum + cents(r.paid), 0n);
    expect(ledgerPaid).toBe(cents(payments.paid));
    // 3. Every event's parts follow the shares (2/3 and 1/3 of the whole, to the haléř, the larger part first by the rounding rule).
    const events = (await t.dataSource.query(
      `SELECT event_id, array_agg(amount::text ORDER BY amount DESC) AS parts FROM ledger_entry WHERE application_id = ANY($1::uuid[]) GROUP BY event_id`,
      [applications.map((a) => a.id)],
    )) as { event_id: string; parts: string[] }[];
    for (const event of events) {
      const parts = event.parts.map(cents);
      const whole = parts.reduce((a, b) => a + b, 0n);
      const sign = whole < 0n ? -1n : 1n;
      expect(parts.map((p) => p * sign).sort((a, b) => (a > b ? -1 : 1))).toEqual(twoThirdsSplit(whole * sign));
    }
  }
});

/** 6 667 and 3 333 basis points of a whole in haléře: floors, then the leftover haléř to the larger remainder (ties: the first). */
function twoThirdsSplit(whole: bigint): bigint[] {
  const floors = [(whole * 6667n) / 10000n, (whole * 3333n) / 10000n];
  const remainders = [(whole * 6667n) % 10000n, (whole * 3333n) % 10000n];
  let left = whole - floors[0] - floors[1];
  const order = remainders[1] > remainders[0] ? [1, 0] : [0, 1];
  for (const index of order) if (left > 0n) { floors[index] += 1n; left -= 1n; }
  return floors.sort((a, b) => (a > b ? -1 : 1));
}
