import { randomUUID } from 'node:crypto';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, TestApp, WITHOUT_COMMISSION } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/** The trace of a strategy node is read from the ledger: each activity's share of every money event, summed up the tree. */
describe('trace money to the strategy', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sums the ledger for an activity and for the measure above it, with projects, organisations, filters and the entries behind', async () => {
    const [first, second] = await createTestActivities(t);
    const [measure] = await t.dataSource.query<{ id: string }[]>(`SELECT parent_id AS id FROM strategy_node WHERE id = $1`, [first]);
    const { call, applications } = await callInEvaluation(t, [first, second], new Date(Date.now() + 500 * DAY), 2);
    const staff = await createUser(t, ['staff']);
    await t.http
      .post(`/calls/${call.id}/resolutions`)
      .set(bearer(staff))
      .send({
        body: 'council',
        number: 'USN RHMP 300/2023',
        adoptedOn: t.clock.now().toISOString().slice(0, 10),
        text: 'Rada schvaluje.',
        withoutCommissionReason: WITHOUT_COMMISSION,
        decisions: [
          { applicationId: applications[0].id, outcome: 'approved', amount: '150000.00' },
          { applicationId: applications[1].id, outcome: 'rejected', reason: 'Nedostatek prostředků.' },
        ],
      })
      .expect(201);

    const auditor = await createUser(t, ['auditor']);
    // Each application requests 170 000 Kč, 66.67 % for the first activity and 33.33 % for the second.
    const activity = await t.http.get(`/trace/nodes/${first}`).set(bearer(auditor)).expect(200);
    expect(activity.body).toMatchObject({ node: { level: 'activity', code: '10.I.1' }, supportedProjects: 1, supportedOrganisations: 1 });
    expect(activity.body.amounts).toMatchObject({ requested: '226678.00', approved: '100005.00', paid: '0.00' });
    const whole = await t.http.get(`/trace/nodes/${measure.id}`).set(bearer(auditor)).expect(200);
    expect(whole.body.amounts).toMatchObject({ requested: '340000.00', approved: '150000.00' });

    const filtered = await t.http.get(`/trace/nodes/${measure.id}?applicantType=city_district`).set(bearer(auditor)).expect(200);
    expect(filtered.body).toMatchObject({ supportedProjects: 0, amounts: { requested: '0.00', approved: '0.00' } });
    const byCall = await t.http.get(`/trace/nodes/${measure.id}?callId=${call.id}&budgetArea=I`).set(bearer(auditor)).expect(200);
    expect(byCall.body.amounts.approved).toBe('150000.00');
    const badFilter = await t.http.get(`/trace/nodes/${measure.id}?applicantType=company`).set(bearer(auditor)).expect(422);
    expect(badFilter.body.errors[0].field).toBe('applicantType');

    const projects = await t.http.get(`/trace/nodes/${measure.id}/projects`).set(bearer(auditor)).expect(200);
    expect(projects.body.total).toBe(2);
    const approvedProject = projects.body.items.find((p: { applicationId: string }) => p.applicationId === applications[0].id);
    expect(approvedProject.amounts).toMatchObject({ requested: '170000.00', approved: '150000.00' });
    const entries = await t.http.get(`/trace/nodes/${measure.id}/projects/${applications[0].id}/entries`).set(bearer(auditor)).expect(200);
    expect(
      entries.body
        .filter((e: { kind: string }) => e.kind === 'approved')
        .map((e: { amount: string }) => e.amount)
        .sort(),
    ).toEqual(['100005.00', '49995.00']);
    expect(entries.body.find((e: { kind: string }) => e.kind === 'approved')).toMatchObject({ sourceType: 'award_decision', actorUserId: staff.id });

    // Who looked at what is itself on record: six trace runs (the refused filter ran nothing).
    const [seen] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'report.trace%' AND actor_user_id = $1`, [auditor.id]);
    expect(seen.n).toBe(6);
    const applicant = await createUser(t, ['applicant']);
    await t.http.get(`/trace/nodes/${measure.id}`).set(bearer(applicant)).expect(403);
    // Any other read by an auditor is on record too, with the route and the query.
    await t.http.get(`/calls/${call.id}/funding`).set(bearer(auditor)).expect(200);
    await t.http.get(`/applications?callId=${call.id}`).set(bearer(auditor)).expect(200);
    const reads = await t.dataSource.query<{ object_id: string; after: { query: Record<string, string> } }[]>(
      `SELECT object_id, after FROM audit_log WHERE action = 'report.viewed' AND actor_user_id = $1 ORDER BY seq`,
      [auditor.id],
    );
    expect(reads.map((r) => r.object_id)).toEqual([`/calls/${call.id}/funding`, '/applications']);
    expect(reads[1].after.query).toEqual({ callId: call.id });

    // The fulfilment report of the action plan: per funded activity, projects and money from the ledger.
    const [version] = await t.dataSource.query<{ version_id: string }[]>(`SELECT version_id FROM strategy_node WHERE id = $1`, [first]);
    // The whole version at once, for the explorer's tree: each activity's totals, under the same filters.
    const tree = await t.http.get(`/trace/versions/${version.version_id}?callId=${call.id}`).set(bearer(auditor)).expect(200);
    const own = (body: { activities: { activityId: string; amounts: Record<string, string> }[] }, id: string) => body.activities.find((a) => a.activityId === id);
    expect(own(tree.body, first)?.amounts).toMatchObject({ requested: '226678.00', approved: '100005.00', paid: '0.00' });
    expect(own(tree.body, second)?.amounts).toMatchObject({ requested: '113322.00', approved: '49995.00' });
    const treeFiltered = await t.http.get(`/trace/versions/${version.version_id}?callId=${call.id}&applicantType=city_district`).set(bearer(auditor)).expect(200);
    expect(treeFiltered.body.activities).toEqual([]);
    await t.http.get(`/trace/versions/${randomUUID()}`).set(bearer(auditor)).expect(404);
    await t.http.get(`/trace/versions/${version.version_id}`).set(bearer(applicant)).expect(403);
    const fulfilment = await t.http.get(`/reports/fulfilment/${version.version_id}`).set(bearer(auditor)).expect(200);
    expect(fulfilment.body.activities.find((a: { code: string }) => a.code === '10.I.1')).toMatchObject({ supportedProjects: 1, approved: '100005.00', paid: '0.00', outputs: [] });
    expect(fulfilment.body.priorities).toEqual([expect.objectContaining({ code: '4', approved: '150000.00' })]);
    expect(fulfilment.body.totals).toMatchObject({ supportedProjects: 1, approved: '150000.00' });
    const fulfilmentCsv = await t.http.get(`/reports/fulfilment/${version.version_id}/report.csv`).set(bearer(auditor)).expect(200);
    expect(fulfilmentCsv.text).toContain('10.I.1;Komunitní tlumočení ve školách;4;;1;100005,00;0,00;0,00;;;;');
    const fulfilmentPdf = await t.http.get(`/reports/fulfilment/${version.version_id}/report.pdf`).set(bearer(auditor)).expect(200);
    expect(fulfilmentPdf.headers['content-type']).toBe('application/pdf');
    // The public strategy browser shows the same money per activity, without signing in (and without projects).
    const funding = await t.http.get(`/public/strategy/${version.version_id}/funding`).expect(200);
    expect(funding.body.activities.find((a: { code: string }) => a.code === '10.I.1')).toEqual({ nodeId: expect.any(String), code: '10.I.1', approved: '100005.00', paid: '0.00' });
    expect(Object.keys(funding.body.activities[0]).sort()).toEqual(['approved', 'code', 'nodeId', 'paid']);
    await t.http.get(`/public/strategy/${randomUUID()}/funding`).expect(404);

    // Open data, for anyone: the funded project with the amounts decided, no rejected one.
    const csv = await t.http.get('/open-data/grants.csv').expect(200);
    expect(Number(csv.headers['x-total-count'])).toBe(csv.text.replace('\uFEFF', '').trim().split('\r\n').length - 1);
    const lines = csv.text.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0].split(';')).toEqual(expect.arrayContaining(['prijemce_ico', 'castka_pozadovana', 'castka_rozhodnuta', 'castka_vracena', 'aktivity_akcniho_planu']));
    const ours = lines.filter((l) => l.includes(applications[0].number) || l.includes(applications[1].number));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toContain(';170000.00;150000.00;0.00;0.00;0.00;0.00;10.I.1 (66.67 %), 10.I.2 (33.33 %)');
    const schema = await t.http.get('/open-data/schema').expect(200);
    expect(schema.body.rowCount).toBeGreaterThanOrEqual(1);
    const json = await t.http.get('/open-data/grants.json').expect(200);
    const rows = JSON.parse(json.text) as { zadost_cislo: string; castka_rozhodnuta: string }[];
    expect(rows.find((r) => r.zadost_cislo === applications[0].number)).toMatchObject({ castka_rozhodnuta: '150000.00' });
  });
});
