/*
 * `npm run bench:reports` — the auditor's reports over ten years of history.
 *
 * Recreates the "grants_bench_reports" database, imports the real strategy (Koncepce 2022–2027 and the
 * 2023 action plan), and fills it with SQL (not measured) as if the system had served Prague's grant
 * programmes for ten years: --calls calls a year, 1 000 applications each (30 000), every third
 * approved with an agreement (10 000), five paid tranches each (50 000 payments), a settlement with
 * fifty cost documents each (500 000), and every money event in the ledger split over two real funded
 * activities. Then, through the real services, measures:
 *   trace_p95_ms   — TraceService.node for measures of the action plan (p95 over 100 runs);
 *   fulfilment_ms  — FulfilmentService.report for the action plan;
 *   export_s       — the whole open-data CSV, streamed and counted;
 *   peak_rss_mb    — the process's peak resident memory (process.resourceUsage().maxRSS).
 * Targets: trace p95 < 300 ms, fulfilment < 5 s, export < 30 s with flat memory.
 *
 * Flags: --years <10>  --calls <3 per year>  --per-call <1000 applications>
 */
import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { AccessModule } from '#access';
import { AuditModule } from '#audit';
import { ConfigModule } from '#config';
import { systemActor } from '#core';
import { DatabaseModule } from '#database';
import { LedgerModule } from '#ledger';
import { OutboxModule } from '#outbox';
import { QueueModule } from '#queue';
import { FulfilmentService, OpenDataService, ReportsModule, TraceService } from '#reports';
import { SCHEMA } from '#schema';
import { StorageModule } from '#storage';
import { StrategyModule, StrategyService } from '#strategy';
import { freshSchema, positiveIntegerFlags, provisionBenchDatabase } from './bench-database.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const BENCH_DATABASE = 'grants_bench_reports';

function parseOptions(argv: string[]) {
  return positiveIntegerFlags(argv, { years: 10, calls: 3, perCall: 1000 });
}

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(SCHEMA),
    QueueModule.forRoot(),
    AccessModule,
    AuditModule,
    OutboxModule,
    StorageModule,
    LedgerModule,
    StrategyModule,
    ReportsModule,
  ],
})
class BenchModule {}

/**
 * The whole history in set-based statements; the ledger's parts are 2/3 and 1/3 of each event, adding up exactly.
 * Only its own applications (numbered HIST-…) get ledger entries, so it can also fill a database with other data (bench:portal).
 */
/**
 * What the history is seeded for: the latest action plan's activities funded through the programme, and two staff
 * users (one orders the payments, the other approves them). Used by bench:reports and bench:portal's auditor part.
 */
export async function historyPrerequisites(client: pg.Client): Promise<{ planId: string; activities: string[]; staffId: string; approverId: string }> {
  const {
    rows: [plan],
  } = await client.query<{ id: string }>(
    // The newest plan with activities funded through the programme (another benchmark may have added a plan without a year or any such activity).
    `SELECT v.id FROM strategy_version v WHERE v.kind = 'action-plan'
        AND EXISTS (SELECT 1 FROM strategy_node n WHERE n.version_id = v.id AND n.level = 'activity' AND n.funded_by_grant_programme)
      ORDER BY v.year DESC NULLS LAST, v.imported_at DESC LIMIT 1`,
  );
  const { rows: activities } = await client.query<{ id: string }>(
    `SELECT id FROM strategy_node WHERE version_id = $1 AND level = 'activity' AND funded_by_grant_programme ORDER BY position, code`,
    [plan.id],
  );
  const {
    rows: [staff, approver],
  } = await client.query<{ id: string }>(
    `INSERT INTO app_user (id, email, display_name, password_hash, roles, language, is_active, created_at, updated_at)
     VALUES (gen_random_uuid(), 'referent@bench.praha.eu', 'Referent', 'x', '{staff}', 'cs', true, now(), now()),
            (gen_random_uuid(), 'schvalovatel@bench.praha.eu', 'Schvalovatel', 'x', '{staff}', 'cs', true, now(), now()) RETURNING id`,
  );
  return { planId: plan.id, activities: activities.map((a) => a.id), staffId: staff.id, approverId: approver.id };
}

export async function seed(client: pg.Client, options: { years: number; calls: number; perCall: number }, activities: string[], staffId: string, approverId: string) {
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    say(`    ${label}: ${result.rowCount ?? 0} (${Math.round(performance.now() - started)} ms)`);
  };
  const calls = options.years * options.calls;
  const applications = calls * options.perCall;
  await client.query('BEGIN');
  await step(
    'výzvy / calls',
    `
    INSERT INTO grant_call (id, code, year, title, status, eligible_applicant_types, cost_categories, state_aid_regime, version, created_at, updated_at, min_grant, max_grant, total_allocation,
                            reviewers_per_application, purpose, reasons, opens_at, closes_at, decision_deadline, conditions, settlement_deadline, published_at)
    SELECT md5('call' || c)::uuid, 'HIST-' || c, 2016 + (c - 1) / $2, 'Dotační program č. ' || c, 'decided', '{ngo,city_district}', '[]', 'none', 1, now(), now(), 20000, 2000000, 500000000,
           3, 'Účel', 'Důvody', make_timestamptz(2015 + (c - 1) / $2, 10, 1, 0, 0, 0), make_timestamptz(2015 + (c - 1) / $2, 11, 1, 0, 0, 0), make_date(2016 + (c - 1) / $2, 3, 31),
           'Podmínky', make_date(2017 + (c - 1) / $2, 1, 31), make_timestamptz(2015 + (c - 1) / $2, 9, 1, 0, 0, 0)
      FROM generate_series(1, $1) c`,
    [calls, options.calls],
  );
  await step(
    'okruhy / areas',
    `
    INSERT INTO call_budget_area (id, call_id, code, name, allocation, position)
    SELECT md5('area' || c || k)::uuid, md5('call' || c)::uuid, k, 'Okruh ' || k, 250000000, CASE k WHEN 'I' THEN 0 ELSE 1 END FROM generate_series(1, $1) c, unnest('{I,II}'::text[]) k`,
    [calls],
  );
  await step(
    'organizace / organisations',
    `
    INSERT INTO organisation (id, type, legal_form, name, ico, seat_street, seat_city, seat_postal_code, created_at, updated_at, version)
    SELECT md5('org' || o)::uuid, CASE WHEN o % 20 = 0 THEN 'city_district' ELSE 'ngo' END, CASE WHEN o % 20 = 0 THEN NULL ELSE 'spolek' END, 'Organizace č. ' || o,
           lpad((3000000 + o)::text, 7, '0') || ((11 - (
             8 * substr(lpad((3000000 + o)::text, 7, '0'), 1, 1)::int + 7 * substr(lpad((3000000 + o)::text, 7, '0'), 2, 1)::int + 6 * substr(lpad((3000000 + o)::text, 7, '0'), 3, 1)::int +
             5 * substr(lpad((3000000 + o)::text, 7, '0'), 4, 1)::int + 4 * substr(lpad((3000000 + o)::text, 7, '0'), 5, 1)::int + 3 * substr(lpad((3000000 + o)::text, 7, '0'), 6, 1)::int +
             2 * substr(lpad((3000000 + o)::text, 7, '0'), 7, 1)::int) % 11) % 10)::text,
           'Ulice ' || o, 'Praha', '110 00', now(), now(), 1
      FROM generate_series(1, 3000) o`,
  );
  await step(
    'žádosti / applications',
    `
    INSERT INTO application (id, number, call_id, organisation_id, status, draft, draft_version, current_version_no, title, budget_area_id, requested_amount, total_cost, first_submitted_at, last_submitted_at, created_at, updated_at)
    SELECT md5('app' || i)::uuid, 'HIST-' || i, md5('call' || ((i - 1) / $2 + 1))::uuid, md5('org' || ((i - 1) % 3000 + 1))::uuid, 'accepted', '{}', 1, 1, 'Projekt č. ' || i,
           md5('area' || ((i - 1) / $2 + 1) || CASE WHEN i % 10 = 0 THEN 'II' ELSE 'I' END)::uuid, (50000 + (i * 7919) % 450000)::numeric, (100000 + (i * 7919) % 900000)::numeric, now(), now(), now(), now()
      FROM generate_series(1, $1) i`,
    [applications, options.perCall],
  );
  await step(
    'mapování na aktivity / activity shares',
    `
    INSERT INTO application_activity (application_id, strategy_node_id, share_basis_points)
    SELECT md5('app' || i)::uuid, ($2::uuid[])[1 + i % array_length($2::uuid[], 1)], 6667 FROM generate_series(1, $1) i
    UNION ALL SELECT md5('app' || i)::uuid, ($2::uuid[])[1 + (i + 7) % array_length($2::uuid[], 1)], 3333 FROM generate_series(1, $1) i`,
    [applications, activities],
  );
  await step(
    'usnesení / resolutions',
    `
    INSERT INTO resolution (id, call_id, body, number, adopted_on, text, recorded_at, recorded_by)
    SELECT md5('res' || c)::uuid, md5('call' || c)::uuid, 'council', 'USN RHMP ' || c, make_date(2016 + (c - 1) / $2, 3, 15), 'Rada schvaluje.', now(), $3 FROM generate_series(1, $1) c`,
    [calls, options.calls, staffId],
  );
  await step(
    'rozhodnutí / decisions',
    `
    INSERT INTO award_decision (id, application_id, resolution_id, outcome, amount, requested_amount, conditions, decided_at)
    SELECT md5('dec' || i)::uuid, md5('app' || i)::uuid, md5('res' || ((i - 1) / $2 + 1))::uuid, 'approved', round((50000 + (i * 7919) % 450000) * 0.8), (50000 + (i * 7919) % 450000), '{}', now()
      FROM generate_series(3, $1, 3) i`,
    [applications, options.perCall],
  );
  await step(
    'smlouvy / agreements',
    `
    INSERT INTO agreement (id, application_id, decision_id, number, version, status, amount, committed, purpose, purpose_from, purpose_to, settlement_deadline, conditions, tranches, register_required,
                           signed_on, published_on, register_id, created_at, updated_at, row_version)
    SELECT md5('agr' || i)::uuid, md5('app' || i)::uuid, md5('dec' || i)::uuid, 'SML-' || i, 1, 'effective', d.amount, d.amount, 'Účel', '2020-01-01', '2020-12-31', '2021-01-31', '[]', '[]', true,
           '2020-03-01', '2020-03-10', 'R' || i, now(), now(), 1
      FROM generate_series(3, $1, 3) i JOIN award_decision d ON d.id = md5('dec' || i)::uuid`,
    [applications],
  );
  await step(
    'platby / payments',
    `
    INSERT INTO payment (id, agreement_id, tranche_no, amount, status, ordered_by, ordered_at, approved_by, approved_at, exported_at, bank_reference, paid_on, version)
    SELECT md5('pay' || g.id || t)::uuid, g.id, t, CASE WHEN t < 5 THEN round(g.amount / 5, 2) ELSE g.amount - 4 * round(g.amount / 5, 2) END, 'paid', $1, now(), $2, now(), now(), 'B' || t, '2020-04-01', 4
      FROM agreement g, generate_series(1, 5) t`,
    [staffId, approverId],
  );
  await step(
    'vyúčtování / settlements',
    `
    INSERT INTO settlement (id, agreement_id, status, report, submitted_at, late, eligible_total, return_due, return_due_date, returned, closed_at, version)
    SELECT md5('set' || g.id)::uuid, g.id, 'closed', jsonb_build_array(jsonb_build_object('indicator', 'počet podpořených osob', 'unit', 'osoba', 'promised', 100, 'achieved', 90 + (abs(hashtext(g.id::text)) % 30))),
           now(), false, g.amount - round(g.amount * 0.05, 2), round(g.amount * 0.05, 2), '2021-03-31', round(g.amount * 0.05, 2), now(), 3
      FROM agreement g`,
  );
  await step(
    'účetní doklady / cost documents',
    `
    INSERT INTO cost_document (id, settlement_id, budget_line_id, number, issued_on, supplier, amount, paid_on, review, eligible_amount)
    SELECT gen_random_uuid(), s.id, s.id, 'FV-' || n, '2020-06-01', 'Dodavatel ' || n, round(s.eligible_total / 50, 2), '2020-06-15', 'eligible', round(s.eligible_total / 50, 2)
      FROM settlement s, generate_series(1, 50) n`,
  );
  // Every money event of the ledger, two parts each (2/3 to the first activity, the rest to the second).
  const ledger = (label: string, kind: string, source: string) =>
    step(
      `účetní kniha / ledger: ${label}`,
      `
    WITH events AS (${source})
    INSERT INTO ledger_entry (id, event_id, kind, occurred_at, call_id, budget_area_id, application_id, activity_id, amount, source_type, source_id, actor_user_id, correlation_id)
    SELECT gen_random_uuid(), e.event_id, '${kind}', e.at, a.call_id, a.budget_area_id, a.id, aa.strategy_node_id,
           CASE WHEN aa.share_basis_points = 6667 THEN round(e.amount * 0.6667, 2) ELSE e.amount - round(e.amount * 0.6667, 2) END, '${kind}', e.event_id::text, $1, 'bench'
      FROM events e JOIN application a ON a.id = e.application_id AND a.number LIKE 'HIST-%' JOIN application_activity aa ON aa.application_id = a.id`,
      [staffId],
    );
  await ledger(
    'requested',
    'requested',
    `SELECT gen_random_uuid() AS event_id, id AS application_id, requested_amount AS amount, make_timestamptz(2015 + (right(number, -5)::int - 1) / ${options.perCall * options.calls}, 11, 1, 0, 0, 0) AS at FROM application WHERE number LIKE 'HIST-%'`,
  );
  await ledger('approved', 'approved', `SELECT gen_random_uuid() AS event_id, application_id, amount, now() AS at FROM award_decision`);
  await ledger('contracted', 'contracted', `SELECT gen_random_uuid() AS event_id, application_id, amount, now() AS at FROM agreement`);
  await ledger('paid', 'paid', `SELECT gen_random_uuid() AS event_id, g.application_id, p.amount, now() AS at FROM payment p JOIN agreement g ON g.id = p.agreement_id`);
  await ledger(
    'settled',
    'settled',
    `SELECT gen_random_uuid() AS event_id, g.application_id, s.eligible_total AS amount, now() AS at FROM settlement s JOIN agreement g ON g.id = s.agreement_id`,
  );
  await ledger(
    'returned',
    'returned',
    `SELECT gen_random_uuid() AS event_id, g.application_id, s.returned AS amount, now() AS at FROM settlement s JOIN agreement g ON g.id = s.agreement_id`,
  );
  await client.query('COMMIT');
  await client.query('ANALYZE');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  say('Benchmark „sestavy“ / reports: trace, fulfilment report and open data over ten years');
  say(`  ${cpus().length} jádra / cores, Node ${process.version}`);
  const { database } = await provisionBenchDatabase(BENCH_DATABASE, (line) => say(`  ${line}`));
  try {
    await freshSchema(database.url);
    Object.assign(process.env, { DATABASE_URL: database.url, STORAGE_DIR: '.data/bench-files', LOG_LEVEL: 'error', QUEUE_PREFIX: 'grants-bench-reports' });
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    try {
      const strategy = app.get(StrategyService);
      for (const name of ['koncepce-2022-2027.txt', 'akcni-plan-2023.txt']) {
        const text = await readFile(new URL(`../../libs/strategy/seeds/${name}`, import.meta.url), 'utf8');
        await strategy.importDocument(systemActor('bench:reports'), text, name);
      }
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { planId, activities, staffId, approverId } = await historyPrerequisites(client);
      say(`  strategie / strategy: ${activities.length} aktivit financovaných z dotačního programu / funded activities`);
      say('  historie / history:');
      const seeded = performance.now();
      await seed(client, options, activities, staffId, approverId);
      const {
        rows: [counts],
      } = await client.query<Record<string, string>>(
        `SELECT (SELECT count(*) FROM application) AS applications, (SELECT count(*) FROM agreement) AS agreements, (SELECT count(*) FROM payment) AS payments,
                (SELECT count(*) FROM cost_document) AS cost_documents, (SELECT count(*) FROM ledger_entry) AS ledger`,
      );
      say(
        `  ${counts.applications} žádostí, ${counts.agreements} smluv, ${counts.payments} plateb, ${counts.cost_documents} dokladů, ${counts.ledger} položek účetní knihy (${Math.round((performance.now() - seeded) / 1000)} s)`,
      );
      const { rows: measures } = await client.query<{ id: string }>(
        `SELECT DISTINCT n.parent_id AS id FROM strategy_node n WHERE n.version_id = $1 AND n.level = 'activity' AND n.funded_by_grant_programme`,
        [planId],
      );
      await client.end();

      const actor = { ...systemActor('bench:reports'), userId: staffId, roles: ['auditor' as const] };
      const trace = app.get(TraceService);
      await trace.node(actor, measures[0].id, {}); // warm-up
      const timings: number[] = [];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        await trace.node(actor, measures[i % measures.length].id, i % 4 === 0 ? { year: 2016 + (i % options.years) } : {});
        timings.push(performance.now() - started);
      }
      timings.sort((a, b) => a - b);
      const traceP95 = Math.round(timings[Math.ceil(timings.length * 0.95) - 1]);
      say(`  stopa opatření / trace of a measure: p50 ${Math.round(timings[49])} ms, p95 ${traceP95} ms (cíl / target < 300 ms)`);

      const fulfilmentStarted = performance.now();
      const report = await app.get(FulfilmentService).report(actor, planId, {});
      const fulfilmentMs = Math.round(performance.now() - fulfilmentStarted);
      say(`  zpráva o naplňování / fulfilment report: ${fulfilmentMs} ms, ${report.activities.length} aktivit (cíl / target < 5 s)`);

      const rssBefore = process.memoryUsage().rss;
      const exportStarted = performance.now();
      let bytes = 0;
      let lines = 0;
      for await (const chunk of app.get(OpenDataService).csv()) {
        bytes += Buffer.byteLength(chunk);
        lines++;
      }
      const exportS = Math.round((performance.now() - exportStarted) / 100) / 10;
      const rssAfter = process.memoryUsage().rss;
      say(
        `  otevřená data / open-data export: ${lines - 1} řádků, ${Math.round(bytes / 1024 / 1024)} MB za ${exportS} s (cíl / target < 30 s); RSS ${Math.round(rssBefore / 1048576)} → ${Math.round(rssAfter / 1048576)} MB`,
      );
      const peakRss = Math.round(process.resourceUsage().maxRSS / 1024);
      say(`  nejvyšší paměť procesu / peak RSS: ${peakRss} MB`);
      say('');
      say(`RESULT bench=reports trace_p95_ms=${traceP95} fulfilment_ms=${fulfilmentMs} export_s=${exportS} peak_rss_mb=${peakRss}`);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

// Run when started as the bench; bench:portal imports `seed` for the auditor's trace explorer.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
