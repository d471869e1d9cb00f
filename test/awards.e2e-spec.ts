import { OutboxEvent, OutboxHandlers } from '#outbox';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, TestApp } from '#testing';

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

  const resolution = (number: string, decisions: unknown[], body = 'council') => ({
    body, number, adoptedOn: new Date(t.clock.now().getTime() + 20 * DAY).toISOString().slice(0, 10), text: 'Rada hl. m. Prahy schvaluje poskytnutí dotací dle přílohy.', decisions,
  });

  it('records a resolution: approvals and a reasoned rejection, by the right body, immutable, with ledger entries split by activity to the haléř', async () => {
    const { staff, call, applications } = await evaluatedCall(3);
    const [a, b, c] = applications;

    const wrongBody = await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution('USN ZHMP 1/2023', [{ applicationId: a.id, outcome: 'approved', amount: '150000.00' }], 'assembly')).expect(422);
    expect(wrongBody.body.code).toBe('WRONG_BODY');
    const noReason = await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution('USN RHMP 1/2023', [{ applicationId: b.id, outcome: 'rejected' }])).expect(422);
    expect(noReason.body.code).toBe('REASON_REQUIRED');
    const tooMuch = await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution('USN RHMP 1/2023', [{ applicationId: a.id, outcome: 'approved', amount: '170000.01' }])).expect(422);
    expect(tooMuch.body.code).toBe('ABOVE_REQUESTED');

    const recorded = await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution('USN RHMP 1/2023', [
      { applicationId: a.id, outcome: 'approved', amount: '150000.00', conditions: ['Publicita: logo hl. m. Prahy na výstupech projektu.'] },
      { applicationId: b.id, outcome: 'rejected', reason: 'Projekt nedosáhl minimálního počtu bodů (K2 pod 8 body).' },
      { applicationId: c.id, outcome: 'approved', amount: '170000.00' },
    ])).expect(201);
    const decisionOfA = recorded.body.decisions.find((d: { applicationId: string }) => d.applicationId === a.id);

    // Approved ledger entries: per activity share (66.67 % / 33.33 %), adding up exactly.
    const entries = (await t.dataSource.query(`SELECT event_id, amount FROM ledger_entry WHERE application_id = $1 AND kind = 'approved' ORDER BY amount DESC`, [a.id])) as { event_id: string; amount: string }[];
    expect(entries.map((e) => e.amount)).toEqual(['100005.00', '49995.00']);
    expect(new Set(entries.map((e) => e.event_id)).size).toBe(1);

    const twice = await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution('USN RHMP 2/2023', [{ applicationId: a.id, outcome: 'approved', amount: '120000.00' }])).expect(409);
    expect(twice.body).toMatchObject({ code: 'DECISION_EXISTS', currentDecisionId: decisionOfA.id });
    const duplicateNumber = await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution('USN RHMP 1/2023', [{ applicationId: a.id, outcome: 'approved', amount: '120000.00', supersedesId: decisionOfA.id }])).expect(409);
    expect(duplicateNumber.body.code).toBe('DUPLICATE');
    await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution('USN RHMP 2/2023', [{ applicationId: a.id, outcome: 'approved', amount: '120000.00', supersedesId: decisionOfA.id }])).expect(201);

    const [sum] = (await t.dataSource.query(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE application_id = $1 AND kind = 'approved'`, [a.id])) as { total: string }[];
    expect(sum.total).toBe('120000.00');
    const funding = await t.http.get(`/calls/${call.id}/funding`).set(bearer(staff)).expect(200);
    expect(funding.body.areas.find((x: { code: string }) => x.code === 'I')).toMatchObject({ approved: '290000.00' });
    const decisions = await t.http.get(`/calls/${call.id}/decisions`).set(bearer(staff)).expect(200);
    expect(decisions.body.filter((d: { application_id: string; effective: boolean }) => d.application_id === a.id).map((d: { effective: boolean }) => d.effective)).toEqual([false, true]);

    // The database itself refuses to rewrite history.
    await expect(t.dataSource.query(`UPDATE award_decision SET amount = 1 WHERE id = $1`, [decisionOfA.id])).rejects.toThrow(/append-only|immutable/);
    await expect(t.dataSource.query(`DELETE FROM ledger_entry WHERE application_id = $1`, [a.id])).rejects.toThrow(/append-only/);

    // The applicants hear it: an approval with the amount, a rejection with the reason.
    for (const event of await t.dataSource.getRepository(OutboxEvent).findBy({ type: 'award.decided', aggregateId: b.id })) await t.app.get(OutboxHandlers).dispatch(event);
    const [notice] = (await t.dataSource.query(`SELECT kind, params FROM notification WHERE user_id = $1 AND kind = 'award_rejected'`, [b.user.id])) as { kind: string; params: { reason: string } }[];
    expect(notice.params.reason).toContain('K2 pod 8 body');
  });

  it('never approves more than an allocation, even when decisions race', async () => {
    const { staff, call, applications } = await evaluatedCall(8, {
      budgetAreas: [{ code: 'I', name: 'Okruh I – integrační aktivity', allocation: '500000.00' }, { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' }],
    });
    const results = await Promise.all(applications.map((app, i) =>
      t.http.post(`/calls/${call.id}/resolutions`).set(bearer(staff)).send(resolution(`USN RHMP ${100 + i}/2023`, [{ applicationId: app.id, outcome: 'approved', amount: '170000.00' }])),
    ));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(2);
    expect(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'ALLOCATION_EXCEEDED')).toBe(true);
    const [area] = (await t.dataSource.query(`SELECT f.allocation, f.approved FROM area_funding f JOIN call_budget_area b ON b.id = f.budget_area_id WHERE b.call_id = $1 AND b.code = 'I'`, [call.id])) as { allocation: string; approved: string }[];
    expect(area).toEqual({ allocation: '500000.00', approved: '340000.00' });
    const [ledger] = (await t.dataSource.query(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE call_id = $1 AND kind = 'approved'`, [call.id])) as { total: string }[];
    expect(ledger.total).toBe('340000.00');
    await expect(t.dataSource.query(`UPDATE area_funding SET approved = allocation + 1 WHERE call_id = $1`, [call.id])).rejects.toThrow(/area_funding_within_allocation/);
  });

  it('lets only staff decide; auditors read the funding', async () => {
    const { call, applications } = await evaluatedCall(1);
    const applicant = await createUser(t, ['applicant']);
    await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(applicant)).send(resolution('USN RHMP 9/2023', [{ applicationId: applications[0].id, outcome: 'approved', amount: '1000.00' }])).expect(403);
    const auditor = await createUser(t, ['auditor']);
    await t.http.get(`/calls/${call.id}/funding`).set(bearer(auditor)).expect(200);
    await t.http.post(`/calls/${call.id}/resolutions`).set(bearer(auditor)).send(resolution('USN RHMP 9/2023', [{ applicationId: applications[0].id, outcome: 'approved', amount: '1000.00' }])).expect(403);
  });
});
