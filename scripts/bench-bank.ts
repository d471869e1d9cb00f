/*
 * `npm run bench:bank` — a camt.053 bank statement of 10 000 lines imported and matched.
 *
 * Recreates the "grants_bench_bank" database with a call in evaluation and --agreements approved
 * applications of 40 000 Kč, takes each through the real services (decision, agreement, signature,
 * payment order, second officer's approval) and exports the orders as one pain.001 batch. Then builds
 * a statement of --lines lines: one debit per exported order (its end-to-end id, as a bank quotes it
 * back) and, for the rest, incoming payments no one owes (unknown variable symbols), and imports it
 * through BankFilesService (the same code as POST /bank-statements: parse, match, confirm each order
 * with its ledger entry and audit, keep every line) in one transaction. Reports lines per second and
 * what was matched; then imports the same statement again and proves nothing changed.
 *
 * Flags: --lines <statement lines, 10000>  --agreements <orders to match, 200>
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
import { AgreementService, AwardService, AwardsModule, BankFilesService, PaymentService } from '#awards';
import { ConfigModule } from '#config';
import { czechIban, systemActor } from '#core';
import { DatabaseModule } from '#database';
import { LedgerModule } from '#ledger';
import { OutboxModule } from '#outbox';
import { QueueModule } from '#queue';
import { SCHEMA } from '#schema';
import { StorageModule } from '#storage';
import { camt053Statement } from './camt053-statement.js';
import type { CamtTestEntry } from './camt053-statement.js';
import { freshSchema, positiveIntegerFlags, provisionBenchDatabase } from './bench-database.js';
import { seedCallInEvaluation } from './bench-seed.js';

const say = (line = '') => process.stdout.write(`${line}\n`);
const BENCH_DATABASE = 'grants_bench_bank';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(SCHEMA), QueueModule.forRoot(), AccessModule, AuditModule, OutboxModule, StorageModule, LedgerModule, AwardsModule],
})
class BenchModule {}

async function main(): Promise<void> {
  const options = positiveIntegerFlags(process.argv.slice(2), { lines: 10_000, agreements: 200 });
  if (options.agreements > options.lines) throw new Error('--agreements must not exceed --lines');
  say('Benchmark „banka“ / bank: a camt.053 statement imported and matched');
  say(`  ${options.lines} řádků / lines, ${options.agreements} příkazů k spárování / orders to match; ${cpus().length} jádra / cores, Node ${process.version}`);
  const { database } = await provisionBenchDatabase(BENCH_DATABASE, (line) => say(`  ${line}`));
  try {
    await freshSchema(database.url);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const [ordering, approving] = [randomUUID(), randomUUID()];
    const now = new Date();
    await client.query('BEGIN');
    for (const [i, id] of [ordering, approving].entries()) {
      await client.query(
        `INSERT INTO app_user (id, email, display_name, password_hash, roles, language, is_active, created_at, updated_at) VALUES ($1, $2, 'Referentka', 'x', '{staff}', 'cs', true, $3, $3)`,
        [id, `bench-bank-${i}@bench.praha.eu`, now],
      );
    }
    const seeded = await seedCallInEvaluation(client, {
      n: options.agreements,
      now,
      areaAllocations: ['100000000.00', '1000000.00'],
      requested: () => '40000.00',
      areaOf: () => 0,
    });
    await client.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [seeded.organisations]);
    // What the agreement must state of the recipient (§ 10a odst. 5): who signs for it.
    await client.query(
      `UPDATE application SET draft = jsonb_set(coalesce(draft, '{}'::jsonb), '{representatives}', '[{"name": "Jana Nováková", "function": "předsedkyně spolku", "basis": "statutory"}]'::jsonb) WHERE id = ANY($1::uuid[])`,
      [seeded.applications],
    );
    await client.query('COMMIT');
    await client.end();

    Object.assign(process.env, { DATABASE_URL: database.url, STORAGE_DIR: '.data/bench-files', LOG_LEVEL: 'error', QUEUE_PREFIX: 'grants-bench-bank' });
    const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
    try {
      const staff = { ...systemActor('bench:bank'), userId: ordering, roles: ['staff' as const] };
      const second = { ...systemActor('bench:bank'), userId: approving, roles: ['staff' as const] };
      const [awards, agreements, payments, bank] = [app.get(AwardService), app.get(AgreementService), app.get(PaymentService), app.get(BankFilesService)];
      const today = now.toISOString().slice(0, 10);
      const setUp = performance.now();
      const orders: { id: string; version: number }[] = [];
      for (const [i, applicationId] of seeded.applications.entries()) {
        await awards.recordResolution(staff, seeded.callId, {
          body: 'council',
          number: `USN RHMP ${i + 1}/2027`,
          adoptedOn: today,
          text: 'Rada hl. m. Prahy schvaluje poskytnutí dotace.',
          withoutCommissionReason: 'Benchmark: komise se nekonala.',
          decisions: [{ applicationId, outcome: 'approved', amount: '40000.00' }],
        });
        const created = await agreements.create(staff, applicationId, {
          purpose: 'Integrační aktivity podle žádosti.',
          purposeFrom: '2027-01-01',
          purposeTo: '2027-12-31',
          settlementDeadline: '2028-01-31',
          conditions: [],
          tranches: [{ amount: '40000.00', dueDate: '2027-04-30' }],
        });
        const sent = await agreements.send(staff, created.id, created.version);
        await agreements.sign(staff, created.id, { version: sent.version, signedOn: today, signatories: 'Statutár' }, { originalName: 'smlouva.pdf', bytes: PDF });
        const order = await payments.order(staff, created.id, { trancheNo: 1, amount: '40000.00' });
        orders.push({ id: order.id, version: order.version });
      }
      const approved = await payments.approveMany(second, orders);
      await bank.exportPain001(second);
      say(
        `  příprava / set-up: ${orders.length} smluv a příkazů / agreements and orders, schváleno / approved ${approved.succeeded.length}, za / in ${Math.round(performance.now() - setUp)} ms`,
      );

      const check = new pg.Client({ connectionString: database.url });
      await check.connect();
      const { rows: exported } = await check.query<{ end_to_end_id: string; amount: string }>(
        `SELECT i.end_to_end_id, p.amount::text AS amount FROM payment_batch_item i JOIN payment p ON p.id = i.payment_id`,
      );
      const entries: CamtTestEntry[] = exported.map((e, i) => ({ ref: `D${i}`, direction: 'debit', amount: e.amount, bookedOn: today, endToEndId: e.end_to_end_id }));
      for (let i = entries.length; i < options.lines; i++) {
        entries.push({
          ref: `C${i}`,
          direction: 'credit',
          amount: `${100 + (i % 9000)}.${String(i % 100).padStart(2, '0')}`,
          bookedOn: today,
          variableSymbol: String(9_000_000_000 + i),
          message: 'Platba',
        });
      }
      const xml = Buffer.from(camt053Statement({ id: `BENCH-${randomUUID().slice(0, 8)}`, iban: czechIban('27-5157998/6000'), entries }), 'utf8');
      say(`  výpis / statement: ${entries.length} řádků / lines, ${(xml.length / 1_048_576).toFixed(1)} MiB`);

      const started = performance.now();
      const result = await bank.importStatement(staff, { originalName: 'vypis.xml', bytes: xml });
      const ms = Math.round(performance.now() - started);
      const perSecond = Math.round((result.lines / ms) * 1000);
      const {
        rows: [state],
      } = await check.query<{ paid: number; ledger: number; lines: number }>(
        `SELECT (SELECT count(*)::int FROM payment WHERE status = 'paid') AS paid, (SELECT count(*)::int FROM ledger_entry WHERE kind = 'paid') AS ledger,
                (SELECT count(*)::int FROM bank_statement_line) AS lines`,
      );
      const again = await bank.importStatement(staff, { originalName: 'vypis.xml', bytes: xml });
      const {
        rows: [after],
      } = await check.query<{ lines: number }>(`SELECT count(*)::int AS lines FROM bank_statement_line`);
      await check.end();
      if (state.paid !== result.matched || after.lines !== state.lines || again.lines !== 0)
        throw new Error(`the import does not add up: ${JSON.stringify({ result, state, again, after })}`);
      say(
        `  načteno / imported ${result.lines} řádků za / lines in ${ms} ms → ${perSecond} řádků/s; spárováno / matched ${result.matched} (zaplaceno / paid ${state.paid}, v knize / ledger entries ${state.ledger}), nespárováno / unmatched ${result.unmatched}`,
      );
      say(`  znovu / again: ${again.skipped} řádků přeskočeno / lines skipped, nic se nezměnilo / nothing changed`);
      say('');
      say(`RESULT bench=bank lines=${result.lines} import_ms=${ms} lines_per_s=${perSecond} matched=${result.matched} unmatched=${result.unmatched}`);
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
