/*
 * `npm run bench:evaluation` — a commission's arithmetic at the scale of a large call.
 *
 * Recreates the "grants_bench_eval" database and fills it directly with SQL (not measured): a call in
 * evaluation with 5 weighted criteria (one with a minimum), two budget areas, 1 000 formally accepted
 * applications of 1 000 organisations, a commission of 9 members who declared (a few conflicts), 3
 * submitted score sheets per application (some criteria "not applicable"), and a session with
 * attendance, consensus scores, cuts and votes. Then, through the real services:
 *   ranking_ms     — ResultsService.compute: load every sheet and decision, score, rank and recommend
 *                    both areas (median of --runs runs after one warm-up);
 *   minutes_pdf_ms — SessionService.minutes of the closed session: gather the data and render the
 *                    official minutes PDF (every application, with its explanation) and store it.
 * Targets: ranking + recommendation < 1 s, minutes < 5 s.
 *
 * Flags: --n <applications, 1000>  --members <9>  --runs <5>
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
import { ConfigModule } from '#config';
import { systemActor } from '#core';
import { DatabaseModule } from '#database';
import { EvaluationModule, ResultsService, SessionService } from '#evaluation';
import { LedgerModule } from '#ledger';
import { OutboxModule } from '#outbox';
import { QueueModule } from '#queue';
import { SCHEMA } from '#schema';
import { StorageModule } from '#storage';
import { freshSchema, positiveIntegerFlags, provisionBenchDatabase } from './bench-database.js';
import { generator, seedCallInEvaluation } from './bench-seed.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const BENCH_DATABASE = 'grants_bench_eval';

function parseOptions(argv: string[]) {
  return positiveIntegerFlags(argv, { n: 1000, members: 9, runs: 5 });
}

@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(SCHEMA), QueueModule.forRoot(), AccessModule, AuditModule, OutboxModule, StorageModule, LedgerModule, EvaluationModule],
})
class BenchModule {}

async function seed(client: pg.Client, options: { n: number; members: number }) {
  const random = generator(2023);
  const now = new Date();
  const staffId = randomUUID();
  const members = Array.from({ length: options.members }, () => randomUUID());
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO app_user (id, email, display_name, password_hash, roles, language, is_active, created_at, updated_at)
     SELECT id, 'bench-eval-' || ord || '@bench.praha.eu', CASE WHEN ord = 1 THEN 'Tajemnice Řehořová' ELSE 'Člen komise č. ' || ord END, 'not-a-hash',
            CASE WHEN ord = 1 THEN '{staff}' ELSE '{commission_member}' END::text[], 'cs', true, $2, $2
       FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord)`,
    [[staffId, ...members], now],
  );
  const { callId, criteria, organisations, applications } = await seedCallInEvaluation(client, {
    n: options.n,
    now,
    areaAllocations: ['60000000.00', '5000000.00'],
    requested: () => `${(50 + random(1150)) * 1000}.00`,
    areaOf: (i) => (i % 10 === 9 ? 1 : 0),
  });

  const commissionId = randomUUID();
  await client.query(
    `INSERT INTO commission (id, call_id, name, chair_user_id, secretary_user_id, reviewers_per_application, spread_limit, overall_threshold, quorum_percent, strategy, allow_partial, created_at, version)
     VALUES ($1, $2, 'Hodnoticí komise zkušební výzvy', $3, $4, 3, '15', '35', 51, 'rank_order', true, $5, 1)`,
    [commissionId, callId, members[0], staffId, now],
  );
  await client.query(`INSERT INTO commission_member (commission_id, user_id, added_at) SELECT $1, id, $3 FROM unnest($2::uuid[]) id`, [commissionId, members, now]);
  // Every member declares on every organisation; every 97th pair is a conflict.
  await client.query(
    `INSERT INTO coi_declaration (commission_id, user_id, organisation_id, conflict, reason, declared_at)
     SELECT $1, m.id, o.id, (m.ord * 31 + o.ord) % 97 = 0, CASE WHEN (m.ord * 31 + o.ord) % 97 = 0 THEN 'Člen statutárního orgánu žadatele' END, $4
       FROM unnest($2::uuid[]) WITH ORDINALITY AS m(id, ord), unnest($3::uuid[]) WITH ORDINALITY AS o(id, ord)`,
    [commissionId, members, organisations, now],
  );
  const conflicts = new Set(
    (
      (await client.query(`SELECT user_id, organisation_id FROM coi_declaration WHERE commission_id = $1 AND conflict`, [commissionId])).rows as {
        user_id: string;
        organisation_id: string;
      }[]
    ).map((r) => `${r.user_id}:${r.organisation_id}`),
  );
  const assignments: [string, string][] = [];
  const sheets: [string, string, string][] = [];
  let cursor = 0;
  for (const [i, applicationId] of applications.entries()) {
    const reviewers: string[] = [];
    while (reviewers.length < 3) {
      const member = members[cursor++ % members.length];
      if (!reviewers.includes(member) && !conflicts.has(`${member}:${organisations[i]}`)) reviewers.push(member);
    }
    for (const reviewer of reviewers) {
      assignments.push([applicationId, reviewer]);
      const quality = 30 + random(70);
      const scores = criteria.map((c) => {
        const notApplicable = c.code === 'K5' && random(4) === 0;
        return {
          criterionId: c.id,
          score: notApplicable ? null : Math.min(c.max, Math.round((c.max * (quality + random(21) - 10)) / 100)),
          notApplicable,
          justification: 'Odůvodnění hodnocení kritéria podle metodiky komise.',
        };
      });
      sheets.push([applicationId, reviewer, JSON.stringify(scores)]);
    }
  }
  await client.query(`INSERT INTO review_assignment (application_id, user_id, commission_id, assigned_at) SELECT a, u, $3, $4 FROM unnest($1::uuid[], $2::uuid[]) AS x(a, u)`, [
    assignments.map((a) => a[0]),
    assignments.map((a) => a[1]),
    commissionId,
    now,
  ]);
  await client.query(
    `INSERT INTO score_sheet (id, commission_id, application_id, user_id, status, scores, version, updated_at, submitted_at)
     SELECT gen_random_uuid(), $4, a, u, 'submitted', s::jsonb, 2, $5, $5 FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(a, u, s)`,
    [sheets.map((s) => s[0]), sheets.map((s) => s[1]), sheets.map((s) => s[2]), commissionId, now],
  );
  const sessionId = randomUUID();
  await client.query(
    `INSERT INTO commission_session (id, commission_id, number, held_at, place, status, attendance, conclusion, version) VALUES ($1, $2, '1/2027', $3, 'Mariánské náměstí 2, Praha 1', 'open', $4, '', 1)`,
    [sessionId, commissionId, now, members.slice(0, Math.max(1, members.length - 2))],
  );
  for (let i = 0; i < applications.length; i += 50) {
    await client.query(
      `INSERT INTO session_decision (session_id, application_id, discussion_notes, consensus_points, consensus_reason, cut_amount, cut_reason, updated_at)
       VALUES ($1, $2, 'Projednáno: rozdílná hodnocení kvality projektu.', $3, 'Komise se shodla na vyšší kvalitě, než ukazuje průměr.', $4, $5, $6)`,
      [sessionId, applications[i], i % 100 === 0 ? '71.5' : null, i % 150 === 0 ? '20000.00' : null, i % 150 === 0 ? 'Nezpůsobilá položka: pohoštění' : null, now],
    );
    await client.query(`INSERT INTO session_vote (session_id, application_id, user_id, vote, cast_at) SELECT $1, $2, u, 'for', $4 FROM unnest($3::uuid[]) u`, [
      sessionId,
      applications[i],
      members.slice(0, 5),
      now,
    ]);
  }
  await client.query('COMMIT');
  return { commissionId, sessionId, staffId, sheets: sheets.length };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  say('Benchmark „hodnocení“ / evaluation: ranking, recommendation and minutes');
  say(`  ${options.n} žádostí / applications, ${options.members} členů / members, 5 kritérií / criteria; ${cpus().length} jádra / cores, Node ${process.version}`);
  const { database } = await provisionBenchDatabase(BENCH_DATABASE, (line) => say(`  ${line}`));
  try {
    await freshSchema(database.url);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const seeded = await seed(client, options);
    await client.end();
    say(`  data: ${seeded.sheets} hodnoticích listů / score sheets`);

    Object.assign(process.env, { DATABASE_URL: database.url, STORAGE_DIR: '.data/bench-files', LOG_LEVEL: 'error', QUEUE_PREFIX: 'grants-bench-eval' });
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    try {
      const results = app.get(ResultsService);
      const sessions = app.get(SessionService);
      await results.compute(seeded.commissionId); // warm-up: JIT, connection pool
      const timings: number[] = [];
      let last = null as Awaited<ReturnType<ResultsService['compute']>> | null;
      for (let run = 0; run < options.runs; run++) {
        const started = performance.now();
        last = await results.compute(seeded.commissionId);
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      const rankingMs = Math.round(timings[Math.floor(timings.length / 2)]);
      for (const area of last!.areas) {
        const funded = area.recommendation.lines.filter((l) => l.recommended !== '0.00').length;
        say(
          `  okruh / area ${area.code}: ${area.ranking.length} v pořadí / ranked, ${funded} doporučeno / recommended, ${area.recommendation.recommendedTotal} of ${area.allocation} (zbývá / remaining ${area.recommendation.remaining})`,
        );
        if (BigInt(area.recommendation.recommendedTotal.replace('.', '')) > BigInt(area.allocation.replace('.', ''))) throw new Error(`area ${area.code} over-allocated`);
      }
      say(
        `  pořadí + doporučení / ranking + recommendation: median ${rankingMs} ms of ${options.runs} (min ${Math.round(timings[0])}, max ${Math.round(timings.at(-1)!)}) — cíl / target < 1000 ms`,
      );

      const staff = { ...systemActor('bench:evaluation'), userId: seeded.staffId, roles: ['staff' as const] };
      const session = await sessions.get(staff, seeded.sessionId);
      await sessions.close(staff, seeded.sessionId, { conclusion: 'Komise doporučuje Radě hl. m. Prahy poskytnout dotace podle přiloženého pořadí.', version: session.version });
      const started = performance.now();
      const { stream } = await sessions.minutes(seeded.sessionId);
      let bytes = 0;
      for await (const chunk of stream) bytes += (chunk as Buffer).length;
      const minutesMs = Math.round(performance.now() - started);
      say(`  zápis PDF / minutes PDF: ${minutesMs} ms, ${Math.round(bytes / 1024)} kB — cíl / target < 5000 ms`);
      say('');
      say(`RESULT bench=evaluation ranking_ms=${rankingMs} minutes_pdf_ms=${minutesMs}`);
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
