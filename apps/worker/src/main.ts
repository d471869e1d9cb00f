import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, loadConfig } from '#config';
import { surviveConnectionLoss } from '#database';
import { WorkerModule } from './worker.module.js';

const config = loadConfig();
surviveConnectionLoss(new Logger('Worker'));
// A headless application context: no HTTP server, just providers with their lifecycle hooks.
const app = await NestFactory.createApplicationContext(WorkerModule, { logger: createLogger(config.logLevel) });

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
