import 'reflect-metadata';
import { spawn, ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigError, createLogger, loadConfig, processEnvironment } from '#config';
import { buildDataSourceOptions, migrateUnderLock } from '#database';
import { SCHEMA } from '#schema';
import { startMailSink } from '#notifications';
import { StrategyService } from '#strategy';
import { systemActor } from '#core';
import { CliModule } from './cli.module.js';
import { DEMO_PASSWORD, DEMO_USERS, DemoData } from './demo-data.js';
import { provisionInfrastructure } from './infrastructure.js';

const say = (line: string) => process.stdout.write(`${line}\n`);
const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function migrate(url: string, revert = false): Promise<void> {
  const dataSource = new DataSource(buildDataSourceOptions(url, SCHEMA, 2));
  await dataSource.initialize();
  try {
    if (revert) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      say('Reverted the last migration.');
    } else {
      const applied = await migrateUnderLock(dataSource);
      say(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Database schema is up to date.');
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Runs `task` inside a Nest application context (services with their audit and outbox hooks). */
async function withContext<T>(url: string, config: AppConfig, task: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  processEnvironment().DATABASE_URL = url;
  const app = await NestFactory.createApplicationContext(CliModule, { logger: createLogger(config.logLevel) });
  try {
    return await task(app);
  } finally {
    await app.close();
  }
}

async function importStrategy(url: string, config: AppConfig, file: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  await withContext(url, config, async (app) => {
    const result = await app.get(StrategyService).importDocument(systemActor('cli:strategy-import'), text, path.basename(file));
    say(`${result.created ? 'Imported' : 'Already imported (same text), nothing changed'}: ${result.version.title} (version ${result.version.id})`);
    say(
      `  priorities ${result.counts.priority}, areas ${result.counts.area}, sub-goals ${result.counts.subgoal}, measures ${result.counts.measure}, activities ${result.counts.activity}`,
    );
    say(result.unplaced.length === 0 ? '  every line was placed.' : `  ${result.unplaced.length} line(s) could not be placed:`);
    for (const line of result.unplaced) say(`    line ${line.line}: ${line.reason}: ${line.text}`);
  });
}

/**
 * A child in its own process group: Ctrl+C reaches only the launcher, which then stops each child once with
 * SIGTERM (graceful, in order, before the database) instead of every process getting SIGINT and SIGTERM at once.
 */
function startChild(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [path.join(distRoot, script)], { env: { ...processEnvironment(), ...env }, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') say(`[${name}] exited (${signal ?? code})`);
  });
  // Never leave a detached child behind, whatever ends the launcher (short of SIGKILL).
  process.once('exit', () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM'));
  return child;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}

/** Only scheme, host and port: a password pasted unencoded can break URL syntax, and a banner must not show it even then. */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.username || parsed.password ? '***@' : ''}${parsed.host}`;
  } catch {
    return `${url.split(':')[0]}://***`;
  }
}

/** `npm start`: provisions what is missing, migrates, loads the demo data, and runs the API and the worker. */
async function start(config: AppConfig): Promise<void> {
  const startedAt = Date.now();
  const infrastructure = await provisionInfrastructure(config, say);
  await migrate(infrastructure.database.url);
  if (config.demoData) await withContext(infrastructure.database.url, config, (app) => app.get(DemoData).load());
  const sink = config.mail.smtpUrl ? null : await startMailSink({ dir: config.mail.sinkDir });
  if (sink) infrastructure.childEnvironment.SMTP_URL = sink.url;

  const children = [startChild('api', 'apps/api/src/main.js', infrastructure.childEnvironment), startChild('worker', 'apps/worker/src/main.js', infrastructure.childEnvironment)];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('Stopping …');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : (child.once('exit', resolve), child.kill('SIGTERM'))))));
    await sink?.close();
    await infrastructure.database.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  children.forEach((child) => child.on('exit', () => void stop(1)));

  const base = `http://localhost:${config.port}`;
  if (!(await waitForHealth(`${base}/api/v1/health`, 60_000))) {
    say('The API did not become healthy within 60 s; see the log above.');
    await stop(1);
    return;
  }
  say('');
  say(`Dotační systém běží / the system is running (ready in ${Math.round((Date.now() - startedAt) / 100) / 10} s)`);
  say(`  Portál:   ${base}/`);
  say(`  API:      ${base}/api/v1`);
  say(`  OpenAPI:  ${base}/api/docs   (JSON: ${base}/api/docs-json)`);
  say(`  Health:   ${base}/api/v1/health`);
  say(
    sink
      ? `  E-maily:  ${path.resolve(config.mail.sinkDir)} (.eml) — také / also GET ${base}/api/v1/admin/mail-sink`
      : `  E-maily:  SMTP ${withoutCredentials(config.mail.smtpUrl ?? '')}`,
  );
  if (config.demoData) {
    say(`  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const user of DEMO_USERS) say(`    ${user.email.padEnd(26)} ${user.roles.join(', ')}`);
  }
  say('Ctrl+C stops everything.');
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case 'start':
      return start(config);
    case 'migrate':
    case 'migrate:revert': {
      const infrastructure = await provisionInfrastructure(config, say);
      await migrate(infrastructure.database.url, command === 'migrate:revert');
      return infrastructure.database.stop();
    }
    case 'strategy:import': {
      if (args.length === 0) throw new Error('usage: npm run strategy:import -- <file> [<file> …]');
      const infrastructure = await provisionInfrastructure(config, say);
      await migrate(infrastructure.database.url);
      for (const file of args) await importStrategy(infrastructure.database.url, config, file);
      return infrastructure.database.stop();
    }
    case 'demo:load': {
      const infrastructure = await provisionInfrastructure(config, say);
      await migrate(infrastructure.database.url);
      await withContext(infrastructure.database.url, config, (app) => app.get(DemoData).load());
      return infrastructure.database.stop();
    }
    default:
      throw new Error(`unknown command "${command}"; use start, migrate, migrate:revert, strategy:import or demo:load`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
