import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Clock } from '#core';
import { OutboxEvent, OutboxHandlers } from '#outbox';
import { OutboxJobData, QueueFactory, QUEUES } from '#queue';

/**
 * Takes relayed outbox jobs off the queue and hands each event to the handlers its libraries
 * registered. An event already processed is skipped: the queue may deliver it again (the relay ran
 * twice, or re-relayed it after Redis lost its jobs), and BullMQ forgets removed job ids.
 */
@Injectable()
export class OutboxConsumer implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly handlers: OutboxHandlers,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queues.worker<OutboxJobData>(QUEUES.outbox, (job) => this.process(job.data), {
      concurrency: 8,
      lockDuration: this.config.queueLockMs,
      stalledInterval: this.config.queueLockMs,
    });
  }

  async process(job: OutboxJobData): Promise<void> {
    const event = await this.dataSource.getRepository(OutboxEvent).findOneBy({ id: job.outboxId });
    if (!event || event.processedAt) return;
    // Handlers are idempotent themselves (notifications by their dedupe key, documents by their storage key).
    await this.handlers.dispatch(event);
    await this.dataSource.query('UPDATE outbox_event SET processed_at = $2 WHERE id = $1 AND processed_at IS NULL', [event.id, this.clock.now()]);
  }
}
