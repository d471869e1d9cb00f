import 'reflect-metadata';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#config';
import { isConnectionLoss } from '#database';
import { WorkerModule } from './worker.module.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const config = loadConfig();
// A database session cut (restart, pg_terminate_backend) may surface as an 'error' event nobody
// listens to (a pooled client between queries). Its pool, the LISTEN session and the queues all
// reconnect by themselves, so that must not end the process; anything else still does.
process.on('uncaughtException', (error) => {
  if (isConnectionLoss(error)) {
    new Logger('Worker').warn(`database connection lost (${error.message}); reconnecting`);
    return;
  }
  new Logger('Worker').error(`fatal: ${error.stack ?? error.message}`);
  process.exit(1);
});
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
