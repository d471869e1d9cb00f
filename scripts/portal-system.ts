import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '#config';
import { provisionDatabase, recreateDatabase } from '#database';

export interface RunningSystem {
  baseUrl: string;
  mailDir: string;
  /** The system's own database (benchmarks seed large data sets straight into it). */
  databaseUrl: string;
  stop(): Promise<void>;
}

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
 * The whole system as `npm start` runs it (apps/cli: migrations, demo data, the API serving the built
 * portal, the worker, the SMTP sink), on a free port with its own database, queue prefix, mail and file
 * folders, all removed by `stop()`. Used by the browser journeys and `npm run bench:portal`.
 */
export async function startPortalSystem(name: string, extraEnv: Record<string, string> = {}): Promise<RunningSystem> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'development' });
  const databaseName = `grants_${name}_${process.pid}`;
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
  const mailDir = mkdtempSync(path.join(tmpdir(), `grants-${name}-mail-`));
  const storageDir = mkdtempSync(path.join(tmpdir(), `grants-${name}-files-`));
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `grants-${name.replace(/_/g, '-')}-${process.pid}`,
    MAIL_SINK_DIR: mailDir,
    STORAGE_DIR: storageDir,
    LOG_LEVEL: 'warn',
    SMTP_URL: undefined,
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const cleanUp = async () => {
    const admin = new URL(database.url);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => client.end());
    await database.stop();
    rmSync(mailDir, { recursive: true, force: true });
    rmSync(storageDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The system did not start within 600 s:\n${output}`)), 600_000);
      child.stdout.on('data', () => {
        if (output.includes('the system is running')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The system exited (${code}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    child.kill('SIGTERM');
    await cleanUp();
    throw error;
  }
  return {
    baseUrl,
    mailDir,
    databaseUrl: database.url,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await cleanUp();
    },
  };
}
