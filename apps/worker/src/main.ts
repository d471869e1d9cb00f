import 'reflect-metadata';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#config';
import { surviveConnectionLoss } from '#database';
import { WorkerModule } from './worker.module.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const config = loadConfig();
surviveConnectionLoss(new Logger('Worker'));
// A headless application context: no HTTP server, just providers with their lifecycle hooks.
const app = await NestFactory.createApplicationContext(WorkerModule, { logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1) });

// SIGTERM/SIGINT: stop taking jobs, let the running ones finish (BullMQ's close waits for them; the
// rest stay queued for the next worker), then exit 0 so a supervisor sees a clean stop.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    new Logger('Worker').log(`${signal}: finishing the jobs in hand, then stopping`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        new Logger('Worker').error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  });
}
