import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationService } from '#applications';
import { CallService } from '#calls';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { DedicatedConnection } from '#database';
import { NotificationScheduler } from '#notifications';

/** Held for as long as a worker leads the clock (a session-level advisory lock on its own connection). */
const CLOCK_LEADER_LOCK = 4_2023_0300;

/**
 * What time itself causes: calls opening and closing, remedy deadlines lapsing, reminders and daily
 * digests falling due. Reads also catch up on the statuses on their own, so this keeps them (and the
 * notifications they emit) current when nobody is looking. Each tick is a handful of no-op queries
 * when nothing is due. With several workers one leads (it holds an advisory lock on its own session);
 * the others stand by and take over when its session ends. The steps are safe without a leader too
 * (unique keys), the lock only saves doing the work twice.
 */
@Injectable()
export class LifecycleClockLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LifecycleClock');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private session: DedicatedConnection | null = null;
  /** The session generation in which the lock was taken; a new session has lost it. */
  private leadingIn = -1;

  constructor(
    private readonly calls: CallService,
    private readonly applications: ApplicationService,
    private readonly scheduler: NotificationScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.lifecycleTickMs === 0) return;
    this.session = new DedicatedConnection({
      url: this.config.database.url ?? '',
      onError: (error) => this.logger.warn(`leader session lost (${error.message}); reconnecting`),
    });
    await this.session.start();
    this.timer = setInterval(() => this.tick(), this.config.lifecycleTickMs);
    this.tick();
  }

  /** Whether this worker leads the clock now, taking the lead if nobody holds it. */
  async leads(): Promise<boolean> {
    const client = this.session?.client;
    if (!client || !this.session) return false;
    if (this.leadingIn === this.session.generation) return true;
    const [row] = (await client.query('SELECT pg_try_advisory_lock($1) AS taken', [CLOCK_LEADER_LOCK])).rows as { taken: boolean }[];
    if (!row.taken) return false;
    this.leadingIn = this.session.generation;
    this.logger.log('leading the clock');
    return true;
  }

  tick(): void {
    if (this.running) return;
    this.running = (async () => {
      try {
        if (!(await this.leads())) return;
      } catch (error) {
        this.logger.warn(`cannot tell who leads the clock: ${(error as Error).message}`);
        return;
      }
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
      [
        'calls',
        async () => {
          for (const m of await this.calls.advanceByClock()) this.logger.log(`call ${m.callId}: ${m.from} → ${m.to}`);
        },
      ],
      [
        'remedy deadlines',
        async () => {
          const ended = await this.applications.advanceByClock();
          if (ended) this.logger.log(`${ended} application(s) ended: remedy deadline missed`);
        },
      ],
      ['reminders', () => this.scheduler.sendReminders()],
      ['digests', () => this.scheduler.sendDigests()],
    ];
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.session?.close();
  }
}
