import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '#config';
import { Clock, SystemClock } from '#core';
import { buildDataSourceOptions, DataSourceParts } from './data-source.js';
import { ClockService, MovableClock } from './movable-clock.js';
import { UnitOfWork } from './unit-of-work.js';

/** Connects to the database the launcher (or the test setup) provisioned and exposes the UnitOfWork. */
@Global()
@Module({})
export class DatabaseModule {
  /**
   * `clock` replaces the system clock (the demo loader replays a past call round with it); otherwise the
   * movable clock where the configuration allows it (never in production), else the system clock.
   */
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
      providers: [
        options.clock
          ? { provide: Clock, useValue: options.clock }
          : {
              provide: Clock,
              inject: [APP_CONFIG, DataSource],
              useFactory: (config: AppConfig, dataSource: DataSource) => (config.clockMovable ? new MovableClock(dataSource) : new SystemClock()),
            },
        UnitOfWork,
        ClockService,
      ],
      exports: [Clock, UnitOfWork, ClockService],
    };
  }
}
