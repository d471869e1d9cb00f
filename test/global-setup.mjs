// Runs once before the suite, from the compiled code (`npm test` type-checks and builds first):
// finds or starts PostgreSQL exactly as `npm start` does, recreates the test database, migrates it
// and chooses the queue backend. Test files read the result from the environment via libs/config.
import { loadConfig } from '../dist/libs/config/src/index.js';
import { buildDataSourceOptions, migrateUnderLock, provisionDatabase, recreateDatabase } from '../dist/libs/database/src/index.js';
import { describeQueueBackend, prepareQueueBackend, resolveQueueBackend } from '../dist/libs/queue/src/index.js';
import { SCHEMA } from '../dist/libs/schema/src/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';

export default async function globalSetup() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const say = (line) => process.stdout.write(`\n${line}`);
  // One database per run, so two runs on one machine never drop each other's data.
  const databaseName = `grants_test_${process.pid}`;
  const database = await provisionDatabase({
    configuredUrl: config.database.url ? config.database.url.replace(/\/[^/?]+(\?|$)/, `/${databaseName}$1`) : undefined,
    databaseName,
    embeddedDir: config.database.embeddedDir,
    embeddedPort: config.database.embeddedPort,
    log: say,
  });
  await recreateDatabase(database.url);
  const dataSource = new DataSource(buildDataSourceOptions(database.url, SCHEMA, 2));
  await dataSource.initialize();
  await migrateUnderLock(dataSource);
  await dataSource.destroy();

  const prefix = `grants-test-${process.pid}`;
  const queue = await resolveQueueBackend({ backend: config.queue.backend, redisUrl: config.queue.redisUrl, databaseUrl: database.url, prefix });
  await prepareQueueBackend(queue);
  say(`${describeQueueBackend(queue)} (test prefix ${prefix})\n`);

  process.env.NODE_ENV = 'test';
  process.env.DATABASE_URL = database.url;
  process.env.QUEUE_BACKEND = queue.kind;
  process.env.QUEUE_PREFIX = prefix;
  if (queue.kind === 'redis') process.env.REDIS_URL = queue.redisUrl;
  process.env.LOG_LEVEL = 'error';
  // Test files share the database and each moves its own clock; a worker's ticker on the real clock would move their calls.
  process.env.LIFECYCLE_TICK_MS = '0';
  // Test files share one database: a moved clock (system_clock) must not reach the apps and workers of other files.
  // The clock's own test turns it on for its app alone.
  process.env.CLOCK_MOVABLE = 'false';
  // Uploaded files of this run live in a throwaway folder, removed in teardown.
  process.env.STORAGE_DIR = mkdtempSync(path.join(tmpdir(), 'grants-test-files-'));
  globalThis.__grantsDatabase = database;
}
