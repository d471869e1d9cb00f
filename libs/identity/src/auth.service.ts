import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Authenticator, AuthenticatedUser } from '#access';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Actor, Clock, DomainError, Role } from '#core';
import { UnitOfWork } from '#database';
import type { TokenPair } from './dto.js';
import { PasswordReset, Session, User } from './entities.js';
import { PasswordHasher } from './password-hasher.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

const INVALID_CREDENTIALS = DomainError.unauthenticated('INVALID_CREDENTIALS', {
  cs: 'Nesprávný e-mail nebo heslo.',
  en: 'Wrong e-mail or password.',
});

interface AccessClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class AuthService extends Authenticator {
  private readonly hasher = new PasswordHasher();
  /** Verified when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password. */
  private readonly dummyHash = this.hasher.hash(randomUUID());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {
    super();
  }

  async login(actor: Actor, email: string, password: string, userAgent: string | null): Promise<TokenPair> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
    const ok = await this.hasher.verify(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || !user.isActive) throw INVALID_CREDENTIALS;
    const refreshSecret = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    await this.unitOfWork.run({ ...actor, userId: user.id, roles: user.roles }, async (tx) => {
      await tx.manager.insert(Session, {
        id: sessionId,
        userId: user.id,
        refreshHash: sha256(refreshSecret),
        previousRefreshHash: null,
        createdAt: tx.now,
        expiresAt: new Date(tx.now.getTime() + this.config.auth.refreshTokenTtlDays * 86_400_000),
        revokedAt: null,
        userAgent: userAgent?.slice(0, 300) ?? null,
      });
      tx.audit({ action: 'session.created', objectType: 'user', objectId: user.id, after: { sessionId } });
    });
    return this.tokens(user.id, sessionId, refreshSecret);
  }

  /**
   * Rotates the refresh token. The new secret is derived from the presented one (HMAC), so a tab that
   * presents the just-rotated token again within `refreshReuseWindowSeconds` gets the very same new pair
   * (several tabs refreshing at once stay signed in); presenting it after the window means it was stolen,
   * and the session ends.
   */
  async refresh(actor: Actor, refreshToken: string): Promise<TokenPair> {
    const [sessionId, secret] = refreshToken.split('.');
    const invalid = DomainError.unauthenticated('REFRESH_TOKEN_INVALID', {
      cs: 'Obnovovací token je neplatný nebo vypršel. Přihlaste se znovu.',
      en: 'The refresh token is invalid or expired. Please sign in again.',
    });
    if (!sessionId || !secret || !/^[0-9a-f-]{36}$/.test(sessionId)) throw invalid;
    const newSecret = this.nextRefreshSecret(sessionId, secret);
    const outcome = await this.unitOfWork.run(actor, async (tx) => {
      const session = await tx.manager.findOne(Session, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt || session.expiresAt <= tx.now) {
        tx.audit({ action: 'session.refresh_refused', objectType: 'session', objectId: sessionId });
        return 'invalid' as const;
      }
      const presented = sha256(secret);
      if (presented === session.previousRefreshHash) {
        const withinWindow = session.rotatedAt !== null && tx.now.getTime() - session.rotatedAt.getTime() <= this.config.auth.refreshReuseWindowSeconds * 1000;
        if (withinWindow && session.refreshHash === sha256(newSecret) && session.rotatedTokenIssuedAt !== null) {
          tx.audit({ action: 'session.refresh_repeated', objectType: 'user', objectId: session.userId, after: { sessionId } });
          return { userId: session.userId, issuedAt: session.rotatedTokenIssuedAt };
        }
        await tx.manager.update(Session, { id: session.id }, { revokedAt: tx.now });
        tx.audit({ action: 'session.revoked_on_refresh_reuse', objectType: 'user', objectId: session.userId, after: { sessionId } });
        return 'invalid' as const;
      }
      if (presented !== session.refreshHash) {
        tx.audit({ action: 'session.refresh_refused', objectType: 'session', objectId: sessionId });
        return 'invalid' as const;
      }
      const issuedAt = Math.floor(Date.now() / 1000);
      await tx.manager.update(Session, { id: session.id }, { refreshHash: sha256(newSecret), previousRefreshHash: presented, rotatedAt: tx.now, rotatedTokenIssuedAt: issuedAt });
      tx.audit({ action: 'session.refreshed', objectType: 'user', objectId: session.userId, after: { sessionId } });
      return { userId: session.userId, issuedAt };
    });
    if (outcome === 'invalid') throw invalid;
    return this.tokens(outcome.userId, sessionId, newSecret, outcome.issuedAt);
  }

  async logout(actor: Actor): Promise<void> {
    if (!actor.sessionId || !actor.userId) throw DomainError.unauthenticated();
    const sessionId = actor.sessionId;
    await this.unitOfWork.run(actor, async (tx) => {
      await tx.manager.update(Session, { id: sessionId, revokedAt: IsNull() }, { revokedAt: tx.now });
      tx.audit({ action: 'session.revoked', objectType: 'user', objectId: actor.userId!, after: { sessionId } });
    });
  }

  /** Always succeeds from the caller's view, so the endpoint cannot be used to probe which e-mails exist. */
  async requestPasswordReset(actor: Actor, email: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
    if (!user || !user.isActive) return;
    await this.unitOfWork.run(actor, async (tx) => {
      const id = randomUUID();
      await tx.manager.insert(PasswordReset, {
        id,
        userId: user.id,
        createdAt: tx.now,
        expiresAt: new Date(tx.now.getTime() + this.config.auth.passwordResetTtlMinutes * 60_000),
        usedAt: null,
      });
      tx.audit({ action: 'password_reset.requested', objectType: 'user', objectId: user.id, after: { resetId: id } });
      tx.emit({ type: 'account.password_reset_requested', aggregateType: 'user', aggregateId: user.id, payload: { resetId: id } });
    });
  }

  /** The secret link for a reset request: the mail processor computes it from the id it was given. */
  passwordResetToken(resetId: string): string {
    return `${resetId}.${this.resetSignature(resetId)}`;
  }

  async confirmPasswordReset(actor: Actor, token: string, newPassword: string): Promise<void> {
    const invalid = DomainError.field('token', 'RESET_TOKEN_INVALID', {
      cs: 'Odkaz pro obnovu hesla je neplatný, již použitý nebo vypršel. Požádejte o nový.',
      en: 'The password-reset link is invalid, already used or expired. Please request a new one.',
    });
    const [resetId, signature] = token.split('.');
    if (!resetId || !signature || !/^[0-9a-f-]{36}$/.test(resetId)) throw invalid;
    const expected = Buffer.from(this.resetSignature(resetId));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid;
    const passwordHash = await this.hasher.hash(newPassword);
    await this.unitOfWork.run(actor, async (tx) => {
      const reset = await tx.manager.findOne(PasswordReset, { where: { id: resetId }, lock: { mode: 'pessimistic_write' } });
      if (!reset || reset.usedAt || reset.expiresAt <= tx.now) throw invalid;
      await tx.manager.update(PasswordReset, { id: reset.id }, { usedAt: tx.now });
      await tx.manager.update(User, { id: reset.userId }, { passwordHash, updatedAt: tx.now });
      // A reset means the old password may be known to someone else: end every session.
      await tx.manager.createQueryBuilder().update(Session).set({ revokedAt: tx.now }).where('user_id = :id AND revoked_at IS NULL', { id: reset.userId }).execute();
      tx.audit({ action: 'password_reset.completed', objectType: 'user', objectId: reset.userId, after: { resetId } });
    });
  }

  /** Checks a bearer token against its session, on every request: revocation takes effect at once. */
  async authenticate(bearerToken: string): Promise<AuthenticatedUser | null> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims & object>(bearerToken, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    const rows = await this.dataSource.query<{ id: string; roles: Role[]; language: 'cs' | 'en' }[]>(
      `SELECT u.id, u.roles, u.language FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND u.is_active`,
      [claims.sid, claims.sub, this.clock.now()],
    );
    const row = rows[0];
    return row ? { userId: row.id, sessionId: claims.sid, roles: row.roles, language: row.language } : null;
  }

  /** `iat` given: the token is reproducible (HS256 is deterministic), so a repeated refresh returns the same one. */
  private async tokens(userId: string, sessionId: string, refreshSecret: string, iat?: number): Promise<TokenPair> {
    const claims: AccessClaims & { iat?: number } = { sub: userId, sid: sessionId, ...(iat === undefined ? {} : { iat }) };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      algorithm: 'HS256',
    });
    return { accessToken, accessTokenExpiresIn: this.config.auth.accessTokenTtlSeconds, refreshToken: `${sessionId}.${refreshSecret}`, tokenType: 'Bearer' };
  }

  private nextRefreshSecret(sessionId: string, presentedSecret: string): string {
    return createHmac('sha256', this.config.auth.secret).update(`refresh:${sessionId}:${presentedSecret}`).digest('base64url');
  }

  private resetSignature(resetId: string): string {
    return createHmac('sha256', this.config.auth.secret).update(`password-reset:${resetId}`).digest('base64url');
  }
}
