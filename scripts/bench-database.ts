import { AppConfig, loadConfig } from '#config';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, migrateUnderLock, provisionDatabase, ProvisionedDatabase, recreateDatabase } from '#database';
import { SCHEMA } from '#schema';

/**
 * A benchmark's own database, never the development data: the same server DATABASE_URL names (with
 * the benchmark's database name), the local one, or the embedded one, found as `npm start` finds it.
 * Returns it with the configuration read for it.
 */
export async function provisionBenchDatabase(databaseName: string, log: (line: string) => void): Promise<{ database: ProvisionedDatabase; config: AppConfig }> {
  const configured = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL) : null;
  if (configured) configured.pathname = `/${databaseName}`;
  const config = loadConfig({ ...process.env, DATABASE_URL: configured?.toString() });
  const database = await provisionDatabase({
    configuredUrl: configured?.toString(),
    databaseName,
    embeddedDir: config.database.embeddedDir,
    embeddedPort: config.database.embeddedPort,
    log,
  });
  return { database, config };
}

/** Drops and recreates the benchmark's database with every migration applied: each run starts from nothing. */
export async function freshSchema(databaseUrl: string): Promise<void> {
  await recreateDatabase(databaseUrl);
  const migrator = new DataSource(buildDataSourceOptions(databaseUrl, SCHEMA, 2));
  await migrator.initialize();
  try {
    await migrateUnderLock(migrator);
  } finally {
    await migrator.destroy();
  }
}

/**
 * Reads `--name value` / `--name=value` flags that take positive integers, onto the defaults given
 * (`perCall` is spelled `--per-call`); anything else stops the benchmark with the list of its flags.
 */
export function positiveIntegerFlags<T extends Record<string, number>>(argv: string[], defaults: T): T {
  const options: Record<string, number> = { ...defaults };
  const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const byFlag = new Map(Object.keys(defaults).map((key) => [flagOf(key), key]));
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const key = byFlag.get(flag);
    if (!key) throw new Error(`unknown option ${flag}; use ${[...byFlag.keys()].join(', ')}`);
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive integer`);
    options[key] = value;
  }
  return options as T;
}
