import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, APP_CONFIG } from '#config';
import { resolveQueueBackend } from './queue-backend.js';
import { QUEUE_BACKEND, QueueFactory } from './queue-factory.js';

@Global()
@Module({})
export class QueueModule {
  static forRoot(): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        {
          provide: QUEUE_BACKEND,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            resolveQueueBackend({ backend: config.queue.backend, redisUrl: config.queue.redisUrl, databaseUrl: config.database.url ?? '', prefix: config.queue.prefix }),
        },
        QueueFactory,
      ],
      exports: [QueueFactory, QUEUE_BACKEND],
    };
  }
}
