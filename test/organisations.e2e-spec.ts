import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type { OrganisationView } from '#organisations';
import { bearer, createTestApp, createUser, organisationPayload, TestApp, TestUser, uniqueIco } from '#testing';

/** Everything an organisation view holds; none of it beyond the registration fields is settable by a client. */
const VIEW_KEYS = ['bankAccount', 'createdAt', 'dataBoxId', 'ico', 'id', 'legalForm', 'name', 'seat', 'type', 'updatedAt', 'verification', 'version'];

/**
 * A checksum-valid IČO with two leading zeros, as the canonical 8 digits and as a person might type it
 * (without the leading zeros, with spaces). uniqueIco() never starts with 0, so the two never collide.
 */
function shortIco(): { canonical: string; typed: string } {
  const body = `00${Math.floor(Math.random() * 90_000) + 10_000}`;
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, weight, i) => acc + weight * Number(body[i]), 0);
  const canonical = `${body}${(11 - (sum % 11)) % 10}`;
  const digits = canonical.replace(/^0+/, '');
  return { canonical, typed: ` ${digits.slice(0, 2)} ${digits.slice(2)} ` };
}

function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
}

/** Input validation (class-validator codes such as isIn) answers VALIDATION_FAILED; a domain rule answers with its own code. */
const VALIDATOR_CODES = new Set(['whitelistValidation', 'isIn', 'isInt', 'min', 'max', 'isEmail', 'isString', 'matches', 'minLength', 'maxLength']);

/** 422 problem whose field errors all concern `field`, one of them with `code`. */
function expectFieldError(response: Response, field: string, code: string): void {
  expectProblem(response, 422, VALIDATOR_CODES.has(code) ? 'VALIDATION_FAILED' : code);
  const errors = response.body.errors as { field: string; code: string }[];
  expect(errors.map((e) => e.field)).toEqual(errors.map(() => field));
  expect(errors).toContainEqual(expect.objectContaining({ field, code }));
}

describe('organisations', () => {
  let t: TestApp;
  let owner: TestUser;
  let stranger: TestUser;
  let staff: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    [owner, stranger, staff, auditor] = await Promise.all([
      createUser(t, ['applicant'], 'org-owner'),
      createUser(t, ['applicant'], 'org-stranger'),
      createUser(t, ['staff'], 'org-staff'),
      createUser(t, ['auditor'], 'org-auditor'),
    ]);
  });
  afterAll(() => t.close());

  const register = (user: TestUser, body: Record<string, unknown>) => t.http.post('/organisations').set(bearer(user)).send(body);
  const read = (user: TestUser, id: string) => t.http.get(`/organisations/${id}`).set(bearer(user));
  const patch = (user: TestUser, id: string, body: Record<string, unknown>) => t.http.patch(`/organisations/${id}`).set(bearer(user)).send(body);
  const list = (user: TestUser, query: Record<string, string | number>) => t.http.get('/organisations').query(query).set(bearer(user));
  const addMember = (user: TestUser, id: string, body: Record<string, unknown>) => t.http.post(`/organisations/${id}/members`).set(bearer(user)).send(body);

  async function registered(user: TestUser, overrides: Record<string, unknown> = {}): Promise<OrganisationView> {
    const response = await register(user, organisationPayload(overrides));
    expect({ status: response.status, body: response.body }).toEqual({ status: 201, body: expect.anything() });
    return response.body;
  }

  /** Straight from the database, bypassing every API rule: what was really written. */
  async function organisationsWithIco(ico: string): Promise<number> {
    const [row] = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM organisation WHERE ico = $1', [ico]);
    return row.n;
  }
  async function auditEntriesMentioningIco(ico: string): Promise<{ action: string; object_id: string }[]> {
    return await t.dataSource.query<{ action: string; object_id: string }[]>(
      `SELECT action, object_id FROM audit_log WHERE object_type = 'organisation' AND (after->>'ico' = $1 OR before->>'ico' = $1) ORDER BY seq`,
      [ico],
    );
  }

  describe('registration', () => {
    it('lets an applicant register an NGO, makes them its owner and answers with the organisation view only', async () => {
      const payload = organisationPayload({ seatPostalCode: '13000', dataBoxId: 'ABC1234' });
      const created = await register(owner, payload).expect(201);
      expect(Object.keys(created.body).sort()).toEqual(VIEW_KEYS);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        type: 'ngo',
        legalForm: 'spolek',
        name: payload.name,
        ico: payload.ico,
        seat: { street: 'Koněvova 12', city: 'Praha 3', postalCode: '130 00' },
        bankAccount: null,
        dataBoxId: 'abc1234',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: created.body.createdAt,
        // Self-registered: nobody has yet checked that the owner may act for it.
        verification: expect.objectContaining({ status: 'unverified', statusName: { cs: 'neověřená', en: 'unverified' } }),
      });

      const members = await t.http.get(`/organisations/${created.body.id}/members`).set(bearer(owner)).expect(200);
      expect(members.body).toEqual([{ userId: owner.id, email: owner.email, displayName: 'Test org-owner', role: 'owner' }]);
      expect((await read(owner, created.body.id).expect(200)).body).toEqual(created.body);
    });

    it('refuses fields a client may not set (status, owner) with 422 whitelistValidation and registers nothing', async () => {
      const payload = organisationPayload();
      const withStatus = await register(owner, { ...payload, status: 'approved' });
      expectFieldError(withStatus, 'status', 'whitelistValidation');
      const withOwner = await register(owner, { ...payload, ownerUserId: stranger.id });
      expectFieldError(withOwner, 'ownerUserId', 'whitelistValidation');
      const withVersion = await register(owner, { ...payload, id: randomUUID(), version: 7 });
      expect(withVersion.status).toBe(422);
      expect(withVersion.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]).sort()).toEqual([
        ['id', 'whitelistValidation'],
        ['version', 'whitelistValidation'],
      ]);
      expect(await organisationsWithIco(payload.ico)).toBe(0);
    });

    it.each([
      ['a wrong check digit', '12345678'],
      ['letters', 'ABCDEFGH'],
      ['a letter among digits', '0006458X'],
      ['nine digits', '123456789'],
      ['nothing but spaces', '   '],
    ])('refuses an IČO with %s (%p) as ICO_INVALID with a Czech message', async (_, ico) => {
      const response = await register(owner, organisationPayload({ ico }));
      expectFieldError(response, 'ico', 'ICO_INVALID');
      expect(response.body.title).toBe('Neplatné údaje');
      expect(response.body.errors[0].message).toContain('IČO');
      expect(response.body.errors[0].message).toContain('kontrolní číslici');
    });

    it('normalises an IČO typed with spaces and without leading zeros, and refuses a second registration of it (ICO_TAKEN)', async () => {
      const { canonical, typed } = shortIco();
      const created = await registered(owner, { ico: typed });
      expect(created.ico).toBe(canonical);

      const again = await register(stranger, organisationPayload({ ico: canonical }));
      expectFieldError(again, 'ico', 'ICO_TAKEN');
      expect(again.body.errors[0].message).toContain(canonical);
      const typedAgain = await register(owner, organisationPayload({ ico: typed.replace(/\s+/g, '') }));
      expectFieldError(typedAgain, 'ico', 'ICO_TAKEN');
      expect(await organisationsWithIco(canonical)).toBe(1);
    });

    it('requires a legal form for an NGO (LEGAL_FORM_REQUIRED), but not for other types', async () => {
      const { legalForm: _, ...withoutLegalForm } = organisationPayload();
      expectFieldError(await register(owner, withoutLegalForm), 'legalForm', 'LEGAL_FORM_REQUIRED');
      expect(await organisationsWithIco(withoutLegalForm.ico)).toBe(0);
      expectFieldError(await register(owner, organisationPayload({ legalForm: 'akciova_spolecnost' })), 'legalForm', 'isIn');

      const other = await registered(owner, { ...withoutLegalForm, type: 'other' });
      expect(other).toMatchObject({ type: 'other', legalForm: null, ico: withoutLegalForm.ico });
    });

    it.each([
      ['a wrong checksum in the number', '19-2000145398/0800'],
      ['a wrong checksum in the prefix', '11-2000145399/0800'],
      ['no bank code', '2000145399'],
      ['a two-digit bank code', '2000145399/08'],
      ['letters', 'ucet/0800'],
      ['an all-zero number', '0000000000/0800'],
    ])('refuses a bank account with %s (%p) as BANK_ACCOUNT_INVALID', async (_, bankAccount) => {
      const payload = organisationPayload({ bankAccount });
      expectFieldError(await register(owner, payload), 'bankAccount', 'BANK_ACCOUNT_INVALID');
      expect(await organisationsWithIco(payload.ico)).toBe(0);
    });

    it('accepts a valid Czech bank account and stores it in canonical form', async () => {
      expect((await registered(owner, { bankAccount: '19-2000145399/0800' })).bankAccount).toBe('19-2000145399/0800');
      expect((await registered(owner, { bankAccount: ' 000019-2000145399 / 0800 ' })).bankAccount).toBe('19-2000145399/0800');
    });
  });

  describe('who may see and change an organisation', () => {
    let organisation: OrganisationView;
    beforeAll(async () => {
      organisation = await registered(owner);
    });

    it('hides it from another applicant: 404 ORGANISATION_NOT_FOUND on read, update and members, and absent from their list', async () => {
      expectProblem(await read(stranger, organisation.id), 404, 'ORGANISATION_NOT_FOUND');
      expectProblem(await patch(stranger, organisation.id, { version: organisation.version, name: 'Převzato' }), 404, 'ORGANISATION_NOT_FOUND');
      expectProblem(await t.http.get(`/organisations/${organisation.id}/members`).set(bearer(stranger)), 404, 'ORGANISATION_NOT_FOUND');
      expectProblem(await addMember(stranger, organisation.id, { email: stranger.email, role: 'owner' }), 404, 'ORGANISATION_NOT_FOUND');

      const all = await list(stranger, { pageSize: 200 }).expect(200);
      expect(all.body.items.map((o: { id: string }) => o.id)).not.toContain(organisation.id);
      const byIco = await list(stranger, { search: organisation.ico }).expect(200);
      expect(byIco.body).toMatchObject({ items: [], total: 0 });

      // The same answer as for an id that does not exist at all: existence does not leak.
      const missing = randomUUID();
      expectProblem(await read(stranger, missing), 404, 'ORGANISATION_NOT_FOUND');
      expect((await read(owner, organisation.id).expect(200)).body).toEqual(organisation);
    });

    it('lets staff and auditors read it; an auditor cannot change it (403 PERMISSION_DENIED)', async () => {
      expect((await read(staff, organisation.id).expect(200)).body).toEqual(organisation);
      expect((await read(auditor, organisation.id).expect(200)).body).toEqual(organisation);
      expect((await list(auditor, { search: organisation.ico }).expect(200)).body).toMatchObject({ total: 1, items: [organisation] });

      expectProblem(await patch(auditor, organisation.id, { version: organisation.version, name: 'Auditor zde byl' }), 403, 'PERMISSION_DENIED');
      expectProblem(await addMember(auditor, organisation.id, { email: auditor.email, role: 'owner' }), 403, 'PERMISSION_DENIED');
      expect((await read(owner, organisation.id).expect(200)).body).toEqual(organisation);
    });

    it('lets a plain member read it, but not update it or add members (403 ORGANISATION_OWNER_REQUIRED)', async () => {
      const member = await createUser(t, ['applicant'], 'org-member');
      const outsider = await createUser(t, ['applicant'], 'org-outsider');
      const added = await addMember(owner, organisation.id, { email: member.email.toUpperCase(), role: 'member' }).expect(201);
      expect(added.body).toEqual({ userId: member.id, email: member.email, displayName: 'Test org-member', role: 'member' });

      const members = await t.http.get(`/organisations/${organisation.id}/members`).set(bearer(member)).expect(200);
      expect(members.body.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
        [owner.id, 'owner'],
        [member.id, 'member'],
      ]);
      expect((await read(member, organisation.id).expect(200)).body).toEqual(organisation);
      expect((await list(member, {}).expect(200)).body).toMatchObject({ total: 1, items: [organisation] });

      expectProblem(await patch(member, organisation.id, { version: organisation.version, name: 'Člen to přejmenoval' }), 403, 'ORGANISATION_OWNER_REQUIRED');
      expectProblem(await addMember(member, organisation.id, { email: outsider.email, role: 'member' }), 403, 'ORGANISATION_OWNER_REQUIRED');
      expect((await read(owner, organisation.id).expect(200)).body).toEqual(organisation);
      expectProblem(await read(outsider, organisation.id), 404, 'ORGANISATION_NOT_FOUND');
    });

    it('refuses to add an unknown e-mail (422 USER_NOT_FOUND) or an existing member again (409 ALREADY_MEMBER)', async () => {
      expectFieldError(await addMember(owner, organisation.id, { email: `nikdo-${randomUUID()}@test.cz`, role: 'member' }), 'email', 'USER_NOT_FOUND');
      expectProblem(await addMember(owner, organisation.id, { email: owner.email, role: 'member' }), 409, 'ALREADY_MEMBER');
      expectFieldError(await addMember(owner, organisation.id, { email: stranger.email, role: 'boss' }), 'role', 'isIn');
    });

    it('answers 404 (not a server error) when staff add a member to an organisation that does not exist', async () => {
      const missing = randomUUID();
      expectProblem(await addMember(staff, missing, { email: stranger.email, role: 'member' }), 404, 'ORGANISATION_NOT_FOUND');
      expect(await t.dataSource.query('SELECT 1 FROM organisation_member WHERE organisation_id = $1', [missing])).toEqual([]);
    });

    it('answers 404 when staff ask for the members of an organisation that does not exist, as for the organisation itself', async () => {
      const missing = randomUUID();
      expectProblem(await read(staff, missing), 404, 'ORGANISATION_NOT_FOUND');
      expectProblem(await t.http.get(`/organisations/${missing}/members`).set(bearer(staff)), 404, 'ORGANISATION_NOT_FOUND');
    });
  });

  describe('optimistic concurrency', () => {
    it('applies a PATCH with the version read (version + 1) and refuses the old version with 409 STALE_VERSION and the current state', async () => {
      const created = await registered(owner);
      t.clock.advance(1000);
      const updated = await patch(owner, created.id, { version: 1, name: '  Nový název  ', seatPostalCode: '11000', bankAccount: '19-2000145399/0800' }).expect(200);
      expect(updated.body).toEqual({
        ...created,
        name: 'Nový název',
        seat: { ...created.seat, postalCode: '110 00' },
        bankAccount: '19-2000145399/0800',
        version: 2,
        updatedAt: new Date(Date.parse(created.createdAt) + 1000).toISOString(),
      });
      expect((await read(owner, created.id).expect(200)).body).toEqual(updated.body);

      const stale = await patch(owner, created.id, { version: 1, name: 'Přepsáno starou verzí' });
      expectProblem(stale, 409, 'STALE_VERSION');
      expect(stale.body.current).toEqual(updated.body);
      expect((await read(owner, created.id).expect(200)).body).toEqual(updated.body);
    });

    it('lets exactly one of two concurrent PATCHes with the same version win', async () => {
      const created = await registered(owner);
      const responses = await Promise.all([patch(owner, created.id, { version: 1, name: 'Souběh A' }), patch(owner, created.id, { version: 1, name: 'Souběh B' })]);
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)!;
      const loser = responses.find((r) => r.status === 409)!;
      expect(winner.body.version).toBe(2);
      expect(loser.body.code).toBe('STALE_VERSION');
      const current = (await read(owner, created.id).expect(200)).body;
      expect(current).toEqual(winner.body);
      expect(loser.body.current).toEqual(current);

      const audit = await t.http.get('/audit-log').query({ objectType: 'organisation', objectId: created.id, action: 'organisation.updated' }).set(bearer(auditor)).expect(200);
      expect(audit.body.total).toBe(1);
      expect(audit.body.items[0].after).toMatchObject({ name: current.name, version: 2 });
    });

    it('refuses a PATCH without a version, or with an invalid bank account, and changes nothing', async () => {
      const created = await registered(owner);
      expectFieldError(await patch(owner, created.id, { name: 'Bez verze' }), 'version', 'isInt');
      expectFieldError(await patch(owner, created.id, { version: 1, bankAccount: '19-2000145398/0800' }), 'bankAccount', 'BANK_ACCOUNT_INVALID');
      expectFieldError(await patch(owner, created.id, { version: 1, ico: uniqueIco() }), 'ico', 'whitelistValidation');
      expectFieldError(await patch(owner, created.id, { version: 1, type: 'city_district' }), 'type', 'whitelistValidation');
      expect((await read(owner, created.id).expect(200)).body).toEqual(created);
    });

    it.each([
      ['name', 'required'],
      ['seatStreet', 'required'],
      ['seatCity', 'required'],
      ['seatPostalCode', 'required'],
      ['bankAccount', 'optional'],
      ['dataBoxId', 'optional'],
    ])('answers a PATCH that sends %s: null with 422 or a clean update, never a server error', async (field, kind) => {
      const created = await registered(owner, { bankAccount: '19-2000145399/0800', dataBoxId: 'abc1234' });
      const response = await patch(owner, created.id, { version: 1, [field]: null });
      if (kind === 'required' || response.status !== 200) {
        expectProblem(response, 422, response.body?.code);
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      } else {
        expect(response.body).toMatchObject({ [field]: null, version: 2 });
      }
    });
  });

  describe('listing', () => {
    it('pages, filters by type and searches names case-insensitively within what the caller may see', async () => {
      const token = `q${randomUUID().slice(0, 8)}`;
      const lister = await createUser(t, ['applicant'], 'org-lister');
      const gama = await registered(lister, { name: `Gama ${token} spolek` });
      const alfa = await registered(lister, { name: `Alfa ${token} spolek` });
      const beta = await registered(lister, { name: `Beta ${token} spolek`, legalForm: 'ops' });
      const delta = await registered(lister, { name: `Delta ${token} s.r.o.`, type: 'other', legalForm: undefined });
      const foreign = await registered(stranger, { name: `Epsilon ${token} spolek` });

      const search = token.slice(1, 7).toUpperCase();
      const first = await list(lister, { type: 'ngo', search, pageSize: 2 }).expect(200);
      expect(first.body).toEqual({ items: [alfa, beta], page: 1, pageSize: 2, total: 3 });
      const second = await list(lister, { type: 'ngo', search, pageSize: 2, page: 2 }).expect(200);
      expect(second.body).toEqual({ items: [gama], page: 2, pageSize: 2, total: 3 });
      const third = await list(lister, { type: 'ngo', search, pageSize: 2, page: 3 }).expect(200);
      expect(third.body).toEqual({ items: [], page: 3, pageSize: 2, total: 3 });

      expect((await list(lister, { type: 'other', search }).expect(200)).body).toEqual({ items: [delta], page: 1, pageSize: 50, total: 1 });
      expect((await list(lister, {}).expect(200)).body).toMatchObject({ items: [alfa, beta, delta, gama], total: 4 });
      expect((await list(lister, { search: beta.ico.slice(1) }).expect(200)).body).toMatchObject({ items: [beta], total: 1 });
      // Staff see every organisation, the other applicant's one included.
      expect((await list(staff, { search: token }).expect(200)).body).toMatchObject({ items: [alfa, beta, delta, foreign, gama], total: 5 });
      // LIKE wildcards in the search are taken literally.
      expect((await list(lister, { search: '%' }).expect(200)).body).toMatchObject({ items: [], total: 0 });
      expect((await list(lister, { search: `Alfa_${token}` }).expect(200)).body).toMatchObject({ items: [], total: 0 });
    });

    it('finds names containing a backslash by searching for it (the escape character is itself escaped)', async () => {
      const token = `q${randomUUID().slice(0, 8)}`;
      const lister = await createUser(t, ['applicant'], 'org-lister');
      const slashed = await registered(lister, { name: `Spolek A\\B ${token}` });
      await registered(lister, { name: `Spolek 100% ${token}` });
      expect(slashed.name).toBe(`Spolek A\\B ${token}`);
      expect((await list(lister, { search: 'A\\B' }).expect(200)).body).toMatchObject({ items: [slashed], total: 1 });
      expect((await list(lister, { search: '\\' }).expect(200)).body).toMatchObject({ items: [slashed], total: 1 });
    });

    it.each([
      ['pageSize', { pageSize: 0 }, 'min'],
      ['pageSize', { pageSize: 201 }, 'max'],
      ['page', { page: 'dva' }, 'isInt'],
      ['type', { type: 'kindergarten' }, 'isIn'],
      ['status', { status: 'approved' }, 'whitelistValidation'],
    ])('refuses a list query with a bad %s (%p)', async (field, query, code) => {
      expectFieldError(await list(owner, query), field, code);
    });
  });

  describe('audit', () => {
    it('records the registration, the owner and every update (with before and after), and the chain verifies', async () => {
      const created = await registered(owner);
      const updated = (await patch(owner, created.id, { version: 1, name: 'Spolek po změně' }).expect(200)).body;

      const audit = await t.http.get('/audit-log').query({ objectType: 'organisation', objectId: created.id }).set(bearer(auditor)).expect(200);
      expect(audit.body.total).toBe(3);
      const byAction = Object.fromEntries(audit.body.items.map((e: { action: string }) => [e.action, e]));
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['organisation.updated', 'organisation.member_added', 'organisation.created']);
      expect(byAction['organisation.created']).toMatchObject({ actorUserId: owner.id, actorRoles: ['applicant'], objectId: created.id, before: null, after: created });
      expect(byAction['organisation.member_added']).toMatchObject({ actorUserId: owner.id, after: { userId: owner.id, role: 'owner' } });
      expect(byAction['organisation.updated']).toMatchObject({ actorUserId: owner.id, before: created, after: updated });
      expect(byAction['organisation.updated'].before.name).not.toBe(byAction['organisation.updated'].after.name);

      const verification = await t.http.get('/audit-log/verify').set(bearer(auditor)).expect(200);
      expect(verification.body).toMatchObject({ valid: true, firstBrokenLink: null });
      expect(Number(verification.body.checkedEntries)).toBeGreaterThanOrEqual(3);
    });

    it('leaves nothing half-written after a refused registration: no organisation, no audit entry', async () => {
      const refused = organisationPayload({ bankAccount: '19-2000145398/0800' });
      expectFieldError(await register(owner, refused), 'bankAccount', 'BANK_ACCOUNT_INVALID');
      expect(await organisationsWithIco(refused.ico)).toBe(0);
      expect(await auditEntriesMentioningIco(refused.ico)).toEqual([]);
      expect((await list(staff, { search: refused.ico }).expect(200)).body.total).toBe(0);

      // The same checks see an accepted registration, so they are not vacuous.
      const accepted = await registered(owner, { ico: refused.ico, bankAccount: '19-2000145399/0800' });
      expect(await organisationsWithIco(refused.ico)).toBe(1);
      expect(await auditEntriesMentioningIco(refused.ico)).toEqual([{ action: 'organisation.created', object_id: accepted.id }]);
    });

    it('registers one organisation when two applicants race for the same IČO; the loser is left with nothing', async () => {
      const [first, second] = await Promise.all([createUser(t, ['applicant'], 'org-race-a'), createUser(t, ['applicant'], 'org-race-b')]);
      const ico = uniqueIco();
      const responses = await Promise.all([register(first, organisationPayload({ ico })), register(second, organisationPayload({ ico }))]);
      expect(responses.map((r) => r.status).filter((status) => status === 201)).toHaveLength(1);
      const loser = responses.find((r) => r.status !== 201)!;
      // Which refusal the loser gets depends on timing: ICO_TAKEN when the winner had committed before
      // the loser's check, DUPLICATE when both passed the check and the unique index decided.
      expect([
        [422, 'ICO_TAKEN'],
        [409, 'DUPLICATE'],
      ]).toContainEqual([loser.status, loser.body.code]);

      const winner = responses.find((r) => r.status === 201)!;
      expect(await organisationsWithIco(ico)).toBe(1);
      expect(await auditEntriesMentioningIco(ico)).toEqual([{ action: 'organisation.created', object_id: winner.body.id }]);
      const loserUser = responses[0] === loser ? first : second;
      expect((await list(loserUser, {}).expect(200)).body).toMatchObject({ items: [], total: 0 });
    });
  });
});
