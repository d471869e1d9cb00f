import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxEvent, OutboxHandlers } from '#outbox';
import { OutboxJobData, QueueFactory, QUEUES } from '#queue';

/** Takes relayed outbox jobs off the queue and hands each event to the handlers its libraries registered. */
@Injectable()
export class OutboxConsumer implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly handlers: OutboxHandlers,
  ) {}

  onApplicationBootstrap(): void {
    this.queues.worker<OutboxJobData>(QUEUES.outbox, (job) => this.process(job.data), { concurrency: 8 });
  }

  async process(job: OutboxJobData): Promise<void> {
    const event = await this.dataSource.getRepository(OutboxEvent).findOneBy({ id: job.outboxId });
    if (event) await this.handlers.dispatch(event);
  }
}
