import 'reflect-metadata';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#config';
import { WorkerModule } from './worker.module.js';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
const config = loadConfig();
// A headless application context: no HTTP server, just providers with their lifecycle hooks.
const app = await NestFactory.createApplicationContext(WorkerModule, { logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1) });
// SIGTERM: stop taking jobs, let the running ones finish (BullMQ's close waits for them), then exit.
app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
