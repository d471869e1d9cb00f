import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ApiModule } from '../apps/api/src/api.module.js';
import { configureApiApp } from '../apps/api/src/bootstrap.js';
import { APP_CONFIG, loadConfig } from '#config';
import { MovableClock } from '#database';
import { bearer, createTestApp, createUser, TEST_PASSWORD, TestApp } from '#testing';

const DAY = 24 * 60 * 60 * 1000;

/** The movable clock of non-production systems: read by anyone, moved by admins only, audited, shared by the API and the worker. */
describe('system clock', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it("shows a clock that cannot be moved where the process runs on a fixed clock (the tests' own)", async () => {
    const state = await t.http.get('/api/v1/system/clock').expect(200);
    expect(state.body).toEqual({ now: t.clock.now().toISOString(), offsetMs: 0, movable: false });
    const admin = await createUser(t, ['admin']);
    expect((await t.http.put('/api/v1/admin/clock').set(bearer(admin)).send({ to: new Date().toISOString(), reason: 'Nácvik' }).expect(409)).body.code).toBe('CLOCK_NOT_MOVABLE');
  });

  it('is moved by an admin for the API and the worker together, audited, and reset to real time', async () => {
    // Off for the other test files (they share the database); on for this app alone, as outside production by default.
    expect(loadConfig().clockMovable).toBe(false);
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(APP_CONFIG)
      .useValue({ ...loadConfig(), clockMovable: true })
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    configureApiApp(app, loadConfig());
    await app.init();
    const http = request(app.getHttpServer());
    // Another process (the worker) reading the same database.
    const worker = new MovableClock(app.get(DataSource));
    try {
      const admin = await createUser(t, ['admin']);
      const staff = await createUser(t, ['staff']);
      const target = new Date(Date.now() + 40 * DAY);
      await http.put('/api/v1/admin/clock').set(bearer(staff)).send({ to: target.toISOString(), reason: 'Nácvik kola' }).expect(403);
      await http.put('/api/v1/admin/clock').send({ to: target.toISOString(), reason: 'Nácvik kola' }).expect(401);
      expect((await http.put('/api/v1/admin/clock').set(bearer(admin)).send({ reason: 'Nic' }).expect(422)).body.code).toBe('CLOCK_TARGET_REQUIRED');
      const moved = await http.put('/api/v1/admin/clock').set(bearer(admin)).send({ to: target.toISOString(), reason: 'Nácvik kola: rozhodnutí Rady' }).expect(200);
      expect(moved.body.movable).toBe(true);
      expect(Math.abs(moved.body.offsetMs - 40 * DAY)).toBeLessThan(60_000);
      const read = await http.get('/api/v1/system/clock').expect(200);
      expect(Math.abs(new Date(read.body.now).getTime() - target.getTime())).toBeLessThan(60_000);
      await worker.refresh();
      expect(worker.offset).toBe(moved.body.offsetMs);
      const [audit] = await t.dataSource.query<{ actor_user_id: string; after: { reason: string } }[]>(
        `SELECT actor_user_id, after FROM audit_log WHERE action = 'system.clock_moved' ORDER BY seq DESC LIMIT 1`,
      );
      expect(audit).toMatchObject({ actor_user_id: admin.id, after: expect.objectContaining({ reason: 'Nácvik kola: rozhodnutí Rady' }) });
      // Tokens are judged by the moved clock too: sign in again "40 days later".
      const login = await http.post('/api/v1/auth/login').set('X-Forwarded-For', '10.0.0.40').send({ email: admin.email, password: TEST_PASSWORD }).expect(200);
      const reset = await http
        .put('/api/v1/admin/clock')
        .set(bearer({ token: login.body.accessToken }))
        .send({ reset: true, reason: 'Konec nácviku' })
        .expect(200);
      expect(reset.body.offsetMs).toBe(0);
      await worker.refresh();
      expect(worker.offset).toBe(0);
    } finally {
      await t.dataSource.query(`UPDATE system_clock SET offset_ms = 0`);
      await app.close();
    }
  });
});
