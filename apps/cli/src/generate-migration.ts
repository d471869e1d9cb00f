import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { buildDataSourceOptions, migrateUnderLock, provisionDatabase, recreateDatabase } from '#database';
import { SCHEMA } from '#schema';

/**
 * `npm run migration:generate -- <Name>`: migrates a scratch database with the existing migrations,
 * asks TypeORM what the entities still need, and writes that as a new migration file for review.
 * Constraints the ORM cannot express (triggers, expression indexes) are then added by hand.
 */
const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
const config = loadConfig();
const database = await provisionDatabase({
  configuredUrl: undefined,
  databaseName: 'grants_migration_scratch',
  embeddedDir: config.database.embeddedDir,
  embeddedPort: config.database.embeddedPort,
  log: () => undefined,
});
await recreateDatabase(database.url);
const dataSource = new DataSource(buildDataSourceOptions(database.url, SCHEMA, 2));
await dataSource.initialize();
await migrateUnderLock(dataSource);
const log = await dataSource.driver.createSchemaBuilder().log();
await dataSource.destroy();
await database.stop();
if (log.upQueries.length === 0) {
  process.stdout.write('No changes: entities and migrations agree.\n');
  process.exit(0);
}
const timestamp = Date.now();
const escape = (sql: string) => sql.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../migrations', `${timestamp}-${name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
await writeFile(
  file,
  `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(q: QueryRunner): Promise<void> {
${log.upQueries.map((u) => `    await q.query(\`${escape(u.query)}\`);`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${log.downQueries
  .reverse()
  .map((u) => `    await q.query(\`${escape(u.query)}\`);`)
  .join('\n')}
  }
}
`,
);
process.stdout.write(`Written ${path.relative(process.cwd(), file)}: review it, then add it to migrations/index.ts.\n`);
