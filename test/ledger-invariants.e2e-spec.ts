import {
  bearer,
  callInEvaluation,
  createTestActivities,
  createTestApp,
  createUser,
  decide as decideOne,
  effectiveAgreement,
  PDF_BYTES,
  signIn,
  TestApp,
  TestUser,
  WITHOUT_COMMISSION,
} from '#testing';

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
      throw new Error(`seed ${seed}: ${(error as Error).message}`, { cause: error });
    }
  }, 120_000);

  async function run(seed: number): Promise<void> {
    const random = generator(seed);
    const activities = await createTestActivities(t);
    const { call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 400 * DAY), 10, undefined, {
      budgetAreas: [
        { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '600000.00' },
        { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' },
      ],
    });
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [applications.map((a) => a.organisationId)]);
    const staff = [await createUser(t, ['staff']), await createUser(t, ['staff'])];
    const adoptedOn = t.clock.now().toISOString().slice(0, 10);
    let resolutionNo = 0;
    const decide = (user: TestUser, applicationId: string, amount: string | null, supersedesId?: string) =>
      t.http
        .post(`/calls/${call.id}/resolutions`)
        .set(bearer(user))
        .send({
          body: 'council',
          number: `USN RHMP ${++resolutionNo}/${seed}`,
          adoptedOn,
          text: 'Rada hl. m. Prahy rozhoduje o dotacích.',
          withoutCommissionReason: WITHOUT_COMMISSION,
          decisions: [
            amount ? { applicationId, outcome: 'approved', amount, supersedesId } : { applicationId, outcome: 'rejected', reason: 'Nedostatek prostředků v okruhu.', supersedesId },
          ],
        });
    const amount = () => `${(20 + random(150)) * 1000}.00`;

    // Round 1: every application decided at once, most approved, some for more than fits.
    const first = await Promise.all(applications.map((a) => decide(staff[random(2)], a.id, random(5) === 0 ? null : amount())));
    expect(first.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'ALLOCATION_EXCEEDED'))).toBe(true);
    // Round 2: changes of the decisions that exist, concurrently, some raising and some lowering the amount.
    const effective = await t.dataSource.query<{ id: string; application_id: string }[]>(
      `SELECT d.id, d.application_id FROM award_decision d WHERE d.application_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)`,
      [applications.map((a) => a.id)],
    );
    const second = await Promise.all(effective.map((d) => decide(staff[random(2)], d.application_id, random(4) === 0 ? null : amount(), d.id)));
    expect(second.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'ALLOCATION_EXCEEDED'))).toBe(true);

    // Agreements for what is approved now, signed (under the register threshold or published), then payment orders racing.
    const approved = await t.dataSource.query<{ application_id: string; amount: string }[]>(
      `SELECT d.application_id, d.amount FROM award_decision d WHERE d.application_id = ANY($1::uuid[]) AND d.outcome = 'approved' AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)`,
      [applications.map((a) => a.id)],
    );
    const today = adoptedOn;
    const agreements: string[] = [];
    for (const row of approved) {
      const created = await t.http
        .post(`/applications/${row.application_id}/agreement`)
        .set(bearer(staff[0]))
        .send({
          purpose: 'Integrační aktivity podle žádosti.',
          purposeFrom: '2027-01-01',
          purposeTo: '2027-12-31',
          settlementDeadline: '2028-01-31',
          conditions: [],
          tranches: [{ amount: row.amount, dueDate: '2027-06-30' }],
        })
        .expect(201);
      const sent = await t.http.post(`/agreements/${created.body.id}/send`).set(bearer(staff[0])).send({ version: 1 }).expect(200);
      const signed = await t.http
        .post(`/agreements/${created.body.id}/signature`)
        .set(bearer(staff[0]))
        .field('version', String(sent.body.version))
        .field('signedOn', today)
        .field('signatories', 'Statutár')
        .attach('file', PDF_BYTES, { filename: 'smlouva.pdf', contentType: 'application/pdf' })
        .expect(200);
      if (signed.body.status === 'signed') {
        await t.http
          .post(`/agreements/${created.body.id}/publication`)
          .set(bearer(staff[0]))
          .send({ version: signed.body.version, publishedOn: today, registerId: `R-${seed}-${agreements.length}` })
          .expect(200);
      }
      agreements.push(created.body.id);
    }
    const orders = await Promise.all(
      agreements.flatMap((id) =>
        Array.from({ length: 3 }, () =>
          t.http
            .post(`/agreements/${id}/payments`)
            .set(bearer(staff[0]))
            .send({ trancheNo: 1, amount: `${(5 + random(90)) * 1000}.00` }),
        ),
      ),
    );
    expect(orders.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'PAYMENT_EXCEEDS_AWARD'))).toBe(true);
    const accepted = orders.filter((r) => r.status === 201).map((r) => r.body.id as string);
    await Promise.all(accepted.map((id) => t.http.post(`/payments/${id}/approve`).set(bearer(staff[1])).send({ version: 1 }).expect(200)));
    await t.http.post('/payments/bank-export').set(bearer(staff[1])).expect(200);
    await Promise.all(
      accepted
        .filter(() => random(3) !== 0)
        .map((id) =>
          t.http
            .post(`/payments/${id}/confirmation`)
            .set(bearer(staff[1]))
            .send({ bankReference: `B-${id.slice(0, 8)}`, paidOn: today, version: 3 })
            .expect(200),
        ),
    );

    // 1. approved ≤ allocation, and the guard, the effective decisions and the ledger agree.
    const [area] = await t.dataSource.query<{ allocation: string; approved: string; decided: string; ledger: string }[]>(
      `SELECT f.allocation, f.approved,
              (SELECT coalesce(sum(d.amount), 0) FROM award_decision d WHERE d.application_id = ANY($2::uuid[]) AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)) AS decided,
              (SELECT coalesce(sum(l.amount), 0) FROM ledger_entry l WHERE l.budget_area_id = f.budget_area_id AND l.kind = 'approved') AS ledger
         FROM area_funding f JOIN call_budget_area b ON b.id = f.budget_area_id WHERE b.call_id = $1 AND b.code = 'I'`,
      [call.id, applications.map((a) => a.id)],
    );
    const cents = (x: string) => BigInt(x.replace('.', ''));
    expect(cents(area.approved)).toBeLessThanOrEqual(cents(area.allocation));
    expect([area.decided, area.ledger]).toEqual([area.approved, area.approved]);
    // 2. paid ≤ approved per application, and what is paid equals the confirmed payments.
    const perApplication = await t.dataSource.query<{ application_id: string; approved: string | null; paid: string }[]>(
      `SELECT application_id, sum(amount) FILTER (WHERE kind = 'approved')::text AS approved, coalesce(sum(amount) FILTER (WHERE kind = 'paid'), 0)::text AS paid
         FROM ledger_entry WHERE application_id = ANY($1::uuid[]) GROUP BY application_id`,
      [applications.map((a) => a.id)],
    );
    for (const row of perApplication) expect(cents(row.paid)).toBeLessThanOrEqual(cents(row.approved ?? '0.00'));
    const [payments] = await t.dataSource.query<{ paid: string }[]>(
      `SELECT coalesce(sum(p.amount), 0)::text AS paid FROM payment p WHERE p.agreement_id = ANY($1::uuid[]) AND p.status = 'paid'`,
      [agreements],
    );
    const ledgerPaid = perApplication.reduce((sum, r) => sum + cents(r.paid), 0n);
    expect(ledgerPaid).toBe(cents(payments.paid));
    // 3. Every event's parts follow the shares (2/3 and 1/3 of the whole, to the haléř, the larger part first by the rounding rule).
    const events = await t.dataSource.query<{ event_id: string; parts: string[] }[]>(
      `SELECT event_id, array_agg(amount::text ORDER BY amount DESC) AS parts FROM ledger_entry WHERE application_id = ANY($1::uuid[]) GROUP BY event_id`,
      [applications.map((a) => a.id)],
    );
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
  for (const index of order)
    if (left > 0n) {
      floors[index] += 1n;
      left -= 1n;
    }
  return floors.sort((a, b) => (a > b ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------------
// The model-based test: random sequences of ordinary actions, in unusual orders on purpose, checked
// after every step against an independent model of the money kept from what the API answers.
// LEDGER_RUNS=n runs n sequences (default 2), LEDGER_STEPS their length (default 25), LEDGER_SEED the first seed,
// LEDGER_DEBUG=1 prints every step with the model's state.
// ---------------------------------------------------------------------------------------------------

type Kind = 'requested' | 'approved' | 'contracted' | 'paid' | 'settled' | 'returned' | 'penalised';
const KINDS: Kind[] = ['requested', 'approved', 'contracted', 'paid', 'settled', 'returned', 'penalised'];
interface Share {
  activityId: string;
  bp: number;
}

/** The model's own split rule, written from the README's words (largest share first, then activity; floors, leftovers by largest remainder, ties to the earlier). */
function modelSplit(whole: bigint, shares: readonly Share[]): Map<string, bigint> {
  const ordered = [...shares].sort((a, b) => b.bp - a.bp || (a.activityId < b.activityId ? -1 : 1));
  const sign = whole < 0n ? -1n : 1n;
  const abs = whole * sign;
  const floors = ordered.map((s) => (abs * BigInt(s.bp)) / 10000n);
  const remainders = ordered.map((s) => (abs * BigInt(s.bp)) % 10000n);
  let left = abs - floors.reduce((a, b) => a + b, 0n);
  const byRemainder = ordered.map((_, i) => i).sort((i, j) => (remainders[j] > remainders[i] ? 1 : remainders[j] < remainders[i] ? -1 : i - j));
  for (const i of byRemainder)
    if (left > 0n) {
      floors[i] += 1n;
      left -= 1n;
    }
  return new Map(ordered.map((s, i) => [s.activityId, floors[i] * sign]));
}

const cents = (x: string) => BigInt(x.replace('.', ''));
const money = (h: bigint) => `${h < 0n ? '-' : ''}${(h < 0n ? -h : h) / 100n}.${String((h < 0n ? -h : h) % 100n).padStart(2, '0')}`;

interface AppModel {
  id: string;
  number: string;
  user: TestUser;
  status: 'accepted' | 'submitted' | 'excluded' | 'withdrawn';
  requested: bigint;
  shares: Share[];
  decisionId: string | null;
  approved: bigint;
  agreement: { id: string; amount: bigint; committed: bigint; status: 'effective' | 'void' } | null;
  inFlight: { id: string; amount: bigint }[];
  paid: bigint;
  settlement: { id: string; version: number; status: string; eligible: bigint; returnDue: bigint; returned: bigint } | null;
  penalised: bigint;
  /** The wholes of the ledger events of each kind, as the API's answers say they happened (split per event, re-split as one whole on a mapping change). */
  events: Record<Kind, bigint[]>;
  /** What the application asked of each activity when it left the running. */
  ended: Map<string, bigint>;
}

interface Step {
  action: string;
  app: number;
  r: number;
}
/** Weighted: decisions and payments often (their orders around agreements and settlements matter most), the rest now and then. */
const ACTIONS = [
  'decide',
  'decide',
  'decide',
  'decide-any',
  'agree',
  'agree',
  'agree',
  'pay',
  'pay',
  'pay',
  'pay',
  'confirm',
  'cancel',
  'settle',
  'settle',
  'return',
  'return',
  'remap',
  'remap',
  'withdraw',
  'exclude',
  'breach',
] as const;

describe('ledger invariants: model-based, random sequences in unusual orders', () => {
  let t: TestApp;
  let activities: string[];
  let measureId: string;
  let runNo = 0;
  /** How often each action found an application to act on (refusals included), for the summary line. */
  const tried = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
    [{ parent_id: measureId }] = await t.dataSource.query<{ parent_id: string }[]>(`SELECT parent_id FROM strategy_node WHERE id = $1`, [activities[0]]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const runs = Number(process.env.LEDGER_RUNS ?? 2);
  const steps = Number(process.env.LEDGER_STEPS ?? 25);
  const firstSeed = Number(process.env.LEDGER_SEED ?? Date.now() % 1_000_000);

  it(
    `holds every invariant after every step (${runs} sequences of ${steps} steps)`,
    async () => {
      for (let run = 0; run < runs; run++) {
        const seed = firstSeed + run;
        const sequence = generate(seed, steps);
        const failure = await attempt(sequence);
        if (!failure) continue;
        const shortest = await shrink(sequence.slice(0, failure.at + 1), failure.message);
        throw new Error(
          `seed ${seed} failed at step ${failure.at + 1}: ${failure.message}\n` +
            `shortest failing sequence found (${shortest.steps.length} steps): ${JSON.stringify(shortest.steps)}\n  → ${shortest.message}\n` +
            `replay: LEDGER_SEED=${seed} LEDGER_RUNS=1 LEDGER_STEPS=${steps} npx jest test/ledger-invariants`,
        );
      }
      process.stdout.write(`ledger model: ${runs} sequences × ${steps} steps from seed ${firstSeed} held; actions tried: ${[...tried].map(([a, n]) => `${a} ${n}`).join(', ')}\n`);
    },
    Math.max(120_000, runs * steps * 3_000 + 300_000),
  );

  function generate(seed: number, count: number): Step[] {
    let a = seed >>> 0;
    const next = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let x = a;
      x = Math.imul(x ^ (x >>> 15), x | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return (x ^ (x >>> 14)) >>> 0;
    };
    return Array.from({ length: count }, () => ({ action: ACTIONS[next() % ACTIONS.length], app: next() % 6, r: next() }));
  }

  /** Removes steps while the sequence still fails, within a time budget: the shortest failing sequence found. */
  async function shrink(sequence: Step[], message: string): Promise<{ steps: Step[]; message: string }> {
    let best = { steps: sequence, message };
    const deadline = Date.now() + Number(process.env.LEDGER_SHRINK_MS ?? 180_000);
    for (let size = Math.max(1, Math.floor(best.steps.length / 2)); size >= 1 && Date.now() < deadline; size = Math.floor(size / 2)) {
      for (let start = 0; start + size <= best.steps.length && Date.now() < deadline;) {
        const candidate = [...best.steps.slice(0, start), ...best.steps.slice(start + size)];
        const failure = candidate.length ? await attempt(candidate) : null;
        if (failure) best = { steps: candidate.slice(0, failure.at + 1), message: failure.message };
        else start += size;
      }
    }
    return best;
  }

  /** Runs a sequence on a fresh call; the first step after which an invariant fails, or null. */
  async function attempt(sequence: Step[]): Promise<{ at: number; message: string } | null> {
    const world = await setUp();
    for (const [at, step] of sequence.entries()) {
      try {
        await perform(world, step);
        if (process.env.LEDGER_DEBUG)
          process.stdout.write(
            `${at + 1}. ${step.action}(${step.app}) → ${world.apps.map((a) => `${a.status[0]}${money(a.approved)}/${money(a.paid)}${a.agreement ? a.agreement.status[0] : ''}`).join(' ')}\n`,
          );
        await check(world);
      } catch (error) {
        return { at, message: `${step.action}(${step.app}): ${(error as Error).message.split('\n').slice(0, 20).join('\n')}` };
      }
    }
    return null;
  }

  async function setUp() {
    runNo++;
    const allocation = 500_000_00n;
    const { staff, call, applications } = await callInEvaluation(
      t,
      activities,
      new Date(Date.now() + (1000 + runNo * 20) * DAY),
      6,
      undefined,
      {
        budgetAreas: [
          { code: 'I', name: 'Okruh I – integrační aktivity', allocation: money(allocation) },
          { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' },
        ],
      },
      { leaveSubmitted: 2 },
    );
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [applications.map((a) => a.organisationId)]);
    const second = await createUser(t, ['staff']);
    const auditor = await createUser(t, ['auditor']);
    const apps: AppModel[] = [];
    for (const [i, a] of applications.entries()) {
      const detail = await t.http.get(`/applications/${a.id}`).set(bearer(staff)).expect(200);
      apps.push({
        id: a.id,
        number: a.number,
        user: await signIn(t, a.user),
        status: i < 4 ? 'accepted' : 'submitted',
        requested: cents(detail.body.requestedAmount),
        decisionId: null,
        approved: 0n,
        agreement: null,
        inFlight: [],
        paid: 0n,
        settlement: null,
        penalised: 0n,
        shares: (detail.body.activities as { activityId: string; sharePercent: string }[]).map((s) => ({ activityId: s.activityId, bp: Number(cents(s.sharePercent)) })),
        events: { requested: [cents(detail.body.requestedAmount)], approved: [], contracted: [], paid: [], settled: [], returned: [], penalised: [] },
        ended: new Map(),
      });
    }
    return { staff, second, auditor, call, apps, allocation };
  }

  type World = Awaited<ReturnType<typeof setUp>>;

  /** Whether an action can do anything to an application in the model's state (refusals included: they are tried on purpose). */
  function applies(action: string, app: AppModel): boolean {
    const effective = app.agreement?.status === 'effective';
    switch (action) {
      case 'agree':
        return app.approved > 0n && !app.agreement;
      case 'pay':
        return effective;
      case 'confirm':
      case 'cancel':
        return app.inFlight.length > 0;
      case 'settle':
        return effective && !app.settlement;
      case 'return':
        return app.settlement?.status === 'checked';
      case 'breach':
        return effective && app.paid >= 2000_00n;
      case 'exclude':
        return app.status === 'submitted';
      case 'decide':
        return app.status === 'accepted';
      case 'withdraw':
        return ['accepted', 'submitted'].includes(app.status) && app.approved === 0n && !app.agreement;
      default:
        return true;
    }
  }

  async function perform(w: World, step: Step): Promise<void> {
    // The step's application, or the next one the action applies to; an action that applies to none gives way to the
    // step that moves the money on (an agreement, else a decision), so that sequences reach the later stages.
    const rotated = [...w.apps.slice(step.app), ...w.apps.slice(0, step.app)];
    const action = [step.action, 'agree', 'decide', 'remap'].find((a) => rotated.some((candidate) => applies(a, candidate)))!;
    step = { ...step, action };
    const app = rotated.find((a) => applies(action, a))!;
    tried.set(step.action, (tried.get(step.action) ?? 0) + 1);
    let r = step.r;
    const pick = (below: number) => {
      const v = r % below;
      r = Math.floor(r / below) + 7919 * v;
      return v;
    };
    const expectCode = (res: { status: number; body: { code?: string } }, status: number, code?: string) => {
      if (res.status !== status || (code && res.body.code !== code))
        throw new Error(`expected ${status} ${code ?? ''}, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    };
    const today = t.clock.now().toISOString().slice(0, 10);
    switch (step.action) {
      case 'decide':
      case 'decide-any': {
        const choice = pick(6);
        const amount = choice === 0 ? 0n : BigInt(10 + pick(161)) * 1000_00n;
        const res = await decideOne(t, w.staff, w.call.id, app.id, amount > 0n ? money(amount) : null, app.decisionId ?? undefined);
        const agreement = app.agreement?.status === 'effective' ? app.agreement : null;
        const totalAfter = w.apps.reduce((sum, a) => sum + (a === app ? amount : a.approved), 0n);
        if (app.status !== 'accepted') return expectCode(res, 422, 'NOT_EVALUATED');
        if (agreement && amount !== agreement.amount && amount < agreement.committed) return expectCode(res, 409, 'DECISION_BELOW_PAID');
        if (agreement && amount !== agreement.amount && app.settlement) return expectCode(res, 409, 'AGREEMENT_SETTLED');
        if (totalAfter > w.allocation && amount > app.approved) return expectCode(res, 409, 'ALLOCATION_EXCEEDED');
        expectCode(res, 201);
        const [decision] = res.body.decisions as { id: string; amount: string }[];
        const delta = cents(decision.amount) - app.approved;
        if (delta !== 0n) app.events.approved.push(delta);
        app.approved = cents(decision.amount);
        app.decisionId = decision.id;
        if (agreement && app.approved !== agreement.amount) {
          app.events.contracted.push(app.approved - agreement.amount);
          if (app.approved === 0n) agreement.status = 'void';
          else agreement.amount = app.approved;
        }
        return;
      }
      case 'agree': {
        if (app.approved === 0n || app.agreement) return;
        const first = (app.approved / 2n / 100n) * 100n;
        app.agreement = { id: await effectiveAgreement(t, w.staff, app.id, [money(first), money(app.approved - first)]), amount: app.approved, committed: 0n, status: 'effective' };
        app.events.contracted.push(app.approved);
        return;
      }
      case 'pay': {
        const agreement = app.agreement;
        if (!agreement || agreement.status !== 'effective') return;
        const left = agreement.amount - agreement.committed;
        const how = pick(4);
        const amount = how === 0 ? left + 1000_00n : how === 1 ? left : BigInt(1 + pick(Math.max(1, Number(left / 1000_00n)))) * 1000_00n;
        // The tranches as the agreement has them now (a decision may have refitted them).
        const tranches = (await t.http.get(`/agreements/${agreement.id}`).set(bearer(w.staff)).expect(200)).body.tranches as { trancheNo: number }[];
        const order = await t.http
          .post(`/agreements/${agreement.id}/payments`)
          .set(bearer(w.staff))
          .send({ trancheNo: tranches[pick(tranches.length)].trancheNo, amount: money(amount) });
        // A settled agreement is refused before the amount is looked at.
        if (app.settlement) return expectCode(order, 409, 'AGREEMENT_SETTLED');
        if (amount <= 0n) return expectCode(order, 422, 'AMOUNT_NOT_POSITIVE');
        if (amount > left) return expectCode(order, 409, 'PAYMENT_EXCEEDS_AWARD');
        expectCode(order, 201);
        agreement.committed += amount;
        app.inFlight.push({ id: order.body.id, amount: cents(order.body.amount) });
        if (pick(3) !== 0) await confirm(w, app, app.inFlight.length - 1);
        return;
      }
      case 'confirm':
        if (app.inFlight.length) await confirm(w, app, pick(app.inFlight.length));
        return;
      case 'cancel': {
        if (!app.inFlight.length || !app.agreement) return;
        const [payment] = app.inFlight.splice(pick(app.inFlight.length), 1);
        expectCode(await t.http.post(`/payments/${payment.id}/cancel`).set(bearer(w.staff)).send({ version: 1 }), 200);
        app.agreement.committed -= payment.amount;
        return;
      }
      case 'settle': {
        const agreement = app.agreement;
        if (!agreement || agreement.status !== 'effective' || app.settlement) return;
        const lines = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM application_budget_line WHERE application_id = $1 ORDER BY position`, [app.id]);
        const claimed = app.paid > 0n ? app.paid - (app.paid * BigInt(pick(4))) / 10n : 1000_00n;
        const submitted = await t.http
          .post(`/agreements/${agreement.id}/settlement`)
          .set(bearer(app.user))
          .send({
            costDocuments: [{ budgetLineId: lines[0].id, number: `D-${step.r}`, issuedOn: '2023-06-30', supplier: 'Dodavatel', amount: money(claimed), paidOn: '2023-07-05' }],
            report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 100 }],
          });
        if (app.inFlight.length) return expectCode(submitted, 409, 'PAYMENTS_IN_PROGRESS');
        expectCode(submitted, 201);
        const partly = pick(3) === 0 && claimed > 100n;
        const checked = await t.http
          .post(`/settlements/${submitted.body.id}/check`)
          .set(bearer(w.staff))
          .send({
            reviews: [
              partly
                ? { costDocumentId: submitted.body.costDocuments[0].id, review: 'partly_eligible', eligibleAmount: money(claimed / 2n), reason: 'Část nákladu není uznatelná.' }
                : { costDocumentId: submitted.body.costDocuments[0].id, review: 'eligible' },
            ],
            returnDueDate: '2099-03-31',
            version: 1,
          });
        expectCode(checked, 200);
        app.settlement = {
          id: submitted.body.id,
          version: checked.body.version,
          status: checked.body.status,
          eligible: cents(checked.body.eligibleTotal),
          returnDue: cents(checked.body.returnDue),
          returned: 0n,
        };
        if (app.settlement.eligible !== 0n) app.events.settled.push(app.settlement.eligible);
        return;
      }
      case 'return': {
        const s = app.settlement;
        if (!s || s.status !== 'checked') return;
        const owed = s.returnDue - s.returned;
        const amount = pick(2) === 0 ? owed : owed - (owed * BigInt(1 + pick(8))) / 10n;
        if (amount <= 0n) return;
        const res = await t.http
          .post(`/settlements/${s.id}/returns`)
          .set(bearer(w.staff))
          .send({ amount: money(amount), receivedOn: today, bankReference: `V-${step.r}`, version: s.version });
        expectCode(res, 200);
        Object.assign(s, { version: res.body.version, status: res.body.status, returned: cents(res.body.returned) });
        app.events.returned.push(amount);
        return;
      }
      case 'remap': {
        // 1–3 distinct activities in a random order, with random shares in basis points (sometimes equal, for ties).
        const pool = [...activities];
        const chosen = Array.from({ length: 1 + pick(3) }, () => pool.splice(pick(pool.length), 1)[0]);
        const equal = pick(3) === 0;
        const cuts = [...new Set(Array.from({ length: chosen.length - 1 }, (_, i) => (equal ? Math.round(((i + 1) * 10_000) / chosen.length) : 1 + pick(9998))))].sort(
          (x, y) => x - y,
        );
        const bounds = [0, ...cuts, 10_000];
        const shares = bounds.slice(1).map((end, i) => ({ activityId: chosen[i], bp: end - bounds[i] }));
        const res = await t.http
          .put(`/applications/${app.id}/activities`)
          .set(bearer(w.staff))
          .send({
            reason: 'Oprava mapování na akční plán.',
            activities: shares.map((s) => ({ activityId: s.activityId, sharePercent: `${Math.floor(s.bp / 100)}.${String(s.bp % 100).padStart(2, '0')}` })),
          });
        expectCode(res, 200);
        app.shares = shares;
        for (const kind of KINDS) {
          const whole = app.events[kind].reduce((a, b) => a + b, 0n);
          app.events[kind] = whole === 0n ? [] : [whole];
        }
        return;
      }
      case 'withdraw':
      case 'exclude': {
        if (step.action === 'exclude' && app.status !== 'submitted') return;
        if (step.action === 'withdraw' && (!['accepted', 'submitted'].includes(app.status) || app.approved !== 0n || app.agreement)) return;
        const res =
          step.action === 'exclude'
            ? await t.http.post(`/applications/${app.id}/exclude`).set(bearer(w.staff)).send({ reason: 'Žadatel nesplňuje podmínky výzvy.' })
            : await t.http.post(`/applications/${app.id}/withdraw`).set(bearer(app.user)).send({ reason: 'Projekt nebude realizován.' });
        expectCode(res, 200);
        app.status = step.action === 'exclude' ? 'excluded' : 'withdrawn';
        for (const ev of app.events.requested) for (const [activity, part] of modelSplit(ev, app.shares)) app.ended.set(activity, (app.ended.get(activity) ?? 0n) + part);
        app.events.requested = [];
        return;
      }
      case 'breach': {
        const agreement = app.agreement;
        if (!agreement || agreement.status !== 'effective' || app.paid < 2000_00n) return;
        const misused = 2000_00n + ((app.paid - 2000_00n) * BigInt(pick(5))) / 10n;
        const created = await t.http
          .post(`/agreements/${agreement.id}/breaches`)
          .set(bearer(w.staff))
          .send({ description: 'Neuznatelný výdaj.', breachDate: '2023-06-30', misused: money(misused) });
        expectCode(created, 201);
        const levied = await t.http.post(`/breaches/${created.body.id}/levy`).set(bearer(w.staff)).send({ dueDate: '2099-12-31', version: 1 });
        expectCode(levied, 200);
        if (levied.body.status !== 'levied') return;
        const paid = await t.http.post(`/breaches/${created.body.id}/payment`).set(bearer(w.staff)).send({ paidOn: today, version: 2 });
        expectCode(paid, 200);
        const amount = cents(paid.body.levy) + cents(paid.body.penalty);
        app.penalised += amount;
        if (amount !== 0n) app.events.penalised.push(amount);
        return;
      }
    }
  }

  async function confirm(w: World, app: AppModel, index: number) {
    const [payment] = app.inFlight.splice(index, 1);
    await t.http.post(`/payments/${payment.id}/approve`).set(bearer(w.second)).send({ version: 1 }).expect(200);
    await t.http.post('/payments/bank-export').set(bearer(w.second)).expect(200);
    await t.http
      .post(`/payments/${payment.id}/confirmation`)
      .set(bearer(w.second))
      .send({ bankReference: `B-${payment.id.slice(0, 8)}`, paidOn: t.clock.now().toISOString().slice(0, 10), version: 3 })
      .expect(200);
    app.paid += payment.amount;
    app.events.paid.push(payment.amount);
  }

  /** Every invariant, from the API's detail records and reports, against the model. */
  async function check(w: World): Promise<void> {
    // Per call and area: approved ≤ allocation, and what the guard holds is what the model says is approved.
    const funding = await t.http.get(`/calls/${w.call.id}/funding`).set(bearer(w.staff)).expect(200);
    const approvedTotal = w.apps.reduce((sum, a) => sum + a.approved, 0n);
    expect({ area: funding.body.areas[0].approved }).toEqual({ area: money(approvedTotal) });
    expect(approvedTotal <= w.allocation).toBe(true);
    // Per application: paid ≤ approved = contracted; the agreement as the model knows it; a closed settlement balances.
    for (const app of w.apps) {
      expect(app.paid <= app.approved).toBe(true);
      if (!app.agreement) continue;
      const agreement = await t.http.get(`/agreements/${app.agreement.id}`).set(bearer(w.staff)).expect(200);
      expect({ app: app.number, status: agreement.body.status, amount: agreement.body.amount, committed: agreement.body.committed }).toEqual({
        app: app.number,
        status: app.agreement.status,
        amount: money(app.agreement.amount),
        committed: money(app.agreement.committed),
      });
      if (app.agreement.status === 'effective') expect(app.agreement.amount).toBe(app.approved);
      const payments = (await t.http.get(`/agreements/${app.agreement.id}/payments`).set(bearer(w.staff)).expect(200)).body as { status: string; amount: string }[];
      expect(money(payments.filter((p) => p.status === 'paid').reduce((s, p) => s + cents(p.amount), 0n))).toBe(money(app.paid));
      if (app.settlement) {
        const settlement = await t.http.get(`/settlements/${app.settlement.id}`).set(bearer(w.staff)).expect(200);
        expect({ status: settlement.body.status, returned: settlement.body.returned }).toEqual({ status: app.settlement.status, returned: money(app.settlement.returned) });
        if (app.settlement.status === 'closed') expect(money(app.settlement.eligible + app.settlement.returned)).toBe(money(app.paid));
      }
    }
    // The trace of every node (each activity and their measure) against the model's split of every event.
    const expected = new Map<string, Record<Kind, bigint> & { ended: bigint }>();
    const node = (id: string) =>
      expected.get(id) ?? (expected.set(id, { requested: 0n, approved: 0n, contracted: 0n, paid: 0n, settled: 0n, returned: 0n, penalised: 0n, ended: 0n }), expected.get(id)!);
    for (const app of w.apps) {
      for (const kind of KINDS)
        for (const event of app.events[kind])
          for (const [activity, part] of modelSplit(event, app.shares)) {
            node(activity)[kind] += part;
            node(measureId)[kind] += part;
          }
      for (const [activity, part] of app.ended) {
        node(activity).ended += part;
        node(measureId).ended += part;
      }
    }
    for (const id of [...activities, measureId]) {
      const trace = await t.http.get(`/trace/nodes/${id}`).query({ callId: w.call.id }).set(bearer(w.auditor)).expect(200);
      const want = node(id);
      expect({ node: id, ...Object.fromEntries(KINDS.map((k) => [k, trace.body.amounts[k]])), ended: trace.body.requestedByEndedApplications }).toEqual({
        node: id,
        ...Object.fromEntries(KINDS.map((k) => [k, money(want[k])])),
        ended: money(want.ended),
      });
    }
    // Open data: every project with an approval or money paid, with what was decided, released, settled and returned.
    const rows = JSON.parse((await t.http.get('/open-data/grants.json').expect(200)).text) as Record<string, string>[];
    const ours = new Map(rows.filter((row) => w.apps.some((a) => a.number === row.zadost_cislo)).map((row) => [row.zadost_cislo, row]));
    const published = w.apps.filter((a) => a.approved > 0n || a.paid > 0n);
    expect([...ours.keys()].sort()).toEqual(published.map((a) => a.number).sort());
    for (const app of published) {
      const sum = (kind: Kind) => money(app.events[kind].reduce((a, b) => a + b, 0n));
      expect(ours.get(app.number)).toMatchObject({
        castka_rozhodnuta: money(app.approved),
        castka_uvolnena: money(app.paid),
        castka_vyuctovana: sum('settled'),
        castka_vracena: sum('returned'),
      });
    }
  }
});
