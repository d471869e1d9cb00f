import { Inject, Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { OUTBOX_CHANNEL, OutboxRelay } from '#outbox';

/**
 * Relays outbox rows as soon as a commit NOTIFYs, and polls as a safety net (a NOTIFY is lost when
 * the listener is reconnecting). One drain runs at a time.
 */
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private listener: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new pg.Client({ connectionString: this.config.database.url });
    this.listener.on('error', (error) => this.logger.warn(`listener: ${error.message}`));
    await this.listener.connect();
    this.listener.on('notification', () => this.kick());
    await this.listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.timer = setInterval(() => this.kick(), this.config.outboxPollMs);
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.relay.drain();
        } catch (error) {
          this.logger.error(`relay failed, will retry: ${(error as Error).message}`);
        }
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = null));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }
}
