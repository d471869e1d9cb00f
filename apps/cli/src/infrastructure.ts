import { AppConfig } from '#config';
import { provisionDatabase, ProvisionedDatabase } from '#database';
import { describeQueueBackend, prepareQueueBackend, QueueBackend, resolveQueueBackend } from '#queue';

export interface Infrastructure {
  database: ProvisionedDatabase;
  queue: QueueBackend;
  /** The environment a child process (api, worker) needs to find the same database and queues. */
  childEnvironment: Record<string, string>;
}

/** Finds or starts PostgreSQL, chooses the queue backend, and says in one line each what it chose. */
export async function provisionInfrastructure(config: AppConfig, log: (line: string) => void, databaseName = 'grants'): Promise<Infrastructure> {
  const database = await provisionDatabase({
    configuredUrl: config.database.url,
    databaseName,
    embeddedDir: config.database.embeddedDir,
    embeddedPort: config.database.embeddedPort,
    log,
  });
  const queue = await resolveQueueBackend({ backend: config.queue.backend, redisUrl: config.queue.redisUrl, databaseUrl: database.url, prefix: config.queue.prefix });
  log(describeQueueBackend(queue));
  await prepareQueueBackend(queue);
  const childEnvironment: Record<string, string> = { DATABASE_URL: database.url, QUEUE_BACKEND: queue.kind };
  if (queue.kind === 'redis') childEnvironment.REDIS_URL = queue.redisUrl;
  return { database, queue, childEnvironment };
}
