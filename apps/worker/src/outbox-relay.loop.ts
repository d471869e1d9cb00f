import { Inject, Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { DedicatedConnection } from '#database';
import { OUTBOX_CHANNEL, OutboxRelay } from '#outbox';

/**
 * Relays outbox rows as soon as a commit NOTIFYs, and polls as a safety net (a NOTIFY is lost while
 * the listener reconnects; it drains once it is back). One drain runs at a time.
 */
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private listener: DedicatedConnection | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly relay: OutboxRelay,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.listener = new DedicatedConnection({
      url: this.config.database.url ?? '',
      setup: async (client) => {
        client.on('notification', () => this.kick());
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      },
      onError: (error) => this.logger.warn(`listener lost (${error.message}); reconnecting`),
      onConnected: () => this.kick(),
    });
    await this.listener.start();
    this.timer = setInterval(() => this.kick(), this.config.outboxPollMs);
    this.kick();
  }

  /** Whether LISTEN is in place right now (the poll covers the gaps). */
  get listening(): boolean {
    return this.listener?.client !== null && this.listener?.client !== undefined;
  }

  /** Which LISTEN session this is: grows with each reconnection. */
  get listenerGeneration(): number {
    return this.listener?.generation ?? 0;
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
    await this.listener?.close();
  }
}
