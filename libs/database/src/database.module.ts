import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, APP_CONFIG } from '#config';
import { Clock, SystemClock } from '#core';
import { buildDataSourceOptions, DataSourceParts } from './data-source.js';
import { UnitOfWork } from './unit-of-work.js';

/** Connects to the database the launcher (or the test setup) provisioned and exposes the UnitOfWork. */
@Global()
@Module({})
export class DatabaseModule {
  /** `clock` replaces the system clock (the demo loader replays a past call round with it). */
  static forRoot(parts: DataSourceParts, options: { clock?: Clock } = {}): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            if (!config.database.url) throw new Error('DATABASE_URL is not set: start the system with `npm start`, which provisions it.');
            return buildDataSourceOptions(config.database.url, parts, config.database.poolSize);
          },
        }),
      ],
      providers: [options.clock ? { provide: Clock, useValue: options.clock } : { provide: Clock, useClass: SystemClock }, UnitOfWork],
      exports: [Clock, UnitOfWork],
    };
  }
}
