import { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './naming-strategy.js';

export interface DataSourceParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
}

/**
 * The one place that knows how to talk to PostgreSQL: the API, the worker, the CLI, the tests and
 * the TypeORM CLI all build their data source here. `synchronize` is never on: the schema is
 * owned by the reviewed SQL in migrations/.
 */
export function buildDataSourceOptions(url: string, parts: DataSourceParts, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: parts.entities,
    migrations: parts.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: {
      max: poolSize,
      // Deadlines and timestamps are compared in the database too: keep the session in Prague time.
      options: '-c timezone=Europe/Prague',
      application_name: 'grants',
    },
  };
}
