/*
 * `npm run bench:notifications` — 10 000 notification events end to end.
 *
 * For each queue backend (Redis, then BullMQ's PostgreSQL backend): recreates the "grants_bench_mail"
 * database, creates N users (not measured), starts the real worker as its own process against an
 * SMTP sink in this process, then commits N `account.created` outbox events in transactions of
 * --batch events, as a burst of sign-ups would. Each event becomes a welcome e-mail: relay → outbox
 * queue → handler (notification row) → mail queue → SMTP. Reports messages per second (first commit
 * to last SMTP acceptance), the delay from each event's commit to the sink accepting its message
 * (p50, p95, max), duplicates (messages beyond the first per event) and lost events (no message,
 * after the queue went quiet), and the ledger's own count of sent notifications.
 *
 * Flags: --n <events, 10000>  --batch <events per transaction, 100>  --backend <redis|postgres|both>
 *        --concurrency <MAIL_CONCURRENCY of the worker, 32>
 * BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the worker.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { describeQueueBackend, prepareQueueBackend, resolveQueueBackend } from '#queue';
import type { QueueBackend } from '#queue';
import { freshSchema, provisionBenchDatabase } from './bench-database.js';

interface Options {
  n: number;
  batch: number;
  backends: ('redis' | 'postgres')[];
  concurrency: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { n: 10_000, batch: 100, backends: ['redis', 'postgres'], concurrency: 32 };
  const numeric = (name: string, value: string | undefined): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} needs a positive integer (got ${value})`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--n':
        options.n = numeric('n', value());
        break;
      case '--batch':
        options.batch = numeric('batch', value());
        break;
      case '--concurrency':
        options.concurrency = numeric('concurrency', value());
        break;
      case '--backend': {
        const v = value();
        if (v !== 'redis' && v !== 'postgres' && v !== 'both') throw new Error('--backend is redis, postgres or both');
        options.backends = v === 'both' ? ['redis', 'postgres'] : [v];
        break;
      }
      default:
        throw new Error(`unknown option ${argv[i]}; use --n, --batch, --backend, --concurrency`);
    }
  }
  return options;
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DATABASE = 'grants_bench_mail';
const EVENT_HEADER = /^x-grants-event:\s*([0-9a-f-]{36})\s*$/im;

/** An SMTP server that notes, per outbox event, when each of its messages was accepted. Nothing else. */
class Sink {
  readonly accepted = new Map<string, number[]>();
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      maxClients: 200,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('latin1');
          const header = raw.slice(0, raw.indexOf('\r\n\r\n') >>> 0);
          const event = EVENT_HEADER.exec(header)?.[1];
          if (event) this.accepted.set(event, [...(this.accepted.get(event) ?? []), Date.now()]);
          callback();
        });
      },
    });
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitUntil(probe: () => boolean | Promise<boolean>, quietMs: number, progress: () => number): Promise<boolean> {
  let last = progress();
  let lastChange = Date.now();
  for (;;) {
    if (await probe()) return true;
    const now = progress();
    if (now !== last) {
      last = now;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > quietMs) {
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function startWorker(env: Record<string, string>): ChildProcess {
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the worker.
  const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, path.join(distRoot, 'apps/worker/src/main.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Inserts users and their account.created events; returns each event's commit time. */
async function commitEvents(client: pg.Client, users: string[], batch: number): Promise<Map<string, number>> {
  const committedAt = new Map<string, number>();
  for (let i = 0; i < users.length; i += batch) {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload, created_at, available_at, correlation_id)
       SELECT gen_random_uuid(), 'account.created', 'user', id::text, '{}'::jsonb, now(), now(), 'bench-notifications' FROM unnest($1::uuid[]) id
       RETURNING id`,
      [users.slice(i, i + batch)],
    );
    await client.query(`SELECT pg_notify('outbox_event_added', '')`);
    await client.query('COMMIT');
    const at = Date.now();
    for (const row of rows) committedAt.set(row.id, at);
  }
  return committedAt;
}

async function runBackend(kind: 'redis' | 'postgres', options: Options, databaseUrl: string, redisUrl: string | undefined): Promise<string> {
  const prefix = `grants-bench-mail-${process.pid}`;
  // auto: the configured Redis, or one answering locally; otherwise there is nothing to measure on Redis.
  const resolved = await resolveQueueBackend({ backend: kind === 'postgres' ? 'postgres' : 'auto', redisUrl, databaseUrl, prefix });
  const backend: QueueBackend | null = resolved.kind === kind ? resolved : null;
  if (!backend) {
    say(`  Redis: none configured or answering on 127.0.0.1:6379, skipped`);
    return `RESULT bench=notifications backend=redis skipped=no_redis`;
  }
  say('');
  say(`== ${describeQueueBackend(backend)}`);
  await freshSchema(databaseUrl);
  await prepareQueueBackend(backend);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows: users } = await client.query<{ id: string }>(
    `INSERT INTO app_user (id, email, display_name, password_hash, roles, language, is_active, created_at, updated_at)
     SELECT gen_random_uuid(), 'bench-' || g || '@bench.praha.eu', 'Uživatel ' || g, 'not-a-hash', '{applicant}', CASE WHEN g % 5 = 0 THEN 'en' ELSE 'cs' END, true, now(), now()
       FROM generate_series(1, $1) g RETURNING id`,
    [options.n + 1],
  );

  const sink = new Sink();
  await sink.start();
  const worker = startWorker({
    NODE_ENV: 'production',
    AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
    DATABASE_URL: databaseUrl,
    QUEUE_BACKEND: backend.kind,
    QUEUE_PREFIX: prefix,
    ...(backend.kind === 'redis' ? { REDIS_URL: backend.redisUrl } : {}),
    SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
    MAIL_CONCURRENCY: String(options.concurrency),
    MAIL_MAX_CONNECTIONS: '16',
    MAIL_RATE_PER_SECOND: '10000',
    LIFECYCLE_TICK_MS: '0',
    LOG_LEVEL: 'warn',
    STORAGE_DIR: '.data/bench-files',
  });
  try {
    // Warm-up: one event through the whole path proves the worker is up (not measured).
    const warm = await commitEvents(client, [users[0].id], 1);
    const warmId = [...warm.keys()][0];
    if (
      !(await waitUntil(
        () => sink.accepted.has(warmId),
        60_000,
        () => sink.accepted.size,
      ))
    )
      throw new Error('the worker did not deliver the warm-up message within 60 s');

    const measured = users.slice(1).map((u) => u.id);
    say(`  ${options.n} událostí v dávkách po ${options.batch} / events in transactions of ${options.batch}; worker MAIL_CONCURRENCY ${options.concurrency}`);
    const firstCommit = Date.now();
    const committedAt = await commitEvents(client, measured, options.batch);
    const commitMs = Date.now() - firstCommit;
    const delivered = () => [...committedAt.keys()].filter((id) => sink.accepted.has(id)).length;
    let lastReport = Date.now();
    await waitUntil(
      () => {
        const done = delivered();
        if (Date.now() - lastReport > 5000) {
          say(`    … ${done}/${options.n} doručeno / delivered`);
          lastReport = Date.now();
        }
        return done === options.n;
      },
      30_000,
      () => [...sink.accepted.values()].reduce((sum, list) => sum + list.length, 0),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000)); // would anything arrive twice late?

    const delays: number[] = [];
    let duplicates = 0;
    let lost = 0;
    let lastAccepted = firstCommit;
    for (const [id, at] of committedAt) {
      const accepted = sink.accepted.get(id) ?? [];
      if (accepted.length === 0) lost++;
      else {
        duplicates += accepted.length - 1;
        delays.push(accepted[0] - at);
        lastAccepted = Math.max(lastAccepted, accepted[0]);
      }
    }
    delays.sort((a, b) => a - b);
    const seconds = (lastAccepted - firstCommit) / 1000;
    const perSecond = Math.round(((options.n - lost) / Math.max(seconds, 0.001)) * 10) / 10;
    const {
      rows: [ledger],
    } = await client.query<{ sent: string; other: string }>(
      `SELECT count(*) FILTER (WHERE email_status = 'sent') AS sent, count(*) FILTER (WHERE email_status <> 'sent') AS other FROM notification WHERE kind = 'account_welcome'`,
    );
    say(`  zápis událostí / committing the events: ${commitMs} ms`);
    say(`  doručeno / delivered ${options.n - lost} of ${options.n} in ${seconds} s → ${perSecond} zpráv/s / msgs/s`);
    say(`  zpoždění od commitu po přijetí SMTP / commit → SMTP acceptance: p50 ${percentile(delays, 50)} ms, p95 ${percentile(delays, 95)} ms, max ${percentile(delays, 100)} ms`);
    say(`  duplicity / duplicates ${duplicates}, ztraceno / lost ${lost}; záznam o doručení / ledger: ${ledger.sent} sent, ${ledger.other} other (warm-up included)`);
    return `RESULT bench=notifications backend=${backend.kind} msgs_per_s=${perSecond} p95_delay_ms=${percentile(delays, 95)} duplicates=${duplicates} lost=${lost}`;
  } finally {
    worker.kill('SIGTERM');
    await new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once('exit', resolve)));
    await client.end();
    await sink.close();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  say('Benchmark „oznámení“ / notifications: outbox → fronta / queue → SMTP');
  say(`  ${cpus().length} jádra / cores, Node ${process.version}`);
  const { database, config: base } = await provisionBenchDatabase(BENCH_DATABASE, (line) => say(`  ${line}`));
  const results: string[] = [];
  try {
    for (const kind of options.backends) results.push(await runBackend(kind, options, database.url, base.queue.redisUrl));
  } finally {
    await database.stop();
  }
  say('');
  for (const line of results) say(line);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
