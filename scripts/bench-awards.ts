/*
 * `npm run bench:awards` — award decisions racing for one allocation.
 *
 * Recreates the "grants_bench_awards" database with a call in evaluation whose area I holds
 * 5 000 000 Kč and --n formally accepted applications asking 100 000–400 000 Kč each (together far
 * more than the area holds). Then records --n resolutions, one approval each, all at once through
 * AwardService (the same code as POST /calls/{id}/resolutions: validation, the allocation guards,
 * decisions, ledger entries split by activity, audit and outbox in one transaction each), with
 * --pool database connections. Reports decisions per second (accepted and refused together), how
 * many were approved and refused, and proves nothing was over-allocated from three independent
 * sources: the guard row, the sum of the effective decisions and the ledger.
 *
 * Flags: --n <decisions, 200>  --pool <DATABASE_POOL_SIZE, 20>
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { AccessModule } from '#access';
import { AuditModule } from '#audit';
import { AwardService, AwardsModule } from '#awards';
import { ConfigModule } from '#config';
import { DomainError, Money, systemActor } from '#core';
import { DatabaseModule } from '#database';
import { LedgerModule } from '#ledger';
import { OutboxModule } from '#outbox';
import { QueueModule } from '#queue';
import { SCHEMA } from '#schema';
import { StorageModule } from '#storage';
import { freshSchema, positiveIntegerFlags, provisionBenchDatabase } from './bench-database.js';
import { generator, seedCallInEvaluation } from './bench-seed.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const BENCH_DATABASE = 'grants_bench_awards';
const ALLOCATION = '5000000.00';

function parseOptions(argv: string[]) {
  return positiveIntegerFlags(argv, { n: 200, pool: 20 });
}

@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(SCHEMA), QueueModule.forRoot(), AccessModule, AuditModule, OutboxModule, StorageModule, LedgerModule, AwardsModule],
})
class BenchModule {}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  say('Benchmark „rozhodnutí“ / awards: concurrent decisions racing for one allocation');
  say(`  ${options.n} rozhodnutí najednou / decisions at once, pool ${options.pool}; ${cpus().length} jádra / cores, Node ${process.version}`);
  const { database } = await provisionBenchDatabase(BENCH_DATABASE, (line) => say(`  ${line}`));
  try {
    await freshSchema(database.url);

    const random = generator(2027);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const staffId = randomUUID();
    const now = new Date();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO app_user (id, email, display_name, password_hash, roles, language, is_active, created_at, updated_at) VALUES ($1, 'bench-awards@bench.praha.eu', 'Referentka', 'x', '{staff}', 'cs', true, $2, $2)`,
      [staffId, now],
    );
    const requested = Array.from({ length: options.n }, () => `${(100 + random(301)) * 1000}.00`);
    const seeded = await seedCallInEvaluation(client, { n: options.n, now, areaAllocations: [ALLOCATION, '1000000.00'], requested: (i) => requested[i], areaOf: () => 0 });
    await client.query('COMMIT');
    await client.end();
    const asked = Money.sum(requested.map((r) => Money.parse(r)));
    say(`  okruh I: alokace / allocation ${Money.parse(ALLOCATION).format()}, požadováno celkem / asked in total ${asked.format()}`);

    Object.assign(process.env, {
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(options.pool),
      STORAGE_DIR: '.data/bench-files',
      LOG_LEVEL: 'error',
      QUEUE_PREFIX: 'grants-bench-awards',
    });
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    try {
      const awards = app.get(AwardService);
      const staff = { ...systemActor('bench:awards'), userId: staffId, roles: ['staff' as const] };
      const adoptedOn = now.toISOString().slice(0, 10);
      const started = performance.now();
      const outcomes = await Promise.all(
        seeded.applications.map((applicationId, i) =>
          awards
            .recordResolution(staff, seeded.callId, {
              body: 'council',
              number: `USN RHMP ${i + 1}/2027`,
              adoptedOn,
              text: 'Rada hl. m. Prahy schvaluje poskytnutí dotace.',
              withoutCommissionReason: 'Benchmark: komise se nekonala.',
              decisions: [{ applicationId, outcome: 'approved', amount: requested[i] }],
            })
            .then(
              () => 'approved' as const,
              (error: unknown) => {
                if (error instanceof DomainError && error.code === 'ALLOCATION_EXCEEDED') return 'refused' as const;
                throw error;
              },
            ),
        ),
      );
      const seconds = (performance.now() - started) / 1000;
      const approved = outcomes.filter((o) => o === 'approved').length;

      const check = new pg.Client({ connectionString: database.url });
      await check.connect();
      const {
        rows: [state],
      } = await check.query<{ allocation: string; approved: string; decided: string | null; ledger: string | null }>(
        `SELECT f.allocation, f.approved,
                (SELECT sum(d.amount) FROM award_decision d JOIN application a ON a.id = d.application_id WHERE a.budget_area_id = f.budget_area_id) AS decided,
                (SELECT sum(l.amount) FROM ledger_entry l WHERE l.budget_area_id = f.budget_area_id AND l.kind = 'approved') AS ledger
           FROM area_funding f WHERE f.budget_area_id = $1`,
        [seeded.areas[0].id],
      );
      await check.end();
      const allocation = Money.parse(state.allocation);
      const totals = [Money.parse(state.approved), Money.parse(state.decided ?? '0'), Money.parse(state.ledger ?? '0')];
      if (!totals.every((t) => t.equals(totals[0]))) throw new Error(`the guard, the decisions and the ledger disagree: ${totals.map((t) => t.toString()).join(' / ')}`);
      const over = totals[0].compare(allocation) > 0 ? totals[0].subtract(allocation) : Money.ZERO;
      const perSecond = Math.round((options.n / seconds) * 10) / 10;
      say(
        `  schváleno / approved ${approved}, odmítnuto pro nedostatek alokace / refused ${options.n - approved}, za / in ${Math.round(seconds * 1000)} ms → ${perSecond} rozhodnutí/s`,
      );
      say(
        `  schváleno celkem / approved in total ${totals[0].format()} (ochrana / guard = rozhodnutí / decisions = účetní kniha / ledger), zbývá / remaining ${allocation.subtract(totals[0]).format()}`,
      );
      say('');
      say(`RESULT bench=awards decisions_per_s=${perSecond} overallocated=${over.toString()}`);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
