import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import {
  applicantWithOrganisation,
  bearer,
  callPayload,
  createTestActivities,
  createTestApp,
  createUser,
  expectProblem,
  openCall,
  organisationPayload,
  TestApp,
  TestUser,
} from '#testing';

/**
 * The crash and format cases that fuzzing every write route found (issue 13), each pinned down on the routes
 * where it was found. The fuzz test (fuzz.e2e-spec.ts) keeps every other route honest.
 */

const DAY = 86_400_000;
const fieldsOf = (response: Response) => (response.body.errors as { field: string; code: string }[]).map((e) => `${e.field}:${e.code}`);
/** 5 000 nested objects, about 30 kB: what overflowed the transformer's stack. */
const deepJson = (key: string) => `{"${key}":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
const rawJson = <R extends { set(field: string, value: string): R; send(body: string): R }>(request: R, body: string) => request.set('Content-Type', 'application/json').send(body);

describe('hostile input never crashes the API', () => {
  let t: TestApp;
  let staff: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let ngo: { user: TestUser; organisationId: string };
  let applicationId: string;
  let draftVersion: number;

  beforeAll(async () => {
    t = await createTestApp();
    [staff, admin, member, ngo] = await Promise.all([
      createUser(t, ['staff'], 'hostile-staff'),
      createUser(t, ['admin'], 'hostile-admin'),
      createUser(t, ['commission_member'], 'hostile-member'),
      applicantWithOrganisation(t),
    ]);
    // In the past, like the other files: tokens are checked against the test clock, which must not run ahead of them.
    const opensAt = new Date('2022-11-14T00:00:00+01:00');
    const call = await openCall(t, staff, await createTestActivities(t), opensAt, new Date(opensAt.getTime() + 20 * DAY));
    const draft = await t.http.post('/applications').set(bearer(ngo.user)).send({ callId: call.id, organisationId: ngo.organisationId }).expect(201);
    applicationId = draft.body.id;
    draftVersion = draft.body.draftVersion;
  });
  afterAll(() => t.close());

  it('refuses JSON nested 5 000 levels deep with 413 before validation, on sign-in and registration too', async () => {
    const requests = [
      rawJson(t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()), deepJson('email')),
      rawJson(t.http.post('/auth/register').set('X-Forwarded-For', randomUUID()), deepJson('displayName')),
      rawJson(t.http.patch(`/applications/${applicationId}`).set(bearer(ngo.user)), deepJson('project')),
      rawJson(t.http.post('/calls').set(bearer(staff)), deepJson('title')),
    ];
    for (const response of await Promise.all(requests)) {
      expectProblem(response, 413, 'INPUT_TOO_DEEP');
      expect(response.body.detail).toMatch(/příliš hluboko/);
    }
    // A body over the 1 MB limit is refused by size, in Czech first and English alongside.
    const huge = await t.http
      .post('/calls')
      .set(bearer(staff))
      .send({ title: 'x'.repeat(1_100_000) });
    expectProblem(huge, 413, 'PAYLOAD_TOO_LARGE');
    expect({ cs: huge.body.detail, en: huge.body.detail_en }).toEqual({
      cs: 'Tělo požadavku je příliš velké (nejvýše 1 MB).',
      en: 'The request body is too large (at most 1 MB).',
    });
  });

  it('refuses NUL and lone surrogates with 422 naming the field: draft, organisation name, display name at registration', async () => {
    const nulInDraft = await t.http
      .patch(`/applications/${applicationId}`)
      .set(bearer(ngo.user))
      .send({ version: draftVersion, project: { title: 'Tlumočení\u0000' } });
    expectProblem(nulInDraft, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(nulInDraft)).toEqual(['project.title:nulCharacter']);

    const surrogateInDraft = await t.http
      .patch(`/applications/${applicationId}`)
      .set(bearer(ngo.user))
      .send({ version: draftVersion, purpose: 'půl znaku \ud800 a dost', targetGroups: ['ok', '\udc00'] });
    expectProblem(surrogateInDraft, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(surrogateInDraft)).toEqual(['purpose:loneSurrogate', 'targetGroups.1:loneSurrogate']);

    const organisation = await t.http
      .post('/organisations')
      .set(bearer(ngo.user))
      .send(organisationPayload({ name: 'Spolek\u0000' }));
    expectProblem(organisation, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(organisation)).toEqual(['name:nulCharacter']);
    expect(organisation.body.detail).toBe('Neplatné údaje v polích: name.');

    const registration = await t.http
      .post('/auth/register')
      .set('X-Forwarded-For', randomUUID())
      .send({ email: `nul-${randomUUID().slice(0, 8)}@test.praha.eu`, displayName: 'Jana\u0000Nováková', password: 'Dlouhe-heslo-12345' });
    expectProblem(registration, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(registration)).toEqual(['displayName:nulCharacter']);

    // Query strings go through the same place.
    const search = await t.http.get('/strategy/search').query({ q: 'vzdělávání\u0000' });
    expectProblem(search, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(search)).toEqual(['q:nulCharacter']);

    // Well-formed Czech and astral characters (a surrogate pair) pass.
    const fine = await t.http
      .patch(`/applications/${applicationId}`)
      .set(bearer(ngo.user))
      .send({ version: draftVersion, project: { title: 'Příliš žluťoučký kůň 🐎' } })
      .expect(200);
    draftVersion = fine.body.draftVersion;
    expect(fine.body.draft.project.title).toBe('Příliš žluťoučký kůň 🐎');
  });

  it('refuses the same id twice in a list of ids with 422 (conflict declarations, commission members, attendance, roles)', async () => {
    const organisationId = randomUUID();
    const declaration = await t.http
      .put(`/commissions/${randomUUID()}/declarations`)
      .set(bearer(member))
      .send({
        declarations: [
          { organisationId, conflict: false },
          { organisationId, conflict: true, reason: 'Jsem člen spolku.' },
        ],
      });
    expectProblem(declaration, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(declaration)).toEqual(['declarations:uniqueItems']);

    const memberId = randomUUID();
    const commission = await t.http
      .post(`/calls/${randomUUID()}/commission`)
      .set(bearer(staff))
      .send({ name: 'Hodnoticí komise', chairUserId: memberId, secretaryUserId: staff.id, memberUserIds: [memberId, memberId] });
    expect(fieldsOf(commission)).toEqual(['memberUserIds:uniqueItems']);
    const attendance = await t.http
      .put(`/sessions/${randomUUID()}/attendance`)
      .set(bearer(staff))
      .send({ present: [memberId, memberId], version: 1 });
    expect(fieldsOf(attendance)).toEqual(['present:uniqueItems']);
    const roles = await t.http
      .put(`/users/${member.id}/roles`)
      .set(bearer(admin))
      .send({ roles: ['commission_member', 'commission_member'] });
    expect(fieldsOf(roles)).toEqual(['roles:uniqueItems']);
    const activityId = randomUUID();
    const draft = await t.http
      .patch(`/applications/${applicationId}`)
      .set(bearer(ngo.user))
      .send({
        version: draftVersion,
        activities: [
          { activityId, sharePercent: '50' },
          { activityId, sharePercent: '50' },
        ],
      });
    expect(fieldsOf(draft)).toEqual(['activities:uniqueItems']);
  });

  it('refuses __proto__ and constructor keys like any unknown field', async () => {
    const draft = await rawJson(
      t.http.patch(`/applications/${applicationId}`).set(bearer(ngo.user)),
      `{"version":${draftVersion},"__proto__":{"status":"accepted"},"project":{"constructor":{"prototype":{"x":1}}}}`,
    );
    expectProblem(draft, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(draft)).toEqual(['__proto__:whitelistValidation', 'project.constructor:whitelistValidation']);
    const roles = await rawJson(t.http.put(`/users/${member.id}/roles`).set(bearer(admin)), '{"roles":["commission_member"],"__proto__":{"roles":["admin"]}}');
    expectProblem(roles, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(roles)).toEqual(['__proto__:whitelistValidation']);
    expect((await t.http.get(`/users/${member.id}`).set(bearer(admin)).expect(200)).body.roles).toEqual(['commission_member']);
  });

  it('answers invalid JSON with 400 and a message of ours, Czech first', async () => {
    const response = await rawJson(t.http.post('/calls').set(bearer(staff)), '{"title": "Výzva",');
    expectProblem(response, 400, 'INVALID_JSON');
    expect({ cs: response.body.detail, en: response.body.detail_en }).toEqual({ cs: 'Tělo požadavku není platný JSON.', en: 'The request body is not valid JSON.' });
    const english = await rawJson(t.http.post('/calls').set(bearer(staff)).set('Accept-Language', 'en'), 'nonsense');
    expect(english.body.detail).toBe('The request body is not valid JSON.');
  });

  it('names each invalid field once in the summary, however many of its rules it breaks', async () => {
    const response = await t.http
      .post('/calls')
      .set(bearer(staff))
      .send({ ...callPayload([], new Date(), new Date()), code: 5, title: 7 });
    expectProblem(response, 422, 'VALIDATION_FAILED');
    expect(fieldsOf(response).filter((f) => f.startsWith('title:')).length).toBeGreaterThan(1);
    expect(response.body.detail).toBe('Neplatné údaje v polích: code, title.');
  });

  it('keeps `status` the HTTP status in a state conflict; the object state travels as currentStatus', async () => {
    const created = await t.http
      .post('/calls')
      .set(bearer(staff))
      .send(callPayload(await createTestActivities(t), new Date('2023-02-01T00:00:00+01:00'), new Date('2023-02-20T00:00:00+01:00')))
      .expect(201);
    const conflict = await t.http.post(`/calls/${created.body.id}/start-evaluation`).set(bearer(staff)).send({ version: created.body.version });
    expectProblem(conflict, 409, 'INVALID_STATE');
    expect(conflict.body).toMatchObject({ type: 'urn:grants:error:INVALID_STATE', title: 'Konflikt', currentStatus: 'draft', allowedFrom: expect.any(Array) });
  });
});
