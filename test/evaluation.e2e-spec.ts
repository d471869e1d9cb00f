import { randomUUID } from 'node:crypto';
import type { CallView } from '#calls';
import { OutboxEvent, OutboxHandlers } from '#outbox';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, TEST_PASSWORD, TestApp, TestUser } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The commission: conflicts of interest gate every route, scores are weighted with "n/a" left out,
 * sheets lock, the session needs a quorum, votes and departures from the mean are explained, and the
 * recommendation never spends more than an area's allocation.
 */
describe('evaluation', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Calls in this file lie ever later, so the clock only moves forward. */
  let nextOpening = Date.now() + 60 * DAY;

  async function signIn(user: TestUser): Promise<TestUser> {
    const login = await t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    return { ...user, token: login.body.accessToken };
  }

  async function commissionFor(count: number, options: { requested?: (i: number) => string; call?: Record<string, unknown>; commission?: Record<string, unknown> } = {}) {
    const opensAt = new Date(nextOpening);
    nextOpening += 60 * DAY;
    const { staff, call, applications } = await callInEvaluation(t, activities, opensAt, count, options.requested, options.call);
    const members = [await createUser(t, ['commission_member']), await createUser(t, ['commission_member']), await createUser(t, ['commission_member'])];
    const created = await t.http
      .post(`/calls/${call.id}/commission`)
      .set(bearer(staff))
      .send({
        name: `Hodnoticí komise výzvy ${call.code}`,
        chairUserId: members[0].id,
        secretaryUserId: staff.id,
        memberUserIds: members.map((m) => m.id),
        reviewersPerApplication: 3,
        spreadLimit: '15',
        ...options.commission,
      });
    expect(created.status).toBe(201);
    return { staff, call, applications, members, commission: created.body as { id: string } };
  }

  async function declareNone(member: TestUser, commissionId: string) {
    const pending = await t.http.get(`/commissions/${commissionId}/declarations`).set(bearer(member)).expect(200);
    await t.http
      .put(`/commissions/${commissionId}/declarations`)
      .set(bearer(member))
      .send({ declarations: pending.body.organisations.map((o: { organisationId: string }) => ({ organisationId: o.organisationId, conflict: false })) })
      .expect(200);
  }

  function sheet(call: CallView, values: (number | 'na')[], justification = 'Zdůvodnění hodnocení tohoto kritéria.') {
    return call.criteria.map((c: { id: string }, i: number) => ({
      criterionId: c.id,
      score: values[i] === 'na' ? null : values[i],
      notApplicable: values[i] === 'na',
      justification,
    }));
  }

  async function scoreAndSubmit(member: TestUser, applicationId: string, scores: unknown[]) {
    const saved = await t.http.put(`/reviews/${applicationId}/sheet`).set(bearer(member)).send({ scores, version: 0 });
    expect(saved.status).toBe(200);
    const submitted = await t.http.post(`/reviews/${applicationId}/sheet/submit`).set(bearer(member)).send({ version: saved.body.version });
    expect(submitted.status).toBe(200);
  }

  it('keeps every application of a conflicted organisation away from the member, through every route', async () => {
    const { staff, applications, members, commission } = await commissionFor(3);
    const [chair, m2, m3] = members;
    const [a, b] = applications;

    // Before declaring: only the names of the applicants, nothing else.
    expect((await t.http.get(`/commissions/${commission.id}/my-reviews`).set(bearer(chair)).expect(200)).body).toEqual([]);
    await t.http.get(`/reviews/${a.id}`).set(bearer(chair)).expect(404);
    const pending = await t.http.get(`/commissions/${commission.id}/declarations`).set(bearer(chair)).expect(200);
    expect(pending.body.pending).toBe(3);
    expect(Object.keys(pending.body.organisations[0]).sort()).toEqual(['declaration', 'ico', 'name', 'organisationId']);

    const noReason = await t.http
      .put(`/commissions/${commission.id}/declarations`)
      .set(bearer(chair))
      .send({ declarations: [{ organisationId: a.organisationId, conflict: true }] })
      .expect(422);
    expect(noReason.body.code).toBe('CONFLICT_REASON_REQUIRED');
    await t.http
      .put(`/commissions/${commission.id}/declarations`)
      .set(bearer(chair))
      .send({
        declarations: applications.map((app) => ({
          organisationId: app.organisationId,
          conflict: app === a,
          reason: app === a ? 'Jsem členem správní rady žadatele.' : undefined,
        })),
      })
      .expect(200);
    await declareNone(m2, commission.id);
    await declareNone(m3, commission.id);

    const assigned = await t.http.post(`/commissions/${commission.id}/assignments/auto`).set(bearer(staff)).expect(200);
    const ofA = assigned.body.applications.find((x: { applicationId: string }) => x.applicationId === a.id);
    expect(ofA.reviewers.sort()).toEqual([m2.id, m3.id].sort());
    expect(assigned.body.warnings).toEqual([{ applicationId: a.id, number: a.number, eligible: 2, required: 3 }]);
    // The portal offers only eligible members and says why the others are missing.
    expect(ofA.eligibleUserIds).toEqual([m2.id, m3.id].sort());
    expect(ofA.conflictedUserIds).toEqual([chair.id]);
    const ofB = assigned.body.applications.find((x: { applicationId: string }) => x.applicationId === b.id);
    expect(ofB.eligibleUserIds).toEqual([chair.id, m2.id, m3.id].sort());
    expect(ofB.conflictedUserIds).toEqual([]);

    // Every route answers as if the application did not exist, or refuses the role outright.
    await t.http.get(`/reviews/${a.id}`).set(bearer(chair)).expect(404);
    await t.http.get(`/reviews/${a.id}/sheet`).set(bearer(chair)).expect(404);
    await t.http.put(`/reviews/${a.id}/sheet`).set(bearer(chair)).send({ scores: [], version: 0 }).expect(404);
    const detailOfB = await t.http.get(`/reviews/${b.id}`).set(bearer(chair)).expect(200);
    await t.http.get(`/reviews/${a.id}/attachments/${detailOfB.body.attachments[0].id}`).set(bearer(chair)).expect(404);
    await t.http.get(`/applications/${a.id}`).set(bearer(chair)).expect(403);
    await t.http.get('/applications/export.csv').set(bearer(chair)).expect(403);
    await t.http.get(`/commissions/${commission.id}/results`).set(bearer(chair)).expect(403);
    await t.http.get(`/commissions/${commission.id}/recommendation.csv`).set(bearer(chair)).expect(403);
    const mine = await t.http.get(`/commissions/${commission.id}/my-reviews`).set(bearer(chair)).expect(200);
    expect(mine.body.map((r: { applicationId: string }) => r.applicationId)).not.toContain(a.id);
    expect(mine.body).toHaveLength(2);
    const attachment = await t.http.get(`/reviews/${b.id}/attachments/${detailOfB.body.attachments[0].id}`).set(bearer(chair)).expect(200);
    expect(attachment.headers['content-type']).toContain('application/pdf');

    const forced = await t.http.post(`/commissions/${commission.id}/assignments`).set(bearer(staff)).send({ applicationId: a.id, userId: chair.id }).expect(422);
    expect(forced.body.code).toBe('CONFLICT_OF_INTEREST');
    const withdrawn = await t.http
      .put(`/commissions/${commission.id}/declarations`)
      .set(bearer(chair))
      .send({ declarations: [{ organisationId: a.organisationId, conflict: false }] })
      .expect(422);
    expect(withdrawn.body.code).toBe('CONFLICT_IS_FINAL');

    const outsider = await createUser(t, ['commission_member']);
    await t.http.get(`/commissions/${commission.id}/declarations`).set(bearer(outsider)).expect(404);

    // The commission, its sessions and each session's agenda: members read their own, without the conflicted application.
    const session = await t.http
      .post(`/commissions/${commission.id}/sessions`)
      .set(bearer(staff))
      .send({ number: '1/2024', heldAt: new Date(t.clock.now().getTime() + DAY).toISOString(), place: 'Mariánské nám. 2, Praha 1' })
      .expect(201);
    expect(session.body.agenda.map((x: { applicationId: string }) => x.applicationId)).toContain(a.id);
    expect((await t.http.get(`/commissions/${commission.id}`).set(bearer(chair)).expect(200)).body.id).toBe(commission.id);
    const list = await t.http.get(`/commissions/${commission.id}/sessions`).set(bearer(chair)).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: session.body.id, number: '1/2024', status: 'open', commissionId: commission.id })]);
    const chairView = await t.http.get(`/sessions/${session.body.id}`).set(bearer(chair)).expect(200);
    expect(chairView.body.agenda.map((x: { applicationId: string }) => x.applicationId).sort()).toEqual(
      applications
        .filter((x) => x !== a)
        .map((x) => x.id)
        .sort(),
    );
    const m2View = await t.http.get(`/sessions/${session.body.id}`).set(bearer(m2)).expect(200);
    expect(m2View.body.agenda).toHaveLength(3);
    const auditor = await createUser(t, ['auditor']);
    expect((await t.http.get(`/sessions/${session.body.id}`).set(bearer(auditor)).expect(200)).body.agenda).toHaveLength(3);
    expect((await t.http.get(`/commissions/${commission.id}/sessions`).set(bearer(staff)).expect(200)).body).toHaveLength(1);
    // Another commission's member, and anyone without the role, learn nothing.
    await t.http.get(`/commissions/${commission.id}`).set(bearer(outsider)).expect(404);
    await t.http.get(`/commissions/${commission.id}/sessions`).set(bearer(outsider)).expect(404);
    await t.http.get(`/sessions/${session.body.id}`).set(bearer(outsider)).expect(404);
    await t.http.get(`/commissions/${randomUUID()}/sessions`).set(bearer(staff)).expect(404);
    await t.http.get(`/sessions/${randomUUID()}`).set(bearer(chair)).expect(404);

    const applicant = await signIn(a.user);
    await t.http.get(`/commissions/${commission.id}`).set(bearer(applicant)).expect(403);
    await t.http.get(`/commissions/${commission.id}/sessions`).set(bearer(applicant)).expect(403);
    await t.http.get(`/sessions/${session.body.id}`).set(bearer(applicant)).expect(403);
    await t.http.get(`/reviews/${a.id}`).set(bearer(applicant)).expect(403);
  });

  it("tells each person which commissions they work in, and shows the progress to staff and the chair only, without the chair's conflicts", async () => {
    const { staff, applications, members, commission } = await commissionFor(2, { commission: { reviewersPerApplication: 2 } });
    const [chair, m2, m3] = members;
    const [a, b] = applications;
    await t.http
      .put(`/commissions/${commission.id}/declarations`)
      .set(bearer(chair))
      .send({ declarations: [{ organisationId: a.organisationId, conflict: true, reason: 'Jsem členem správní rady žadatele.' }] })
      .expect(200);
    await declareNone(m2, commission.id);

    const ofChair = await t.http.get('/my-commissions').set(bearer(chair)).expect(200);
    expect(ofChair.body).toEqual([expect.objectContaining({ id: commission.id, role: 'chair', pendingDeclarations: 1 })]);
    expect((await t.http.get('/my-commissions').set(bearer(m2)).expect(200)).body).toEqual([
      expect.objectContaining({ id: commission.id, role: 'member', pendingDeclarations: 0 }),
    ]);
    expect((await t.http.get('/my-commissions').set(bearer(staff)).expect(200)).body).toEqual([
      expect.objectContaining({ id: commission.id, role: 'secretary', pendingDeclarations: 0 }),
    ]);
    const outsider = await createUser(t, ['commission_member']);
    expect((await t.http.get('/my-commissions').set(bearer(outsider)).expect(200)).body).toEqual([]);
    await t.http
      .get('/my-commissions')
      .set(bearer(await signIn(a.user)))
      .expect(403);

    await t.http
      .put(`/commissions/${commission.id}/declarations`)
      .set(bearer(chair))
      .send({ declarations: [{ organisationId: b.organisationId, conflict: false }] })
      .expect(200);
    await t.http.post(`/commissions/${commission.id}/assignments/auto`).set(bearer(staff)).expect(200);
    const saved = await t.http.put(`/reviews/${b.id}/sheet`).set(bearer(m2)).send({ scores: [], version: 0 }).expect(200);
    expect(saved.body.status).toBe('draft');

    const all = await t.http.get(`/commissions/${commission.id}/progress`).set(bearer(staff)).expect(200);
    expect(all.body.applications.map((x: { applicationId: string }) => x.applicationId).sort()).toEqual([a.id, b.id].sort());
    const rowB = all.body.applications.find((x: { applicationId: string }) => x.applicationId === b.id);
    expect(rowB.sheets).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: m2.id, status: 'draft', version: 1 }), expect.objectContaining({ userId: chair.id, status: 'new' })]),
    );
    expect(all.body.members.find((m: { userId: string }) => m.userId === m2.id)).toMatchObject({ assigned: 2, draft: 1, notStarted: 1, submitted: 0 });
    expect(all.body.members.find((m: { userId: string }) => m.userId === m3.id)).toMatchObject({ assigned: 0 });

    const chairView = await t.http.get(`/commissions/${commission.id}/progress`).set(bearer(chair)).expect(200);
    expect(chairView.body.applications.map((x: { applicationId: string }) => x.applicationId)).toEqual([b.id]);
    expect(JSON.stringify(chairView.body)).not.toContain(a.id);
    expect((await t.http.get(`/commissions/${commission.id}/progress`).set(bearer(m2)).expect(403)).body.code).toBe('CHAIR_ONLY');
    await t.http.get(`/commissions/${commission.id}/progress`).set(bearer(outsider)).expect(404);
    await t.http.get(`/commissions/${randomUUID()}/progress`).set(bearer(staff)).expect(404);
    await t.http
      .get(`/commissions/${commission.id}/progress`)
      .set(bearer(await signIn(a.user)))
      .expect(403);
  });

  it('weights the criteria, leaves "not applicable" out, locks submitted sheets, lets only the chair reopen, and refuses a stale second tab', async () => {
    const { staff, call, applications, members, commission } = await commissionFor(2);
    const [chair, m2, m3] = members;
    for (const m of members) await declareNone(m, commission.id);
    await t.http.post(`/commissions/${commission.id}/assignments/auto`).set(bearer(staff)).expect(200);
    const [a] = applications;

    const outOfRange = await t.http
      .put(`/reviews/${a.id}/sheet`)
      .set(bearer(m2))
      .send({ scores: sheet(call, [16, 10, 11]), version: 0 })
      .expect(422);
    expect(outOfRange.body.code).toBe('SCORE_SHEET_INVALID');
    const first = await t.http
      .put(`/reviews/${a.id}/sheet`)
      .set(bearer(m2))
      .send({ scores: sheet(call, [16, 'na', 8]), version: 0 })
      .expect(200);
    expect(first.body).toMatchObject({ status: 'draft', version: 1 });

    // Two tabs saving from the same version: one wins, the other is told and gets the current state.
    const tabs = await Promise.all([
      t.http
        .put(`/reviews/${a.id}/sheet`)
        .set(bearer(m2))
        .send({ scores: sheet(call, [16, 'na', 8]), version: 1 }),
      t.http
        .put(`/reviews/${a.id}/sheet`)
        .set(bearer(m2))
        .send({ scores: sheet(call, [10, 'na', 5]), version: 1 }),
    ]);
    expect(tabs.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = tabs.find((r) => r.status === 200)!;
    if (winner.body.scores[0].score === 10) {
      await t.http
        .put(`/reviews/${a.id}/sheet`)
        .set(bearer(m2))
        .send({ scores: sheet(call, [16, 'na', 8]), version: 2 })
        .expect(200);
    }
    const current = await t.http.get(`/reviews/${a.id}/sheet`).set(bearer(m2)).expect(200);
    const submitted = await t.http.post(`/reviews/${a.id}/sheet/submit`).set(bearer(m2)).send({ version: current.body.version }).expect(200);
    expect(submitted.body.status).toBe('submitted');
    const locked = await t.http
      .put(`/reviews/${a.id}/sheet`)
      .set(bearer(m2))
      .send({ scores: sheet(call, [1, 1, 1]), version: submitted.body.version })
      .expect(409);
    expect(locked.body.code).toBe('SHEET_SUBMITTED');

    // An incomplete sheet (no justification) cannot be submitted.
    const draft = await t.http
      .put(`/reviews/${a.id}/sheet`)
      .set(bearer(m3))
      .send({ scores: sheet(call, [20, 20, 10], ''), version: 0 })
      .expect(200);
    const incomplete = await t.http.post(`/reviews/${a.id}/sheet/submit`).set(bearer(m3)).send({ version: draft.body.version }).expect(422);
    expect(incomplete.body.code).toBe('SCORE_SHEET_INVALID');

    // K1 16 × 2 + K3 8 × 1 of an attainable 20 × 2 + 10 × 1 (K2 not applicable): 80 %, i.e. 56 of 70 points.
    const results = await t.http.get(`/commissions/${commission.id}/results`).set(bearer(staff)).expect(200);
    const rowA = results.body.areas[0].ranking.find((r: { applicationId: string }) => r.applicationId === a.id);
    expect(rowA.score).toMatchObject({ sheets: 1, mean: '56.00', final: '56.00' });

    const notChair = await t.http.post(`/reviews/${a.id}/sheets/${m2.id}/reopen`).set(bearer(m3)).send({ reason: 'Chci to změnit.' }).expect(403);
    expect(notChair.body.code).toBe('CHAIR_ONLY');
    const reopened = await t.http.post(`/reviews/${a.id}/sheets/${m2.id}/reopen`).set(bearer(chair)).send({ reason: 'Hodnotitel přehlédl přílohu rozpočtu.' }).expect(200);
    expect(reopened.body.status).toBe('draft');
    const [audit] = await t.dataSource.query<{ actor_user_id: string; after: { reason: string } }[]>(
      `SELECT actor_user_id, after FROM audit_log WHERE action = 'score_sheet.reopened' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ actor_user_id: chair.id, after: { reason: 'Hodnotitel přehlédl přílohu rozpočtu.' } });
  });

  it('voids the scores of a conflict declared later and cuts the member off at once', async () => {
    const { staff, call, applications, members, commission } = await commissionFor(2);
    const [, m2, m3] = members;
    for (const m of members) await declareNone(m, commission.id);
    await t.http.post(`/commissions/${commission.id}/assignments/auto`).set(bearer(staff)).expect(200);
    const [a] = applications;
    await scoreAndSubmit(m2, a.id, sheet(call, [20, 20, 10]));
    await scoreAndSubmit(m3, a.id, sheet(call, [10, 10, 5]));
    let results = await t.http.get(`/commissions/${commission.id}/results`).set(bearer(staff)).expect(200);
    expect(results.body.areas[0].ranking.find((r: { applicationId: string }) => r.applicationId === a.id).score).toMatchObject({
      sheets: 2,
      mean: '52.50',
      spread: '35.00',
      flaggedForDiscussion: true,
    });

    await t.http
      .put(`/commissions/${commission.id}/declarations`)
      .set(bearer(m3))
      .send({ declarations: [{ organisationId: a.organisationId, conflict: true, reason: 'Manželka je zaměstnankyní žadatele.' }] })
      .expect(200);
    await t.http.get(`/reviews/${a.id}`).set(bearer(m3)).expect(404);
    results = await t.http.get(`/commissions/${commission.id}/results`).set(bearer(staff)).expect(200);
    expect(results.body.areas[0].ranking.find((r: { applicationId: string }) => r.applicationId === a.id).score).toMatchObject({ sheets: 1, mean: '70.00' });
    const [voided] = await t.dataSource.query<{ status: string; void_reason: string }[]>(`SELECT status, void_reason FROM score_sheet WHERE application_id = $1 AND user_id = $2`, [
      a.id,
      m3.id,
    ]);
    expect(voided).toEqual({ status: 'void', void_reason: 'conflict of interest declared' });
  });

  it('needs a quorum, counts only present unconflicted votes, explains every amount, never exceeds the allocation, and freezes on closing', async () => {
    const amounts = ['600000.00', '600000.00', '300000.00', '250000.00'];
    const { staff, call, applications, members, commission } = await commissionFor(4, {
      requested: (i) => amounts[i],
      call: {
        budgetAreas: [
          { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '1000000.00' },
          { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' },
        ],
      },
    });
    const [chair, m2, m3] = members;
    for (const m of members) await declareNone(m, commission.id);
    await t.http.post(`/commissions/${commission.id}/assignments/auto`).set(bearer(staff)).expect(200);
    const scoresFor = [
      [20, 20, 10],
      [18, 18, 9],
      [14, 14, 7],
      [12, 12, 6],
    ];
    for (const [i, app] of applications.entries()) for (const m of members) await scoreAndSubmit(m, app.id, sheet(call, scoresFor[i]));

    const session = await t.http
      .post(`/commissions/${commission.id}/sessions`)
      .set(bearer(staff))
      .send({ number: '1/2023', heldAt: new Date(t.clock.now().getTime() + DAY).toISOString(), place: 'Mariánské nám. 2, Praha 1' })
      .expect(201);
    // Members hear about it: the declaration they owe, their reviews, the session (handled here as the worker would).
    const events = await t.dataSource.getRepository(OutboxEvent).find({ where: [{ aggregateId: commission.id }, { aggregateId: session.body.id }] });
    for (const event of events) await t.app.get(OutboxHandlers).dispatch(event);
    const kinds = await t.dataSource.query<{ kind: string }[]>(`SELECT DISTINCT kind FROM notification WHERE user_id = $1 ORDER BY kind`, [m2.id]);
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['coi_declaration_pending', 'commission_assignment', 'session_convened']));

    const noQuorum = await t.http
      .post(`/sessions/${session.body.id}/close`)
      .set(bearer(staff))
      .send({ conclusion: 'Komise doporučuje.', version: session.body.version })
      .expect(409);
    expect(noQuorum.body.code).toBe('NO_QUORUM');
    const present = await t.http
      .put(`/sessions/${session.body.id}/attendance`)
      .set(bearer(staff))
      .send({ present: [chair.id, m2.id], version: session.body.version })
      .expect(200);
    expect(present.body.quorum).toEqual({ present: 2, total: 3, required: 2, met: true });

    const absent = await t.http.put(`/sessions/${session.body.id}/applications/${applications[3].id}/vote`).set(bearer(m3)).send({ vote: 'for' }).expect(403);
    expect(absent.body.code).toBe('NOT_PRESENT');
    const [, second, third, fourth] = applications;
    const noReason = await t.http.put(`/sessions/${session.body.id}/applications/${third.id}`).set(bearer(staff)).send({ consensusPoints: '69' }).expect(422);
    expect(noReason.body.code).toBe('REASON_REQUIRED');
    // The commission lifts the third application above the second, and votes the fourth down.
    await t.http
      .put(`/sessions/${session.body.id}/applications/${third.id}`)
      .set(bearer(staff))
      .send({ consensusPoints: '69', consensusReason: 'Jediný projekt pro rodiče žáků v Praze 12.', discussionNotes: 'Rozdíl hodnocení projednán.' })
      .expect(200);
    await t.http.put(`/sessions/${session.body.id}/applications/${second.id}/vote`).set(bearer(chair)).send({ vote: 'for' }).expect(200);
    await t.http.put(`/sessions/${session.body.id}/applications/${fourth.id}/vote`).set(bearer(chair)).send({ vote: 'for' }).expect(200);
    for (const m of [chair, m2]) await t.http.put(`/sessions/${session.body.id}/applications/${fourth.id}/vote`).set(bearer(m)).send({ vote: 'against' }).expect(200);
    // After a reload each member reads their own recorded votes (a second vote replaced the first), never another's;
    // the secretary reads no member's vote, only the tally per application (as the minutes record it).
    const byId = (a: { applicationId: string }, b: { applicationId: string }) => a.applicationId.localeCompare(b.applicationId);
    const chairReads = await t.http.get(`/sessions/${session.body.id}`).set(bearer(chair)).expect(200);
    expect(chairReads.body.myVotes).toEqual(
      [
        { applicationId: second.id, vote: 'for' },
        { applicationId: fourth.id, vote: 'against' },
      ].sort(byId),
    );
    expect((await t.http.get(`/sessions/${session.body.id}`).set(bearer(m2)).expect(200)).body.myVotes).toEqual([{ applicationId: fourth.id, vote: 'against' }]);
    expect((await t.http.get(`/sessions/${session.body.id}`).set(bearer(m3)).expect(200)).body.myVotes).toEqual([]);
    const secretaryReads = await t.http.get(`/sessions/${session.body.id}`).set(bearer(staff)).expect(200);
    expect(secretaryReads.body.myVotes).toEqual([]);
    expect(JSON.stringify(secretaryReads.body)).not.toContain('"vote"');

    const results = await t.http.get(`/commissions/${commission.id}/results`).set(bearer(staff)).expect(200);
    const area = results.body.areas.find((x: { code: string }) => x.code === 'I');
    expect(area.ranking.map((r: { applicationId: string }) => r.applicationId)).toEqual([applications[0].id, third.id, second.id, fourth.id]);
    const lines = Object.fromEntries(area.recommendation.lines.map((l: { applicationId: string }) => [l.applicationId, l]));
    expect(lines[applications[0].id]).toMatchObject({ recommended: '600000.00', reasonCode: 'FUNDED_IN_FULL' });
    expect(lines[third.id]).toMatchObject({ recommended: '300000.00', reasonCode: 'FUNDED_IN_FULL' });
    expect(lines[second.id]).toMatchObject({ recommended: '100000.00', reasonCode: 'FUNDED_PARTIALLY' });
    expect(lines[fourth.id]).toMatchObject({ recommended: '0.00', reasonCode: 'VOTED_DOWN' });
    expect(area.ranking.find((r: { applicationId: string }) => r.applicationId === fourth.id).votes).toEqual({ for: 0, against: 2, abstain: 0 });
    expect(area.ranking.find((r: { applicationId: string }) => r.applicationId === second.id).votes).toEqual({ for: 1, against: 0, abstain: 0 });
    expect(lines[second.id].explanation.cs).toContain('100\u00a0000,00\u00a0Kč');
    expect(area.recommendation).toMatchObject({ recommendedTotal: '1000000.00', remaining: '0.00' });

    const closed = await t.http
      .post(`/sessions/${session.body.id}/close`)
      .set(bearer(staff))
      .send({ conclusion: 'Komise doporučuje poskytnout dotace podle přiloženého pořadí.', version: present.body.version })
      .expect(200);
    expect(closed.body.status).toBe('closed');
    const frozen = await t.dataSource.query<{ amount: string }[]>(`SELECT application_id, amount, reason_code FROM commission_recommendation WHERE session_id = $1 ORDER BY rank`, [
      session.body.id,
    ]);
    expect(frozen.map((r) => r.amount)).toEqual(['600000.00', '300000.00', '100000.00', '0.00']);
    const [recommended] = await t.dataSource.query<{ total: string }[]>(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE call_id = $1 AND kind = 'recommended'`, [
      call.id,
    ]);
    expect(recommended.total).toBe('1000000.00');
    // With the session closed, a resolution rests on it and needs no reason for deciding without the commission.
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send({
        body: 'council',
        number: `USN RHMP ${second.number}`,
        adoptedOn: t.clock.now().toISOString().slice(0, 10),
        text: 'Rada schvaluje dotaci podle doporučení komise.',
        decisions: [{ applicationId: second.id, outcome: 'approved', amount: '100000.00' }],
      })
      .expect(201);
    // The award proposal now rests on the frozen recommendation and says the session is closed (no reason asked in the portal).
    const proposal = await t.http.get(`/calls/${call.id}/award-proposal`).set(bearer(staff)).expect(200);
    expect(proposal.body).toMatchObject({ commissionSessionClosed: true, source: 'commission' });
    const proposed = Object.fromEntries(proposal.body.council.map((l: { applicationId: string }) => [l.applicationId, l]));
    expect(proposed[second.id]).toMatchObject({
      recommended: '100000.00',
      proposal: 'approve',
      budgetAreaCode: 'I',
      currentDecision: { outcome: 'approved', amount: '100000.00' },
    });
    expect(proposed[fourth.id]).toMatchObject({ recommended: '0.00', proposal: 'reject', currentDecision: null });

    const late = await t.http.put(`/sessions/${session.body.id}/applications/${second.id}`).set(bearer(staff)).send({ discussionNotes: 'Dodatek.' }).expect(409);
    expect(late.body.code).toBe('SESSION_CLOSED');
    const lateVote = await t.http.put(`/sessions/${session.body.id}/applications/${second.id}/vote`).set(bearer(m2)).send({ vote: 'for' }).expect(409);
    expect(lateVote.body.code).toBe('SESSION_CLOSED');
    const lateScore = await t.http
      .put(`/reviews/${second.id}/sheet`)
      .set(bearer(m3))
      .send({ scores: sheet(call, [1, 1, 1]), version: 0 })
      .expect(409);
    expect(lateScore.body.code).toBe('EVALUATION_NOT_OPEN');

    const minutes = await t.http
      .get(`/sessions/${session.body.id}/minutes.pdf`)
      .set(bearer(staff))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(minutes.headers['content-type']).toBe('application/pdf');
    expect((minutes.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = await t.http.get(`/commissions/${commission.id}/recommendation.csv`).set(bearer(staff)).expect(200);
    const rows = csv.text.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows[0]).toContain('cislo_zadosti;zadatel');
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.includes(second.number))).toContain('100000,00');

    // The applicant learns the result only once the call is decided, and never who scored what.
    const applicant = await signIn(second.user);
    expect((await t.http.get(`/applications/${second.id}/evaluation-result`).set(bearer(applicant)).expect(409)).body.code).toBe('NOT_DECIDED_YET');
    const decidedCall = await t.http.get(`/calls/${call.id}`).set(bearer(staff)).expect(200);
    await t.http.post(`/calls/${call.id}/mark-decided`).set(bearer(staff)).send({ version: decidedCall.body.version }).expect(200);
    const result = await t.http.get(`/applications/${second.id}/evaluation-result`).set(bearer(applicant)).expect(200);
    expect(result.body).toMatchObject({ rank: 3, finalPoints: '63.000', recommendedAmount: '100000.00' });
    expect(result.body.explanation.cs).toContain('100\u00a0000,00\u00a0Kč');
    const text = JSON.stringify(result.body);
    for (const m of members) expect(text).not.toContain(m.id);
    const stranger = await signIn(fourth.user);
    await t.http.get(`/applications/${second.id}/evaluation-result`).set(bearer(stranger)).expect(404);

    const auditor = await createUser(t, ['auditor']);
    await t.http.get(`/commissions/${commission.id}/results`).set(bearer(auditor)).expect(200);
    await t.http.post(`/commissions/${commission.id}/assignments/auto`).set(bearer(auditor)).expect(403);
  });
});
