import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, processEnvironment } from '#config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, migrateUnderLock, recreateDatabase } from '#database';
import { redisAnswers } from '#queue';
import { SCHEMA } from '#schema';
import { waitFor } from './smtp-recorder.js';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Redis of the test's own (never the shared one), without persistence: stopping and starting it
 * again is a Redis restarted empty.
 */
export class TestRedis {
  private process: ChildProcess | null = null;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    if (this.process && this.process.exitCode === null) return this;
    this.port ||= await freePort();
    this.process = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(() => redisAnswers(this.url).then((ok) => (ok ? true : undefined)), 10_000, `redis on port ${this.port}`);
    return this;
  }

  /** SIGKILL: whatever it held is gone. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

/** A migrated database of the test's own beside the run's database (same server), with its URL. */
export async function scratchDatabase(label: string): Promise<{ url: string; client: pg.Client; drop(): Promise<void> }> {
  const url = scratchDatabaseUrl(label);
  await recreateDatabase(url);
  const dataSource = new DataSource(buildDataSourceOptions(url, SCHEMA, 2));
  await dataSource.initialize();
  await migrateUnderLock(dataSource);
  await dataSource.destroy();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    client,
    drop: async () => {
      await client.end().catch(() => undefined);
      await dropDatabase(url);
    },
  };
}

/** The URL of a database not created yet, on the run's server. */
export function scratchDatabaseUrl(label: string): string {
  const url = new URL(loadConfig().database.url ?? '');
  url.pathname = `/${url.pathname.slice(1)}_${label}_${randomUUID().slice(0, 6)}`;
  return url.toString();
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
}

const DIST = path.resolve('dist/apps');

/** One of the system's own processes (`api`, `worker`, `cli`) from the compiled code, as production runs it. */
export function spawnApp(app: 'api' | 'worker' | 'cli', env: Record<string, string>, args: string[] = []): ChildProcess {
  return spawn(process.execPath, [path.join(DIST, app, 'src/main.js'), ...args], {
    env: { ...processEnvironment(), LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

type Query = (sql: string, params: unknown[]) => Promise<unknown>;

/** `n` account.created events for fresh users, committed at once, as a burst of sign-ups would; each becomes one welcome mail. */
export async function burstOfEvents(query: Query, n: number, label: string): Promise<{ users: string[]; events: string[] }> {
  const users = (await query(
    `INSERT INTO app_user (id, email, display_name, password_hash, roles, language, is_active, created_at, updated_at)
     SELECT gen_random_uuid(), $1 || '-' || g || '@test.praha.eu', 'Burst ' || g, 'not-a-hash', '{applicant}', 'cs', true, now(), now() FROM generate_series(1, $2) g
     RETURNING id`,
    [`${label}-${randomUUID().slice(0, 8)}`, n],
  )) as { id: string }[];
  const events = (await query(
    `WITH added AS (
       INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload, created_at, available_at, correlation_id)
       SELECT gen_random_uuid(), 'account.created', 'user', id::text, '{}'::jsonb, now(), now(), $2 FROM unnest($1::uuid[]) id RETURNING id
     ) SELECT id, pg_notify('outbox_event_added', '') FROM added`,
    [users.map((u) => u.id), label],
  )) as { id: string }[];
  return { users: users.map((u) => u.id), events: events.map((e) => e.id) };
}
