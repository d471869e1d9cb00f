import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OutboxEventProcessor } from '#notifications';
import { OutboxJobData, QueueFactory, QUEUES } from '#queue';

@Injectable()
export class OutboxConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueFactory,
    private readonly processor: OutboxEventProcessor,
  ) {}

  onApplicationBootstrap(): void {
    this.queues.worker<OutboxJobData>(QUEUES.outbox, (job) => this.processor.process(job.data), { concurrency: 8 });
  }
}
