import { ChildProcess } from 'node:child_process';
import {
  bearer,
  burstOfEvents,
  createTestApp,
  createUser,
  dropDatabase,
  freePort,
  exitOf,
  scratchDatabase,
  scratchDatabaseUrl,
  SmtpRecorder,
  spawnApp,
  TestRedis,
  waitFor,
} from '#testing';

/**
 * Infrastructure failing under the notification pipeline: a Redis restarted empty, database sessions
 * cut, two processes creating one database. Each test breaks only what it started itself: its own
 * Redis on a free port, its own database, its own worker processes.
 */
describe('resilience: nothing lost when the infrastructure fails', () => {
  const smtp = new SmtpRecorder();
  const redis = new TestRedis();
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  const children: ChildProcess[] = [];
  const query = async (sql: string, params: unknown[] = []) => (await db.client.query(sql, params)).rows;

  function startWorker(env: Record<string, string> = {}): ChildProcess {
    const child = spawnApp('worker', {
      DATABASE_URL: db.url,
      QUEUE_BACKEND: 'redis',
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'resilience',
      SMTP_URL: smtp.url,
      RECONCILE_AFTER_SECONDS: '2',
      OUTBOX_POLL_MS: '200',
      QUEUE_LOCK_MS: '2000',
      MAIL_SEND_TIMEOUT_MS: '5000',
      MAIL_BACKOFF_MS: '100',
      LIFECYCLE_TICK_MS: '0',
      ...env,
    });
    children.push(child);
    return child;
  }

  const receivedPer = (events: string[]) => smtp.perEvent(events);

  beforeAll(async () => {
    await smtp.start();
    await redis.start();
    db = await scratchDatabase('resilience');
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
    await Promise.all(children.map(exitOf));
    await redis.stop();
    await db?.drop();
    await smtp.close();
  });

  it('delivers every mail exactly once when Redis restarts empty mid-batch, within the reconciliation bound', async () => {
    smtp.delayMs = 5;
    const { events } = await burstOfEvents(query, 300, 'redis-lost');
    const worker = startWorker();
    await waitFor(() => (receivedPer(events).size >= 60 ? true : undefined), 60_000, 'the first 60 mails');
    await redis.stop();
    const lostAt = Date.now();
    await redis.start(); // same port, nothing in it: every queued job is gone
    await waitFor(() => (receivedPer(events).size === 300 ? true : undefined), 60_000, 'every mail after the restart');
    const recoveredInMs = Date.now() - lostAt;
    const counts = receivedPer(events);
    expect(Math.max(...counts.values())).toBe(1);
    await waitFor(
      async () => ((await query(`SELECT count(*)::int AS n FROM outbox_event WHERE id = ANY($1::uuid[]) AND processed_at IS NULL`, [events]))[0].n === 0 ? true : undefined),
      10_000,
      'every event processed',
    );
    expect(worker.exitCode).toBeNull();
    process.stdout.write(`\nredis restarted empty: the lost batch was back and sent within ${(recoveredInMs / 1000).toFixed(1)} s (bound 2 s)\n`);
    worker.kill('SIGTERM');
    expect(await exitOf(worker)).toBe(0);
  }, 120_000);

  it('keeps running when all its database sessions are cut, several times: reconnects, LISTENs again, loses and doubles nothing', async () => {
    smtp.delayMs = 5;
    const worker = startWorker();
    const listening = async () =>
      ((await query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN outbox_event_added'`))[0].n as number) > 0;
    await waitFor(async () => ((await listening()) ? true : undefined), 20_000, 'the worker to LISTEN');
    const { events } = await burstOfEvents(query, 240, 'cut');
    for (const share of [40, 100, 160]) {
      await waitFor(() => (receivedPer(events).size >= share ? true : undefined), 60_000, `${share} mails`);
      await query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      await waitFor(async () => ((await listening()) ? true : undefined), 20_000, 'LISTEN to come back');
    }
    await waitFor(
      async () => {
        const rows = await query(`SELECT email_status FROM notification WHERE source_event_id = ANY($1::uuid[])`, [events]);
        return rows.length === 240 && rows.every((r) => r.email_status === 'sent' || r.email_status === 'dead') ? rows : undefined;
      },
      60_000,
      'every mail to reach a final state',
    );
    expect(worker.exitCode).toBeNull();
    const counts = receivedPer(events);
    expect(Math.max(...counts.values())).toBe(1);
    const dead = await query(`SELECT email_dead_reason FROM notification WHERE source_event_id = ANY($1::uuid[]) AND email_status = 'dead'`, [events]);
    expect(dead).toEqual([]);
    expect(counts.size).toBe(240);
    // A commit's NOTIFY reaches the new LISTEN session: one more event goes out at once.
    const { events: after } = await burstOfEvents(query, 1, 'after-cut');
    await waitFor(() => (receivedPer(after).size === 1 ? true : undefined), 10_000, 'a mail after the cuts');
    worker.kill('SIGTERM');
    expect(await exitOf(worker)).toBe(0);
  }, 180_000);

  it('answers /health within 1.5 s while Redis is down: alive, not ready, and the queue view says 503', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { QUEUE_BACKEND: 'redis', REDIS_URL: redis.url, QUEUE_PREFIX: 'resilience-health' });
    const t = await createTestApp();
    try {
      const staff = await createUser(t, ['staff']);
      expect((await t.http.get('/health/ready').expect(200)).body).toMatchObject({ database: 'up', queue: { status: 'up' } });
      await t.http.get('/admin/queues').set(bearer(staff)).expect(200);
      await redis.stop();
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const health = await t.http.get('/health').expect(503);
        expect(Date.now() - started).toBeLessThan(1500);
        expect(health.body).toMatchObject({ status: 'degraded', database: 'up', queue: { backend: 'redis', status: expect.stringMatching(/^(down|timeout)$/) } });
      }
      await t.http.get('/health/ready').expect(503);
      await t.http.get('/health/live').expect(200);
      const started = Date.now();
      const queues = await t.http.get('/admin/queues').set(bearer(staff)).expect(503);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(queues.body.code).toBe('QUEUE_UNAVAILABLE');
      await redis.start();
      await waitFor(async () => ((await t.http.get('/health/ready')).status === 200 ? true : undefined), 15_000, 'ready again');
    } finally {
      await redis.start().catch(() => undefined);
      await t.close();
      process.env = saved;
    }
  }, 60_000);

  it('does not give up on a mail that waits for a pooled SMTP connection longer than the send timeout', async () => {
    smtp.delayMs = 150;
    // One connection, eight mails at once, 150 ms each: most wait far longer than the 600 ms timeout.
    const worker = startWorker({ MAIL_MAX_CONNECTIONS: '1', MAIL_CONCURRENCY: '8', MAIL_SEND_TIMEOUT_MS: '600', RECONCILE_AFTER_SECONDS: '1' });
    const { events } = await burstOfEvents(query, 24, 'pool-wait');
    const rows = await waitFor(
      async () => {
        const found = await query(`SELECT email_status, email_dead_reason FROM notification WHERE source_event_id = ANY($1::uuid[])`, [events]);
        return found.length === 24 && found.every((r) => r.email_status === 'sent' || r.email_status === 'dead') ? found : undefined;
      },
      60_000,
      'every mail to reach a final state',
    );
    expect(rows.filter((r) => r.email_status === 'dead')).toEqual([]);
    expect(receivedPer(events).size).toBe(24);
    expect(Math.max(...receivedPer(events).values())).toBe(1);
    worker.kill('SIGTERM');
    expect(await exitOf(worker)).toBe(0);
  }, 120_000);

  it('keeps one mail rate for the whole installation, however many workers send', async () => {
    smtp.delayMs = 0;
    const workers = [startWorker({ MAIL_RATE_PER_SECOND: '5' }), startWorker({ MAIL_RATE_PER_SECOND: '5' })];
    const { events } = await burstOfEvents(query, 40, 'rate');
    await waitFor(() => (receivedPer(events).size === 40 ? true : undefined), 60_000, 'all 40 mails');
    const times = smtp.received
      .filter((m) => m.eventId && events.includes(m.eventId))
      .map((m) => m.receivedAt)
      .sort((a, b) => a - b);
    // 5 a second in all: 40 mails span at least seven one-second windows; two workers each at 5/s would
    // finish within four. The margin allows for a second of jitter on a loaded machine.
    expect(times[39] - times[0]).toBeGreaterThanOrEqual(5500);
    for (const worker of workers) worker.kill('SIGTERM');
    expect(await Promise.all(workers.map(exitOf))).toEqual([0, 0]);
  }, 120_000);

  it('shares the login limiter between two API processes, and believes X-Forwarded-For only from a trusted proxy', async () => {
    const ports = [await freePort(), await freePort()];
    const apis = ports.map((port) => {
      const child = spawnApp('api', {
        PORT: String(port),
        DATABASE_URL: db.url,
        QUEUE_BACKEND: 'redis',
        REDIS_URL: redis.url,
        QUEUE_PREFIX: 'resilience-api',
        TRUST_PROXY: 'none',
      });
      children.push(child);
      return child;
    });
    for (const port of ports)
      await waitFor(
        () =>
          fetch(`http://127.0.0.1:${port}/api/v1/health/live`).then(
            (r) => (r.ok ? true : undefined),
            () => undefined,
          ),
        60_000,
        `the API on ${port}`,
      );
    const email = `nobody-${Date.now()}@test.praha.eu`;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      // A fresh X-Forwarded-For each time changes nothing when no proxy is trusted.
      const response = await fetch(`http://127.0.0.1:${ports[i % 2]}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `203.0.113.${i}` },
        body: JSON.stringify({ email, password: 'wrong-password-1' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    for (const api of apis) api.kill('SIGTERM');
    await Promise.all(apis.map(exitOf));
  }, 120_000);

  it('lets several processes create and migrate a database that does not exist yet', async () => {
    const url = scratchDatabaseUrl('concurrent');
    try {
      const migrators = Array.from({ length: 6 }, () => spawnApp('cli', { DATABASE_URL: url, QUEUE_BACKEND: 'postgres' }, ['migrate']));
      expect(await Promise.all(migrators.map(exitOf))).toEqual([0, 0, 0, 0, 0, 0]);
    } finally {
      await dropDatabase(url);
    }
  }, 120_000);
});
