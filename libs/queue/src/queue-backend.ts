import { Redis } from 'ioredis';

export type QueueBackend = { kind: 'redis'; redisUrl: string; prefix: string } | { kind: 'postgres'; databaseUrl: string; schema: string; prefix: string };

const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING at `url` within a second. */
export async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Redis is the production queue backend. With none configured or answering locally, BullMQ's own
 * PostgreSQL backend runs the same queues in the application database, so a newcomer needs nothing
 * but Node.js.
 */
export async function resolveQueueBackend(options: {
  backend: 'auto' | 'redis' | 'postgres';
  redisUrl: string | undefined;
  databaseUrl: string;
  prefix: string;
}): Promise<QueueBackend> {
  const postgres: QueueBackend = { kind: 'postgres', databaseUrl: options.databaseUrl, schema: 'bullmq', prefix: options.prefix };
  if (options.backend === 'postgres') return postgres;
  if (options.redisUrl) return { kind: 'redis', redisUrl: options.redisUrl, prefix: options.prefix };
  if (options.backend === 'redis') return { kind: 'redis', redisUrl: LOCAL_REDIS, prefix: options.prefix };
  return (await redisAnswers(LOCAL_REDIS)) ? { kind: 'redis', redisUrl: LOCAL_REDIS, prefix: options.prefix } : postgres;
}

export function describeQueueBackend(backend: QueueBackend): string {
  return backend.kind === 'redis'
    ? `Queues: Redis at ${backend.redisUrl.replace(/\/\/[^@]*@/, '//***@')}`
    : 'Queues: BullMQ on its PostgreSQL backend (schema "bullmq" in the application database; no Redis configured or answering, or QUEUE_BACKEND=postgres)';
}
