import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createPostgresBackend, Job, Processor, Queue, RedisOptions, runMigrations, withBackend, Worker, WorkerOptions } from 'bullmq';
import pg from 'pg';
import type { QueueBackend } from './queue-backend.js';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');

const OnPostgres = withBackend(createPostgresBackend);

/** Names of the queues, with the shape of each job's data: ids only, never personal data. */
export const QUEUES = {
  outbox: 'outbox',
  mail: 'mail',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export interface OutboxJobData {
  outboxId: string;
  type: string;
}
export interface MailJobData {
  notificationId: string;
}

/**
 * Builds BullMQ queues and workers for whichever backend was chosen at boot, and closes them on
 * shutdown. Callers never see which backend it is.
 */
@Injectable()
export class QueueFactory implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly workers: Worker[] = [];
  private readonly queues = new Map<string, Queue>();
  private readonly logger = new Logger('Queue');
  private lastWarning = 0;

  constructor(@Inject(QUEUE_BACKEND) readonly backend: QueueBackend) {}

  queue<T = unknown>(name: string): Queue<T> {
    const existing = this.queues.get(name);
    if (existing) return existing as unknown as Queue<T>;
    const queue =
      this.backend.kind === 'redis'
        ? new Queue(name, { connection: this.redis(), prefix: this.backend.prefix })
        : new OnPostgres.Queue(name, { connection: this.postgresConnection(), prefix: this.backend.prefix });
    queue.on('error', (error: Error) => this.connectionTrouble(error));
    this.queues.set(name, queue as unknown as Queue);
    return queue as unknown as Queue<T>;
  }

  worker<T>(name: string, processor: Processor<T>, options: Omit<WorkerOptions, 'connection' | 'prefix'> = {}): Worker<T> {
    const worker =
      this.backend.kind === 'redis'
        ? new Worker<T>(name, processor, { ...options, connection: this.redis(true), prefix: this.backend.prefix })
        : new OnPostgres.Worker<T>(name, processor, { ...options, connection: this.postgresConnection(), prefix: this.backend.prefix });
    worker.on('error', (error: Error) => this.connectionTrouble(error));
    this.workers.push(worker as unknown as Worker);
    return worker as unknown as Worker<T>;
  }

  /** The connections retry by themselves; say so at most every ten seconds rather than on every attempt. */
  private connectionTrouble(error: Error): void {
    if (Date.now() - this.lastWarning < 10_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`queue backend: ${error.message} (reconnecting)`);
  }

  /**
   * Graceful stop (SIGTERM): workers take no new jobs and wait for the running ones to finish, while
   * every other provider (database, SMTP pool) is still alive; Nest destroys those only afterwards.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }

  /**
   * Connection options rather than a client: BullMQ then owns its connections and closes them with
   * the queue or worker (a client passed in would be left open and keep the process alive).
   */
  private redis(forWorker = false): RedisOptions {
    if (this.backend.kind !== 'redis') throw new Error('not a Redis backend');
    // Workers must wait for Redis forever (BullMQ requires maxRetriesPerRequest: null for them).
    return { url: this.backend.redisUrl, maxRetriesPerRequest: forWorker ? null : 3 };
  }

  private postgresConnection() {
    if (this.backend.kind !== 'postgres') throw new Error('not a PostgreSQL backend');
    return { connectionString: this.backend.databaseUrl, schema: this.backend.schema, max: 4 };
  }
}

/** Creates or upgrades BullMQ's own tables when the PostgreSQL backend is in use. Idempotent and lock-protected by BullMQ. */
export async function prepareQueueBackend(backend: QueueBackend): Promise<void> {
  if (backend.kind !== 'postgres') return;
  const client = new pg.Client({ connectionString: backend.databaseUrl });
  await client.connect();
  try {
    await runMigrations(client, backend.schema);
  } finally {
    await client.end();
  }
}

export type { Job };
