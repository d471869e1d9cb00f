import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  if (process.env.STORAGE_DIR?.includes('grants-test-files-')) rmSync(process.env.STORAGE_DIR, { recursive: true, force: true });
  const database = globalThis.__grantsDatabase;
  if (!database) return;
  const admin = new URL(database.url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
  await database.stop();
}
