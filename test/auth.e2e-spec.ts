import { randomUUID } from 'node:crypto';
import { OutboxEvent } from '#outbox';
import { AuthService } from '#identity';
import { bearer, createTestApp, createUser, TEST_PASSWORD, TestApp } from '#testing';

describe('identity: login, refresh, logout, password reset', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const login = (email: string, password: string) => t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email, password });

  it('logs in with the right password and refuses a wrong one with a coded problem', async () => {
    const user = await createUser(t, ['applicant']);
    const me = await t.http.get('/auth/me').set(bearer(user)).expect(200);
    expect(me.body).toMatchObject({ email: user.email, roles: ['applicant'] });
    expect(me.body.passwordHash).toBeUndefined();

    const wrong = await login(user.email, 'spatne-heslo-123').expect(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401, detail: 'Nesprávný e-mail nebo heslo.' });
    const unknown = await login(`nikdo-${randomUUID()}@test.cz`, TEST_PASSWORD).expect(401);
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers in English when asked to', async () => {
    const response = await t.http.get('/auth/me').set('Accept-Language', 'en').expect(401);
    expect(response.body).toMatchObject({ code: 'NOT_AUTHENTICATED', title: 'Not signed in', detail: 'Please sign in.', detail_cs: 'Přihlaste se prosím.' });
  });

  it('rate-limits login attempts per e-mail and address', async () => {
    const user = await createUser(t, ['applicant']);
    const ip = randomUUID();
    const attempts = [];
    for (let i = 0; i < 7; i++) attempts.push((await t.http.post('/auth/login').set('X-Forwarded-For', ip).send({ email: user.email, password: 'x' })).status);
    expect(attempts.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(attempts.slice(5)).toEqual([429, 429]);
    const limited = await t.http.post('/auth/login').set('X-Forwarded-For', ip).send({ email: user.email, password: TEST_PASSWORD }).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_ATTEMPTS');
    // Another address is not affected.
    await login(user.email, TEST_PASSWORD).expect(200);
  });

  it('logout revokes the access token at once', async () => {
    const user = await createUser(t, ['auditor']);
    await t.http.get('/auth/me').set(bearer(user)).expect(200);
    await t.http.post('/auth/logout').set(bearer(user)).expect(204);
    const after = await t.http.get('/auth/me').set(bearer(user)).expect(401);
    expect(after.body.code).toBe('TOKEN_INVALID');
  });

  it('rotates refresh tokens and kills the session when an old one is replayed after the reuse window', async () => {
    const user = await createUser(t, ['staff']);
    const first = (await login(user.email, TEST_PASSWORD).expect(200)).body;
    const second = (await t.http.post('/auth/refresh').set('X-Forwarded-For', randomUUID()).send({ refreshToken: first.refreshToken }).expect(200)).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await t.http
      .get('/auth/me')
      .set(bearer({ token: second.accessToken }))
      .expect(200);

    // The first refresh token was stolen and is used again later than any tab would: the whole session ends.
    t.clock.advance(31_000);
    await t.http.post('/auth/refresh').set('X-Forwarded-For', randomUUID()).send({ refreshToken: first.refreshToken }).expect(401);
    await t.http.post('/auth/refresh').set('X-Forwarded-For', randomUUID()).send({ refreshToken: second.refreshToken }).expect(401);
    await t.http
      .get('/auth/me')
      .set(bearer({ token: second.accessToken }))
      .expect(401);
  });

  it('gives two refreshes with one token at the same moment the same new pair (two tabs), and both work', async () => {
    const user = await createUser(t, ['applicant']);
    const first = (await login(user.email, TEST_PASSWORD).expect(200)).body;
    const refresh = () => t.http.post('/auth/refresh').set('X-Forwarded-For', randomUUID()).send({ refreshToken: first.refreshToken });
    const [a, b] = await Promise.all([refresh(), refresh()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body).toEqual(a.body);
    expect(a.body.refreshToken).not.toBe(first.refreshToken);
    await t.http
      .get('/auth/me')
      .set(bearer({ token: a.body.accessToken }))
      .expect(200);
    // Within the window a third tab still gets the same pair; the chain continues from it.
    const third = await refresh().expect(200);
    expect(third.body).toEqual(a.body);
    const next = await t.http.post('/auth/refresh').set('X-Forwarded-For', randomUUID()).send({ refreshToken: a.body.refreshToken }).expect(200);
    expect(next.body.refreshToken).not.toBe(a.body.refreshToken);
    // Now the first token is two rotations old: refused even inside the window (no pair is derived from it any more).
    await refresh().expect(401);
  });

  it('keeps the portal’s refresh token in an httpOnly SameSite=Strict cookie, never in the body', async () => {
    const user = await createUser(t, ['applicant']);
    const response = await login(user.email, TEST_PASSWORD).set('X-Grants-Portal', '1').expect(200);
    expect(response.body.refreshToken).toBeUndefined();
    expect(response.body.accessToken).toEqual(expect.any(String));
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^grants_refresh=[0-9a-f-]{36}\.[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/api/v1/auth');
    expect(cookie).not.toContain('Secure'); // only in production
    const pair = cookie.split(';')[0];

    const refreshed = await t.http.post('/auth/refresh').set('Cookie', pair).set('X-Grants-Portal', '1').set('Origin', 'http://localhost:3000').send({}).expect(200);
    expect(refreshed.body.refreshToken).toBeUndefined();
    const rotated = String(refreshed.headers['set-cookie']).split(';')[0];
    expect(rotated).not.toBe(pair);
    await t.http
      .get('/auth/me')
      .set(bearer({ token: refreshed.body.accessToken }))
      .expect(200);

    // Sign-out ends the server's session and removes the cookie.
    const out = await t.http
      .post('/auth/logout')
      .set(bearer({ token: refreshed.body.accessToken }))
      .expect(204);
    expect(String(out.headers['set-cookie'])).toMatch(/grants_refresh=;.*Expires=Thu, 01 Jan 1970/);
    await t.http.post('/auth/refresh').set('Cookie', rotated).set('X-Grants-Portal', '1').send({}).expect(401);
  });

  it('refuses a cookie refresh without the portal’s header or from another origin (cross-site forgery)', async () => {
    const user = await createUser(t, ['applicant']);
    const pair = String((await login(user.email, TEST_PASSWORD).set('X-Grants-Portal', '1').expect(200)).headers['set-cookie']).split(';')[0];
    const noHeader = await t.http.post('/auth/refresh').set('Cookie', pair).send({}).expect(403);
    expect(noHeader.body.code).toBe('CSRF_REFUSED');
    const otherSite = await t.http.post('/auth/refresh').set('Cookie', pair).set('X-Grants-Portal', '1').set('Origin', 'https://evil.example').send({}).expect(403);
    expect(otherSite.body.code).toBe('CSRF_REFUSED');
    // The refused attempts did not use the token up.
    await t.http.post('/auth/refresh').set('Cookie', pair).set('X-Grants-Portal', '1').send({}).expect(200);
    const none = await t.http.post('/auth/refresh').set('X-Grants-Portal', '1').send({}).expect(422);
    expect(none.body.code).toBe('REFRESH_TOKEN_REQUIRED');
  });

  it('remembers the language a user picks in their profile, and answers in it', async () => {
    const user = await createUser(t, ['applicant']);
    const changed = await t.http.patch('/auth/me').set(bearer(user)).send({ language: 'en' }).expect(200);
    expect(changed.body.language).toBe('en');
    expect((await t.http.get('/auth/me').set(bearer(user)).expect(200)).body.language).toBe('en');
    const bad = await t.http.patch('/auth/me').set(bearer(user)).send({ language: 'de' }).expect(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'language' });
    await t.http.patch('/auth/me').send({ language: 'cs' }).expect(401);
  });

  it('lists the demo accounts for the sign-in page outside production only', async () => {
    // The test system loads no demo data, so the list is empty; production answers 404 (dev.controller.spec.ts).
    const listing = await t.http.get('/dev/demo-accounts').expect(200);
    expect(listing.body).toEqual({ password: null, accounts: [] });
  });

  it('resets a password with a one-time link and ends every session', async () => {
    const user = await createUser(t, ['applicant']);
    await t.http.post('/auth/password-reset').set('X-Forwarded-For', randomUUID()).send({ email: user.email.toUpperCase() }).expect(202);
    // Unknown e-mails get the same answer: the endpoint does not reveal who has an account.
    await t.http
      .post('/auth/password-reset')
      .set('X-Forwarded-For', randomUUID())
      .send({ email: `nikdo-${randomUUID()}@test.cz` })
      .expect(202);

    const event = await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ type: 'account.password_reset_requested', aggregateId: user.id });
    expect(Object.keys(event.payload)).toEqual(['resetId']); // ids only, no personal data, no secret
    const token = t.app.get(AuthService).passwordResetToken(String(event.payload.resetId));

    const tooShort = await t.http.post('/auth/password-reset/confirm').set('X-Forwarded-For', randomUUID()).send({ token, newPassword: 'kratke' }).expect(422);
    expect(tooShort.body.errors[0]).toMatchObject({ field: 'newPassword', code: 'minLength' });
    const forged = await t.http
      .post('/auth/password-reset/confirm')
      .set('X-Forwarded-For', randomUUID())
      .send({ token: `${event.payload.resetId}.AAAA`, newPassword: 'Nove-heslo-2026!' })
      .expect(422);
    expect(forged.body.errors[0]).toMatchObject({ field: 'token', code: 'RESET_TOKEN_INVALID' });

    await t.http.post('/auth/password-reset/confirm').set('X-Forwarded-For', randomUUID()).send({ token, newPassword: 'Nove-heslo-2026!' }).expect(204);
    await t.http.get('/auth/me').set(bearer(user)).expect(401);
    await login(user.email, TEST_PASSWORD).expect(401);
    await login(user.email, 'Nove-heslo-2026!').expect(200);
    // The link works once.
    await t.http.post('/auth/password-reset/confirm').set('X-Forwarded-For', randomUUID()).send({ token, newPassword: 'Jine-heslo-2026!' }).expect(422);
  });

  it('refuses an expired reset link (the clock moves, nobody sleeps)', async () => {
    const user = await createUser(t, ['applicant']);
    await t.http.post('/auth/password-reset').set('X-Forwarded-For', randomUUID()).send({ email: user.email }).expect(202);
    const event = await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ type: 'account.password_reset_requested', aggregateId: user.id });
    const token = t.app.get(AuthService).passwordResetToken(String(event.payload.resetId));
    t.clock.advance(61 * 60_000);
    try {
      await t.http.post('/auth/password-reset/confirm').set('X-Forwarded-For', randomUUID()).send({ token, newPassword: 'Nove-heslo-2026!' }).expect(422);
    } finally {
      t.clock.advance(-61 * 60_000);
    }
  });

  it('lets anyone register as an applicant, never with another role', async () => {
    const email = `novy-${randomUUID().slice(0, 8)}@test.cz`;
    const created = await t.http.post('/auth/register').send({ email, displayName: 'Nový Žadatel', password: 'Dlouhe-heslo-2026' }).expect(201);
    expect(created.body.roles).toEqual(['applicant']);
    const escalation = await t.http
      .post('/auth/register')
      .send({ email: `x${email}`, displayName: 'Xaver Novák', password: 'Dlouhe-heslo-2026', roles: ['admin'] })
      .expect(422);
    expect(escalation.body.errors).toEqual([expect.objectContaining({ field: 'roles', code: 'whitelistValidation' })]);
    const duplicate = await t.http.post('/auth/register').send({ email: email.toUpperCase(), displayName: 'Znovu', password: 'Dlouhe-heslo-2026' }).expect(422);
    expect(duplicate.body.errors[0]).toMatchObject({ field: 'email', code: 'EMAIL_TAKEN' });
  });
});
