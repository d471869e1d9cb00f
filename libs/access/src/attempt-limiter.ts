import { createHash, randomUUID } from 'node:crypto';
import { CanActivate, ExecutionContext, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Clock, DomainError, settleWithin } from '#core';
import { QUEUE_BACKEND } from '#queue';
import type { QueueBackend } from '#queue';

const WINDOW_MS = 60_000;
/** A limiter that cannot ask Redis within this time decides by this process's own counts. */
const REDIS_MS = 250;

/** Drops attempts older than the window, counts the rest, and records this one only if it is allowed. */
const SLIDING_WINDOW = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[3]) then return n end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return n`;

/**
 * Limits credential attempts (login, refresh, password reset) per client address and e-mail (or refresh
 * session) within a sliding minute; a successful refresh does not count (see `canActivate`). With Redis the counts live there, shared by every API instance; when Redis does not
 * answer (or the installation runs without it) each process counts on its own, which still limits.
 * The client address is what Express derives under TRUST_PROXY.
 * (@nestjs/throttler was the first choice, but it is CommonJS requiring Nest's ES modules, which
 * Jest cannot load on Node 20.)
 */
@Injectable()
export class AttemptLimiter implements CanActivate, OnApplicationShutdown {
  private readonly logger = new Logger('AttemptLimiter');
  private readonly attempts = new Map<string, number[]>();
  private lastSweep = 0;
  private redis: Redis | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<{ ip?: string; body?: Record<string, unknown>; headers?: Record<string, unknown> }>();
    const body = request.body ?? {};
    // The portal's refresh token comes in its cookie (`<session id>.<secret>`): counted per session, like the body's.
    const cookieSession = /(?:^|;\s*)grants_refresh=([0-9a-f-]{36})\./.exec(typeof request.headers?.cookie === 'string' ? request.headers.cookie : '')?.[1] ?? '';
    const bySession = typeof body.email !== 'string';
    const subject = !bySession ? (body.email as string).trim().toLowerCase() : typeof body.refreshToken === 'string' ? body.refreshToken.split('.')[0] : cookieSession;
    const key = `${request.ip ?? ''}|${subject}`;
    const now = this.clock.now().getTime();
    const member = `${now}-${randomUUID()}`;
    const shared = await this.countShared(key, now, member);
    const allowed = shared ?? this.countLocal(key, now);
    if (!allowed) {
      throw new DomainError('TOO_MANY_ATTEMPTS', 'rate_limited', {
        cs: 'Příliš mnoho pokusů. Počkejte minutu a zkuste to znovu.',
        en: 'Too many attempts. Wait a minute and try again.',
      });
    }
    // A refresh with a valid token is no guess (its secret is 256 random bits): the portal refreshes on every page
    // load and while the user works, so a successful refresh gives its place back and only failed ones count.
    // The place is held while the request runs, so a burst of parallel guesses is still limited. Logins and
    // password resets count whatever their outcome.
    if (bySession) {
      const response = http.getResponse<{ statusCode: number; once(event: 'finish', listener: () => void): unknown }>();
      response.once('finish', () => {
        if (response.statusCode < 400) void this.giveBack(key, now, shared === undefined ? null : member);
      });
    }
    return true;
  }

  /** Removes one counted attempt (a successful refresh): from Redis when it was counted there, else from this process's counts. */
  private async giveBack(key: string, at: number, member: string | null): Promise<void> {
    if (member !== null) {
      const redis = this.client();
      if (redis) await settleWithin(redis.zrem(this.redisKey(key), member), REDIS_MS);
      return;
    }
    const times = this.attempts.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
  }

  private redisKey(key: string): string {
    return `${this.backend.prefix}:attempts:${createHash('sha256').update(key).digest('hex')}`;
  }

  /** Whether the attempt is allowed by the counts in Redis; undefined when Redis cannot tell. */
  private async countShared(key: string, now: number, member: string): Promise<boolean | undefined> {
    const redis = this.client();
    if (!redis) return undefined;
    // The first attempt after start (or after Redis came back) waits briefly for the connection.
    if (redis.status !== 'ready') await settleWithin(new Promise((resolve) => redis.once('ready', resolve)), REDIS_MS);
    const result = await settleWithin(
      redis.eval(SLIDING_WINDOW, 1, this.redisKey(key), now, WINDOW_MS, this.config.auth.loginAttemptsPerMinute, member) as Promise<number>,
      REDIS_MS,
    );
    if (result.status !== 'up') return undefined;
    return result.value < this.config.auth.loginAttemptsPerMinute;
  }

  private client(): Redis | null {
    if (this.backend.kind !== 'redis') return null;
    if (!this.redis) {
      // No offline queue: while Redis is away a command fails at once and the local counts decide.
      this.redis = new Redis(this.backend.redisUrl, { maxRetriesPerRequest: 0, enableOfflineQueue: false });
      this.redis.on('error', (error: Error) => this.logger.debug(`redis: ${error.message}`));
    }
    return this.redis;
  }

  private countLocal(key: string, now: number): boolean {
    this.sweep(now);
    const recent = (this.attempts.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= this.config.auth.loginAttemptsPerMinute) {
      this.attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.attempts.set(key, recent);
    return true;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, times] of this.attempts) if (times.every((t) => t <= now - WINDOW_MS)) this.attempts.delete(key);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
