import { buffer } from 'node:stream/consumers';
import { OutboxEvent, OutboxHandlers } from '#outbox';
import { FileStorage } from '#storage';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, effectiveAgreement, expectProblem, pay, TestApp, WITHOUT_COMMISSION } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * What the portal's decision pages read and need from the server: the proposal with each row's budget area, its
 * decision in force and whether the commission closed its session; an allocation refusal that names the row it
 * concerns; the decisions with their agreement's paid money and their letters' preview and sending record.
 */
describe('decisions for the portal', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  let nextOpening = Date.now() + 400 * DAY;
  async function evaluatedCall(count: number, callOverrides: Record<string, unknown> = {}) {
    const opensAt = new Date(nextOpening);
    nextOpening += 60 * DAY;
    return callInEvaluation(t, activities, opensAt, count, undefined, callOverrides);
  }

  const resolution = (number: string, decisions: unknown[], extra: Record<string, unknown> = {}) => ({
    body: 'council',
    number,
    adoptedOn: t.clock.now().toISOString().slice(0, 10),
    text: 'Rada hl. m. Prahy schvaluje poskytnutí dotací dle přílohy.',
    withoutCommissionReason: WITHOUT_COMMISSION,
    decisions,
    ...extra,
  });

  it('proposes the accepted applications when the commission has not closed a session, with their area and the decision in force', async () => {
    const { staff, call, applications } = await evaluatedCall(2);
    const [a, b] = applications;
    const auditor = await createUser(t, ['auditor']);
    const applicant = a.user;

    const before = await t.http.get(`/calls/${call.id}/award-proposal`).set(bearer(staff)).expect(200);
    expect(before.body).toMatchObject({ commissionSessionClosed: false, source: 'applications', assembly: [] });
    expect(before.body.council).toHaveLength(2);
    expect(before.body.council[0]).toMatchObject({
      budgetAreaCode: 'I',
      budgetAreaId: expect.any(String),
      requested: '170000.00',
      recommended: '170000.00',
      proposal: 'approve',
      currentDecision: null,
      bodyReason: { legalBasis: expect.stringContaining('§ 68 odst. 2 písm. l)') },
    });

    // Without the reason a resolution is refused, and the proposal said so beforehand (commissionSessionClosed: false).
    const noReason = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 1/2024', [{ applicationId: a.id, outcome: 'approved', amount: '100000.00' }], { withoutCommissionReason: undefined }));
    expectProblem(noReason, 409, 'COMMISSION_SESSION_NOT_CLOSED');

    const recorded = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 1/2024', [{ applicationId: a.id, outcome: 'approved', amount: '100000.00' }]))
      .expect(201);
    const after = await t.http.get(`/calls/${call.id}/award-proposal`).set(bearer(auditor)).expect(200);
    const lineOfA = after.body.council.find((l: { applicationId: string }) => l.applicationId === a.id);
    const lineOfB = after.body.council.find((l: { applicationId: string }) => l.applicationId === b.id);
    expect(lineOfA.currentDecision).toEqual({ id: recorded.body.decisions[0].id, outcome: 'approved', amount: '100000.00', resolution: 'USN RHMP 1/2024' });
    expect(lineOfB.currentDecision).toBeNull();

    expectProblem(await t.http.get(`/calls/${call.id}/award-proposal`).set(bearer(applicant)), 403, 'PERMISSION_DENIED');
    expectProblem(await t.http.get(`/calls/00000000-0000-4000-8000-000000000000/award-proposal`).set(bearer(staff)), 404, 'CALL_NOT_FOUND');
  });

  it('names the row that crosses the allocation, in the area and in the call', async () => {
    const { staff, call, applications } = await evaluatedCall(3, {
      totalAllocation: '1000000.00',
      maxGrant: '500000.00',
      budgetAreas: [
        { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '300000.00' },
        { code: 'II', name: 'Okruh II – publikace', allocation: '700000.00' },
      ],
    });
    const [a, b, c] = applications;
    const over = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(
        resolution('USN RHMP 2/2024', [
          { applicationId: a.id, outcome: 'approved', amount: '150000.00' },
          { applicationId: b.id, outcome: 'rejected', reason: 'Projekt nedosáhl minimálního počtu bodů.' },
          { applicationId: c.id, outcome: 'approved', amount: '150000.01' },
        ]),
      );
    expectProblem(over, 409, 'ALLOCATION_EXCEEDED');
    expect(over.body).toMatchObject({ scope: 'budget_area', applicationId: c.id, decisionIndex: 2, applicationIds: [a.id, c.id] });

    // Fixed at its row, the same resolution passes; nothing of the refused one was kept.
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(
        resolution('USN RHMP 2/2024', [
          { applicationId: a.id, outcome: 'approved', amount: '150000.00' },
          { applicationId: b.id, outcome: 'rejected', reason: 'Projekt nedosáhl minimálního počtu bodů.' },
          { applicationId: c.id, outcome: 'approved', amount: '150000.00' },
        ]),
      )
      .expect(201);
    const funding = await t.http.get(`/calls/${call.id}/funding`).set(bearer(staff)).expect(200);
    expect(funding.body.areas[0]).toMatchObject({ code: 'I', approved: '300000.00', remaining: '0.00' });
  });

  it('lists decisions with the money paid on their agreement and the letter: preview, then the record of its sending', async () => {
    const { staff, call, applications } = await evaluatedCall(2);
    const [a, b] = applications;
    const approver = await createUser(t, ['staff']);
    const auditor = await createUser(t, ['auditor']);
    const recorded = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(
        resolution('USN RHMP 3/2024', [
          { applicationId: a.id, outcome: 'approved', amount: '150000.00', conditions: ['Publicita: logo hl. m. Prahy.'] },
          { applicationId: b.id, outcome: 'rejected', reason: 'Rozpočet projektu je nepřiměřený.' },
        ]),
      )
      .expect(201);
    const approval = recorded.body.decisions.find((d: { applicationId: string }) => d.applicationId === a.id);
    const rejection = recorded.body.decisions.find((d: { applicationId: string }) => d.applicationId === b.id);

    // Before the worker handles the decision: the letter is queued, and its preview is rendered from the decision.
    const queued = await t.http.get(`/calls/${call.id}/decisions`).set(bearer(auditor)).expect(200);
    const queuedOfA = queued.body.find((d: { id: string }) => d.id === approval.id);
    expect(queuedOfA).toMatchObject({
      applicant: expect.any(String),
      budgetAreaCode: 'I',
      resolutionId: recorded.body.resolutionId,
      agreement: null,
      letter: { kind: 'approval', status: 'queued', sentAt: null, deliveries: [], fileName: expect.stringMatching(/^oznameni-o-poskytnuti-.*\.pdf$/) },
    });
    const preview = await t.http.get(`/decisions/${rejection.id}/letter.pdf`).set(bearer(auditor)).buffer(true).expect(200);
    expect(preview.headers['content-type']).toMatch(/application\/pdf/);
    expect((preview.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The worker sends it: one delivery per member of the organisation, pending until the mail goes out.
    for (const id of [a.id, b.id]) {
      for (const event of await t.dataSource.getRepository(OutboxEvent).findBy({ type: 'award.decided', aggregateId: id })) {
        await t.app.get(OutboxHandlers).dispatch(event);
        await t.dataSource.query(`UPDATE outbox_event SET processed_at = now() WHERE id = $1`, [event.id]);
      }
    }
    const pending = await t.http.get(`/calls/${call.id}/decisions`).set(bearer(staff)).expect(200);
    const pendingOfB = pending.body.find((d: { id: string }) => d.id === rejection.id);
    expect(pendingOfB.letter).toMatchObject({
      kind: 'rejection',
      status: 'sending',
      sentAt: null,
      deliveries: [{ recipient: b.user.email, status: expect.any(String), sentAt: null }],
    });
    const sentAt = new Date('2026-12-04T09:15:00Z');
    await t.dataSource.query(`UPDATE notification SET email_status = 'sent', email_sent_at = $2 WHERE user_id = $1 AND kind IN ('award_approved', 'award_rejected')`, [
      b.user.id,
      sentAt,
    ]);
    const sent = await t.http.get(`/calls/${call.id}/decisions`).set(bearer(staff)).expect(200);
    expect(sent.body.find((d: { id: string }) => d.id === rejection.id).letter).toMatchObject({
      status: 'sent',
      sentAt: sentAt.toISOString(),
      deliveries: [{ recipient: b.user.email, status: 'sent', sentAt: sentAt.toISOString() }],
    });
    // The preview is now the letter as sent (kept by the worker).
    const kept = await buffer(await t.app.get(FileStorage).get(`letters/${rejection.id}.pdf`));
    const sentLetter = await t.http.get(`/decisions/${rejection.id}/letter.pdf`).set(bearer(staff)).buffer(true).expect(200);
    expect(Buffer.compare(sentLetter.body as Buffer, kept)).toBe(0);

    // Paid money on the agreement: what a change of the decision must respect.
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [a.organisationId]);
    const agreementId = await effectiveAgreement(t, staff, a.id, ['100000.00', '50000.00']);
    expect((await pay(t, staff, approver, agreementId, 1, '100000.00')).status).toBe(200);
    const paid = await t.http.get(`/calls/${call.id}/decisions`).set(bearer(staff)).expect(200);
    expect(paid.body.find((d: { id: string }) => d.id === approval.id).agreement).toMatchObject({
      id: agreementId,
      amount: '150000.00',
      committed: '100000.00',
      paid: '100000.00',
    });
    const below = await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send(resolution('USN RHMP 4/2024', [{ applicationId: a.id, outcome: 'approved', amount: '90000.00', supersedesId: approval.id }]));
    expectProblem(below, 409, 'DECISION_BELOW_PAID');
    expect(below.body).toMatchObject({ applicationId: a.id, paidAndOrdered: '100000.00' });

    // Who may read: staff and auditors, not applicants; an unknown decision is a 404.
    expectProblem(await t.http.get(`/decisions/${approval.id}/letter.pdf`).set(bearer(a.user)), 403, 'PERMISSION_DENIED');
    expectProblem(await t.http.get(`/decisions/00000000-0000-4000-8000-000000000000/letter.pdf`).set(bearer(staff)), 404, 'AWARD_DECISION_NOT_FOUND');
  });
});
