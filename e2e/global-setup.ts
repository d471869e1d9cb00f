import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '#config';
import { provisionDatabase, recreateDatabase } from '#database';

function freePort(): Promise<number> {
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
 * Starts the whole system once, as `npm start` does (apps/cli: migrations, demo data, API serving the
 * built portal, worker, the SMTP sink), on a free port with its own database and queue prefix. The
 * journeys read E2E_BASE_URL and E2E_MAIL_DIR. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const databaseName = `grants_e2e_${process.pid}`;
  const database = await provisionDatabase({
    configuredUrl: config.database.url ? config.database.url.replace(/\/[^/?]+(\?|$)/, `/${databaseName}$1`) : undefined,
    databaseName,
    embeddedDir: config.database.embeddedDir,
    embeddedPort: config.database.embeddedPort,
    log: () => undefined,
  });
  await recreateDatabase(database.url);
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const mailDir = mkdtempSync(path.join(tmpdir(), 'grants-e2e-mail-'));
  const storageDir = mkdtempSync(path.join(tmpdir(), 'grants-e2e-files-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `grants-e2e-${process.pid}`,
    MAIL_SINK_DIR: mailDir,
    STORAGE_DIR: storageDir,
    LOG_LEVEL: 'warn',
    // A short access token: the idle warning shows 30 s after the last refresh of an idle page.
    ACCESS_TOKEN_TTL_SECONDS: '60',
    LOGIN_ATTEMPTS_PER_MINUTE: '50',
  };
  delete env.SMTP_URL;
  const started = Date.now();
  const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The system did not start within 240 s:\n${output}`)), 240_000);
    const check = () => {
      if (output.includes('the system is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The system exited (${code}) before it was ready:\n${output}`));
    });
  });
  process.stdout.write(`The system is running at ${baseUrl} (started in ${Math.round((Date.now() - started) / 1000)} s)\n`);
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_MAIL_DIR = mailDir;

  return async () => {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    const admin = new URL(database.url);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => client.end());
    await database.stop();
    rmSync(mailDir, { recursive: true, force: true });
    rmSync(storageDir, { recursive: true, force: true });
  };
}
