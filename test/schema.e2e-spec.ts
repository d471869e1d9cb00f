import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { buildDataSourceOptions, migrateUnderLock } from '#database';
import { SCHEMA } from '#schema';

describe('database schema', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = new DataSource(buildDataSourceOptions(loadConfig().database.url!, SCHEMA, 4));
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  it('entities and migrations do not drift apart', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('migrates once even when several processes start together', async () => {
    const results = await Promise.all([migrateUnderLock(dataSource), migrateUnderLock(dataSource), migrateUnderLock(dataSource)]);
    expect(results).toEqual([[], [], []]);
  });
});
