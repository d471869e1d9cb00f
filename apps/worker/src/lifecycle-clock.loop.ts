import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationService } from '#applications';
import { CallService } from '#calls';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { MailDelivery, NotificationScheduler } from '#notifications';

/**
 * What time itself causes: calls opening and closing, remedy deadlines lapsing, reminders and daily
 * digests falling due, and the mail ledger's reconciliation. Reads also catch up on the statuses on
 * their own, so this keeps them (and the notifications they emit) current when nobody is looking.
 * Each tick is a handful of no-op queries when nothing is due.
 */
@Injectable()
export class LifecycleClockLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LifecycleClock');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly calls: CallService,
    private readonly applications: ApplicationService,
    private readonly scheduler: NotificationScheduler,
    private readonly delivery: MailDelivery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.lifecycleTickMs === 0) return;
    this.timer = setInterval(() => this.tick(), this.config.lifecycleTickMs);
    this.tick();
  }

  tick(): void {
    if (this.running) return;
    this.running = (async () => {
      for (const [name, step] of this.steps()) {
        try {
          await step();
        } catch (error) {
          // One failing step must not hold up the others; the next tick tries again.
          this.logger.error(`${name} failed, will retry: ${(error as Error).message}`);
        }
      }
    })().finally(() => (this.running = null));
  }

  private steps(): [string, () => Promise<unknown>][] {
    return [
      ['calls', async () => {
        for (const m of await this.calls.advanceByClock()) this.logger.log(`call ${m.callId}: ${m.from} → ${m.to}`);
      }],
      ['remedy deadlines', async () => {
        const ended = await this.applications.advanceByClock();
        if (ended) this.logger.log(`${ended} application(s) ended: remedy deadline missed`);
      }],
      ['reminders', () => this.scheduler.sendReminders()],
      ['digests', () => this.scheduler.sendDigests()],
      ['mail reconciliation', () => this.delivery.reconcile()],
    ];
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
