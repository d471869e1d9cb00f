import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Clock } from '#core';
import { MailJobData, QueueFactory, QUEUES } from '#queue';
import { NOTIFICATION_KINDS } from './templates/index.js';
import type { NotificationKind, NotificationParams } from './templates/index.js';

export interface NotificationAttachment {
  storageKey: string;
  fileName: string;
  contentType: string;
}

/** What is stored with a notification. A password-reset link is a secret, derived only when the mail is sent. */
export type StoredParams<K extends NotificationKind> = K extends 'password_reset' ? { resetId: string } : NotificationParams[K];

export interface NotificationRequest<K extends NotificationKind = NotificationKind> {
  kind: K;
  userIds: readonly string[];
  params: StoredParams<K>;
  /** Same key, same user, same kind → the same notification: an outbox event id, or a reminder's subject and offset. */
  dedupeKey: string;
  sourceEventId?: string | null;
  attachments?: NotificationAttachment[];
}

/** A row whose e-mail should be (re)queued; the generation makes a re-queued message a new job. */
export interface QueuedMail {
  id: string;
  email_generation: number;
}

/**
 * Creates notifications and queues their e-mails. The rows are the delivery ledger: a request
 * repeated (the outbox job ran twice) inserts nothing, and only e-mails still pending are queued,
 * under job ids BullMQ will not take twice while it remembers them; the mail processor's claim on
 * the row covers the case when it has forgotten.
 */
@Injectable()
export class Notifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Returns how many e-mails were queued now. */
  async notify<K extends NotificationKind>(request: NotificationRequest<K>, manager: EntityManager = this.dataSource.manager): Promise<number> {
    if (request.userIds.length === 0) return 0;
    const info = NOTIFICATION_KINDS[request.kind];
    // Muting and digests apply to optional kinds only; inactive users get nothing.
    const rows = await manager.query<QueuedMail[]>(
      `WITH added AS (
         INSERT INTO notification (id, user_id, kind, dedupe_key, source_event_id, params, attachments, mandatory, in_app, created_at, email_status, email_updated_at)
         SELECT gen_random_uuid(), u.id, $1, $2, $3, $4, $5, $6, $7, $8,
                CASE WHEN $6 THEN 'pending'
                     WHEN $1 = ANY(coalesce(p.muted_kinds, '{}')) THEN 'suppressed'
                     WHEN p.delivery = 'daily_digest' THEN 'digest_pending'
                     ELSE 'pending' END,
                $8
           FROM app_user u LEFT JOIN notification_preference p ON p.user_id = u.id
          WHERE u.id = ANY($9::uuid[]) AND u.is_active
         ON CONFLICT (user_id, kind, dedupe_key) DO NOTHING
         RETURNING id, email_status, email_generation
       )
       SELECT id, email_generation FROM added WHERE email_status = 'pending'
       UNION ALL
       SELECT id, email_generation FROM notification
        WHERE kind = $1 AND dedupe_key = $2 AND user_id = ANY($9::uuid[]) AND email_status = 'pending'`,
      [
        request.kind,
        request.dedupeKey,
        request.sourceEventId ?? null,
        JSON.stringify(request.params),
        JSON.stringify(request.attachments ?? []),
        info.mandatory,
        info.inApp,
        this.clock.now(),
        [...new Set(request.userIds)],
      ],
    );
    await this.enqueue(rows);
    return rows.length;
  }

  /** Job data is the notification id only: the processor loads the recipient and the content. */
  async enqueue(rows: readonly QueuedMail[]): Promise<void> {
    if (rows.length === 0) return;
    const { attempts, backoffMs } = this.config.mail;
    await this.queues.queue<MailJobData>(QUEUES.mail).addBulk(
      rows.map((row) => ({
        name: 'mail',
        data: { notificationId: row.id },
        opts: {
          jobId: `${row.id}-g${row.email_generation}`,
          attempts,
          backoff: { type: 'exponential', delay: backoffMs },
          // The notification row is the record of every delivery; the queue keeps only a recent window.
          removeOnComplete: { count: 2000 },
          removeOnFail: { count: 5000 },
        },
      })),
    );
  }
}
