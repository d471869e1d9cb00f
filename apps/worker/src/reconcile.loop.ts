import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { MailDelivery } from '#notifications';
import { OutboxRelay } from '#outbox';

/**
 * Keeps the queue in step with the database whatever happened to the queue: outbox events relayed
 * but not processed and e-mails still pending after RECONCILE_AFTER_SECONDS are offered to the queue
 * again (a no-op for jobs it still holds), and claims left by a stopped sender become dead letters.
 * Runs several times per bound, so a lost batch is back within about 1.25 × the bound. Independent of
 * the lifecycle clock: it must run on every worker, leader or not.
 */
@Injectable()
export class ReconcileLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Reconcile');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly relay: OutboxRelay,
    private readonly delivery: MailDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), Math.max(250, Math.min(60_000, Math.round(this.config.reconcileAfterMs / 4))));
  }

  tick(): void {
    if (this.running) return;
    this.running = this.run().finally(() => (this.running = null));
  }

  async run(): Promise<void> {
    try {
      const events = await this.relay.reconcile(this.config.reconcileAfterMs);
      if (events > 0) this.logger.warn(`${events} outbox event(s) relayed but not processed in time: offered to the queue again`);
      const { requeued } = await this.delivery.reconcile();
      if (requeued > 0) this.logger.warn(`${requeued} e-mail(s) pending in time: offered to the queue again`);
    } catch (error) {
      this.logger.error(`reconciliation failed, will retry: ${(error as Error).message}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
