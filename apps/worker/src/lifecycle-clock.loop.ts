import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ApplicationService } from '#applications';
import { CallService } from '#calls';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';

/**
 * Transitions that time itself causes: calls opening and closing, remedy deadlines lapsing. Reads
 * also catch up on their own, so this only keeps the stored statuses (and the notifications they
 * emit) current when nobody is looking. Each tick is a no-op query when nothing is due.
 */
@Injectable()
export class LifecycleClockLoop implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LifecycleClock');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly calls: CallService,
    private readonly applications: ApplicationService,
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
      try {
        const moved = await this.calls.advanceByClock();
        for (const m of moved) this.logger.log(`call ${m.callId}: ${m.from} → ${m.to}`);
        const ended = await this.applications.advanceByClock();
        if (ended) this.logger.log(`${ended} application(s) ended: remedy deadline missed`);
      } catch (error) {
        this.logger.error(`tick failed, will retry: ${(error as Error).message}`);
      }
    })().finally(() => (this.running = null));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
