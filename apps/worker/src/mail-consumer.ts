import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { MailDelivery } from '#notifications';
import { MailJobData, QueueFactory, QUEUES } from '#queue';

/**
 * Sends queued e-mails: retries with backoff come from the job options set when it was queued; the
 * provider's rate holds for the whole installation, however many workers run.
 */
@Injectable()
export class MailConsumer implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueFactory,
    private readonly delivery: MailDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.queues.worker<MailJobData>(
      QUEUES.mail,
      // attemptsMade counts the attempts that already failed, so this run is the last when it reaches attempts - 1.
      (job) => this.delivery.deliver(job.data.notificationId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
      {
        concurrency: this.config.mail.concurrency,
        lockDuration: this.config.queueLockMs,
        stalledInterval: this.config.queueLockMs,
        // BullMQ keeps the limiter's window in the queue's backend: one rate for all workers together.
        limiter: { max: this.config.mail.ratePerSecond, duration: 1000 },
      },
    );
  }
}
