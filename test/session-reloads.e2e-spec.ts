import { randomUUID } from 'node:crypto';
import { createTestApp, createUser, TEST_PASSWORD, TestApp } from '#testing';

/**
 * The portal refreshes its session on every full page load. The credential limiter (LOGIN_ATTEMPTS_PER_MINUTE,
 * 5 a minute per address and session) counted those refreshes too, so the sixth page load within a minute got
 * 429 and the portal showed the user signed out ("session lost on the second full reload" of the auditor bench,
 * after sign-in and the pages before it). A successful refresh now gives its place back; failed ones still count.
 */
describe('a signed-in portal user reloading pages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  const portalRefresh = (cookie: string, ip: string) =>
    t.http.post('/auth/refresh').set('Cookie', cookie).set('X-Grants-Portal', '1').set('Origin', 'http://localhost:3000').set('X-Forwarded-For', ip).send({});

  it('stays signed in through many full reloads within a minute from one address', async () => {
    const user = await createUser(t, ['auditor']);
    const ip = randomUUID();
    const login = await t.http.post('/auth/login').set('X-Grants-Portal', '1').set('X-Forwarded-For', ip).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    let cookie = String(login.headers['set-cookie']).split(';')[0];
    for (let reload = 1; reload <= 12; reload++) {
      const refreshed = await portalRefresh(cookie, ip);
      expect([reload, refreshed.status]).toEqual([reload, 200]);
      cookie = String(refreshed.headers['set-cookie']).split(';')[0];
      await t.http.get('/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);
    }
  });

  it('still limits failed refreshes of a session: five a minute, then 429 even for the right token', async () => {
    const user = await createUser(t, ['auditor']);
    const ip = randomUUID();
    const login = await t.http.post('/auth/login').set('X-Grants-Portal', '1').set('X-Forwarded-For', ip).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const sessionId = cookie.split('=')[1].split('.')[0];
    const guesses: number[] = [];
    for (let i = 0; i < 6; i++) guesses.push((await portalRefresh(`grants_refresh=${sessionId}.${randomUUID()}`, ip)).status);
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await portalRefresh(cookie, ip).expect(429)).body.code).toBe('TOO_MANY_ATTEMPTS');
    // A minute later the right token works again.
    t.clock.advance(61_000);
    await portalRefresh(cookie, ip).expect(200);
  });
});
