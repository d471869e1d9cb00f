import pg from 'pg';

export interface DedicatedConnectionOptions {
  url: string;
  /** Runs on every (re)connection: LISTEN, or nothing. */
  setup?: (client: pg.Client) => Promise<void>;
  /** Called with every connection failure; the connection is retried with backoff. */
  onError?: (error: Error) => void;
  /** Called after each successful (re)connection, e.g. to catch up on what was missed meanwhile. */
  onConnected?: () => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * One PostgreSQL session outside the pool (LISTEN needs its own; so does a session-level advisory
 * lock). It survives a database restart and `pg_terminate_backend`: every error is handled, and the
 * session is opened again with exponential backoff until `close()`.
 */
export class DedicatedConnection {
  private current: pg.Client | null = null;
  private closed = false;
  private delayMs: number;
  private retry: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  /** Increases with each new session: a session-scoped state (a lock) is known to be lost when it changed. */
  generation = 0;

  constructor(private readonly options: DedicatedConnectionOptions) {
    this.delayMs = options.initialDelayMs ?? 100;
  }

  get client(): pg.Client | null {
    return this.current;
  }

  /** Resolves after the first attempt, connected or not (the retries go on in the background). */
  start(): Promise<void> {
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.options.url, connectionTimeoutMillis: 5000 });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (error) this.options.onError?.(error);
      if (this.current === client) this.current = null;
      client.end().catch(() => undefined);
      this.scheduleReconnect();
    };
    client.on('error', (error) => onLost(error));
    client.on('end', () => onLost());
    try {
      await client.connect();
      await this.options.setup?.(client);
    } catch (error) {
      onLost(error as Error);
      return;
    }
    if (lost || this.closed) return;
    this.current = client;
    this.generation += 1;
    this.delayMs = this.options.initialDelayMs ?? 100;
    this.options.onConnected?.();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retry) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs ?? 5000);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start();
    }, delay);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.current;
    this.current = null;
    await client?.end().catch(() => undefined);
  }
}

/** Errors that mean "the database session went away", which a long-running process must survive. */
export function isConnectionLoss(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && ['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT'].includes(e.code)) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error/i.test(e.message ?? '');
}

/**
 * A database session cut (restart, pg_terminate_backend) may surface as an 'error' event nobody
 * listens to (a pooled client between queries). Pools, LISTEN sessions and queues reconnect by
 * themselves, so that must not end a long-running process; anything else still does.
 */
export function surviveConnectionLoss(log: { warn(message: string): void; error(message: string): void }): void {
  process.on('uncaughtException', (error) => {
    if (isConnectionLoss(error)) {
      log.warn(`database connection lost (${error.message}); reconnecting`);
      return;
    }
    log.error(`fatal: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
