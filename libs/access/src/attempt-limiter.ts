import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Clock, DomainError } from '#core';

const WINDOW_MS = 60_000;

/**
 * Limits credential attempts (login, refresh, password reset) per client address and e-mail within a
 * sliding minute. In memory per API process: enough against guessing from one place; a deployment
 * with several API instances behind a balancer would keep the windows in Redis instead.
 * (@nestjs/throttler was the first choice, but it is CommonJS requiring Nest's ES modules, which
 * Jest cannot load on Node 20.)
 */
@Injectable()
export class AttemptLimiter implements CanActivate {
  private readonly attempts = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ ip?: string; body?: Record<string, unknown>; headers?: Record<string, unknown> }>();
    const body = request.body ?? {};
    // The portal's refresh token comes in its cookie (`<session id>.<secret>`): counted per session, like the body's.
    const cookieSession = /(?:^|;\s*)grants_refresh=([0-9a-f-]{36})\./.exec(String(request.headers?.cookie ?? ''))?.[1] ?? '';
    const subject = typeof body.email === 'string' ? body.email.trim().toLowerCase() : typeof body.refreshToken === 'string' ? body.refreshToken.split('.')[0] : cookieSession;
    const key = `${request.ip ?? ''}|${subject}`;
    const now = this.clock.now().getTime();
    this.sweep(now);
    const recent = (this.attempts.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
    if (recent.length >= this.config.auth.loginAttemptsPerMinute) {
      this.attempts.set(key, recent);
      throw new DomainError('TOO_MANY_ATTEMPTS', 'rate_limited', {
        cs: 'Příliš mnoho pokusů. Počkejte minutu a zkuste to znovu.',
        en: 'Too many attempts. Wait a minute and try again.',
      });
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
}
