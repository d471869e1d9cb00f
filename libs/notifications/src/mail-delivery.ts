import { randomUUID } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Clock } from '#core';
import { isConnectionLoss } from '#database';
import { AuthService } from '#identity';
import { FileStorage } from '#storage';
import type { DeadReason } from './entities.js';
import { isPermanentMailFailure, MailSender } from './mail-sender.js';
import { Notifier, QueuedMail } from './notifier.js';
import { isNotificationKind, renderDigest, renderNotification } from './templates/index.js';
import type { DigestItem, Language, NotificationKind, NotificationParams, RenderedMessage } from './templates/index.js';

export const DIGEST_KIND = 'daily_digest';

const OUTCOME_UNKNOWN = 'the sender stopped during the SMTP conversation; the message may have been delivered';

interface ClaimedMail {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  attachments: { storageKey: string; fileName: string; contentType: string }[];
  source_event_id: string | null;
  email: string;
  display_name: string;
  language: Language;
}

export type DeliveryOutcome = 'sent' | 'already_handled' | 'in_flight_elsewhere' | 'outcome_unknown';

/** A transient failure: BullMQ retries the job with backoff. */
class RetryLater extends Error {}

/**
 * Sends the e-mail of one notification, exactly once. The row is claimed (pending/retrying →
 * sending, with a fresh claim id) in the statement that loads it, so of two deliveries of the same
 * job only one sends. The sender renews its claim while it works, so a claim not renewed for the
 * SMTP timeout belongs to a sender that died mid-conversation: the message may or may not have arrived, and it goes to the dead-letter list as
 * "outcome unknown" for a person to decide, rather than being sent a second time by a machine.
 */
@Injectable()
export class MailDelivery {
  private readonly logger = new Logger('MailDelivery');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mail: MailSender,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly notifier: Notifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async deliver(notificationId: string, lastAttempt: boolean): Promise<DeliveryOutcome> {
    const claim = randomUUID();
    const [claimed] = await this.dataSource.query<ClaimedMail[]>(
      `WITH claimed AS (
         UPDATE notification
            SET email_status = 'sending', email_claim = $2, email_claimed_at = $3, email_updated_at = $3, email_attempts = email_attempts + 1
          WHERE id = $1 AND email_status IN ('pending', 'retrying')
         RETURNING id, user_id, kind, params, attachments, source_event_id
       )
       SELECT c.id, c.kind, c.params, c.attachments, c.source_event_id, u.email, u.display_name, u.language
         FROM claimed c JOIN app_user u ON u.id = c.user_id`,
      [notificationId, claim, this.clock.now()],
    );
    if (!claimed) return this.notClaimed(notificationId);

    let response: string;
    // While this sender is alive it renews its claim, so only a claim left by a stopped sender grows
    // older than the send timeout: waiting for a pooled SMTP connection does not count against it.
    const heartbeat = setInterval(
      () => {
        this.dataSource
          .query(`UPDATE notification SET email_claimed_at = $3 WHERE id = $1 AND email_claim = $2`, [claimed.id, claim, this.clock.now()])
          .catch((error: Error) => this.logger.warn(`renewing the claim on ${claimed.id}: ${error.message}`));
      },
      Math.max(100, Math.floor(this.config.mail.sendTimeoutMs / 3)),
    );
    try {
      response = await this.mail.send({
        to: claimed.email,
        ...(await this.render(claimed)),
        messageId: claimed.id,
        headers: { 'X-Grants-Notification': claimed.id, ...(claimed.source_event_id ? { 'X-Grants-Event': claimed.source_event_id } : {}) },
        attachments: await this.loadAttachments(claimed),
      });
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      if (error instanceof UnrecoverableError || isPermanentMailFailure(error)) {
        await this.markDead(claimed.id, claim, 'permanent', message);
        throw new UnrecoverableError(`permanent failure: ${message}`);
      }
      if (lastAttempt) {
        await this.markDead(claimed.id, claim, 'attempts_exhausted', message);
        throw new UnrecoverableError(`last attempt failed: ${message}`);
      }
      await this.dataSource.query(
        `UPDATE notification SET email_status = 'retrying', email_claim = NULL, email_last_error = $3, email_updated_at = $4 WHERE id = $1 AND email_claim = $2`,
        [claimed.id, claim, message, this.clock.now()],
      );
      throw new RetryLater(message);
    } finally {
      clearInterval(heartbeat);
    }
    // Only the claim's holder records the outcome, even if a sweeper gave up on it meanwhile. The
    // message is out: a database session cut now must not leave it looking "outcome unknown".
    await this.persistently(() =>
      this.dataSource.query(
        `UPDATE notification SET email_status = 'sent', email_claim = NULL, email_sent_at = $3, email_updated_at = $3, smtp_response = $4, email_last_error = NULL, email_dead_reason = NULL
        WHERE id = $1 AND email_claim = $2`,
        [claimed.id, claim, this.clock.now(), response.slice(0, 500)],
      ),
    );
    return 'sent';
  }

  /** Retries a write through lost database sessions (the pool reconnects) for up to the send timeout. */
  private async persistently<T>(write: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.config.mail.sendTimeoutMs;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
      try {
        return await write();
      } catch (error) {
        if (!isConnectionLoss(error) || Date.now() + delay > deadline) throw error;
        this.logger.warn(`recording a sent message: ${(error as Error).message}; retrying`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * Keeps the ledger and the queue in step when something outside our control failed: claims left by
   * dead senders become "outcome unknown", and e-mails still pending long after they were queued are
   * queued again (a no-op while the queue remembers their job, a rescue when Redis lost it).
   */
  async reconcile(): Promise<{ outcomeUnknown: number; requeued: number }> {
    const now = this.clock.now();
    const staleClaim = new Date(now.getTime() - this.config.mail.sendTimeoutMs);
    const unknown = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification SET email_status = 'dead', email_dead_reason = 'outcome_unknown', email_updated_at = $2, email_last_error = $3
        WHERE email_status = 'sending' AND email_claimed_at < $1 RETURNING id`,
      [staleClaim, now, OUTCOME_UNKNOWN],
    );
    // Pending: queued once, so anything older than the bound lost its job. Retrying: waits for its backoff first.
    const lost = await this.dataSource.query<QueuedMail[]>(
      `SELECT id, email_generation FROM notification
        WHERE (email_status = 'pending' AND email_updated_at < $1) OR (email_status = 'retrying' AND email_updated_at < $2)
        ORDER BY email_updated_at LIMIT 1000`,
      [
        new Date(now.getTime() - this.config.reconcileAfterMs),
        new Date(now.getTime() - Math.max(this.config.reconcileAfterMs, 2 * this.config.mail.backoffMs * 2 ** this.config.mail.attempts)),
      ],
    );
    await this.notifier.enqueue(lost);
    const outcomeUnknown = unknown[1] ?? 0;
    if (outcomeUnknown > 0) this.logger.warn(`${outcomeUnknown} message(s) left by a stopped sender: outcome unknown, listed as dead letters`);
    return { outcomeUnknown, requeued: lost.length };
  }

  private async notClaimed(notificationId: string): Promise<DeliveryOutcome> {
    const [row] = await this.dataSource.query<
      {
        email_status: string;
        email_claim: string | null;
        email_claimed_at: Date | null;
      }[]
    >(`SELECT email_status, email_claim, email_claimed_at FROM notification WHERE id = $1`, [notificationId]);
    if (!row || row.email_status !== 'sending') return 'already_handled';
    const age = this.clock.now().getTime() - (row.email_claimed_at?.getTime() ?? 0);
    if (age < this.config.mail.sendTimeoutMs) {
      // Another sender holds it right now; look again after it has certainly finished or died.
      throw new RetryLater('being sent by another worker');
    }
    await this.markDead(notificationId, row.email_claim, 'outcome_unknown', OUTCOME_UNKNOWN);
    return 'outcome_unknown';
  }

  private async markDead(id: string, claim: string | null, reason: DeadReason, message: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification SET email_status = 'dead', email_dead_reason = $3, email_last_error = $4, email_claim = NULL, email_updated_at = $5
        WHERE id = $1 AND email_claim IS NOT DISTINCT FROM $2`,
      [id, claim, reason, message, this.clock.now()],
    );
  }

  private async render(mail: ClaimedMail): Promise<Pick<RenderedMessage, 'subject' | 'text' | 'html'>> {
    const ctx = { language: mail.language === 'en' ? ('en' as const) : ('cs' as const), recipientName: mail.display_name, portalUrl: this.config.publicUrl };
    if (mail.kind === DIGEST_KIND) {
      const items = await this.dataSource.query<
        {
          kind: string;
          params: Record<string, unknown>;
          created_at: Date;
        }[]
      >(`SELECT kind, params, created_at FROM notification WHERE digest_id = $1 ORDER BY created_at`, [mail.id]);
      const digestItems: DigestItem[] = items
        .filter((item) => isNotificationKind(item.kind))
        .map((item) => ({ kind: item.kind as NotificationKind, params: item.params as unknown as DigestItem['params'], createdAt: item.created_at }));
      // Only items of kinds this version no longer knows: an operator should look, not a retry.
      if (digestItems.length === 0) throw new UnrecoverableError('digest has no items with a known template');
      return renderDigest(digestItems, ctx, String(mail.params.date));
    }
    if (!isNotificationKind(mail.kind)) throw new UnrecoverableError(`no template for kind "${mail.kind}"`);
    return renderNotification(mail.kind, this.paramsForSending(mail.kind, mail.params), ctx);
  }

  /** A password-reset link is a secret: it is derived when the mail is sent and never stored. */
  private paramsForSending(kind: NotificationKind, params: Record<string, unknown>): NotificationParams[NotificationKind] {
    if (kind === 'password_reset') {
      const token = this.auth.passwordResetToken(String(params.resetId));
      return { link: `${this.config.publicUrl}/obnova-hesla?token=${encodeURIComponent(token)}`, validMinutes: this.config.auth.passwordResetTtlMinutes };
    }
    return params as unknown as NotificationParams[NotificationKind];
  }

  private async loadAttachments(mail: ClaimedMail) {
    return Promise.all(mail.attachments.map(async (a) => ({ filename: a.fileName, contentType: a.contentType, content: await buffer(await this.storage.get(a.storageKey)) })));
  }
}
