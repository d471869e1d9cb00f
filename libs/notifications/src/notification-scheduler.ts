import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Clock, pragueInstant, pragueIsoDate } from '#core';
import { DIGEST_KIND } from './mail-delivery.js';
import { Notifier, QueuedMail, StoredParams } from './notifier.js';
import type { NotificationKind } from './templates/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Something with a deadline that people should be reminded of. */
export interface ReminderDue<K extends NotificationKind> {
  subjectId: string;
  dueAt: Date;
  userIds: readonly string[];
  params: StoredParams<K>;
}

/** Registered by the library that owns the deadline (calls, applications, later settlements). */
export interface ReminderSource<K extends NotificationKind = NotificationKind> {
  kind: K;
  /** Everything of this kind falling due in (from, until]. */
  due(from: Date, until: Date): Promise<ReminderDue<K>[]>;
}

/**
 * Notifications that time causes: reminders before deadlines, at the configured offsets, and the
 * daily digests. Each reminder's dedupe key is its subject, deadline and offset, so a tick repeated
 * (or two workers ticking) sends nothing twice; a moved deadline arms the reminders again. When
 * several offsets have passed unnoticed (the worker was down), only the nearest one is sent.
 */
@Injectable()
export class NotificationScheduler {
  private readonly logger = new Logger('NotificationScheduler');
  private readonly sources: ReminderSource[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register<K extends NotificationKind>(source: ReminderSource<K>): void {
    this.sources.push(source);
  }

  async sendReminders(): Promise<number> {
    const now = this.clock.now();
    let queued = 0;
    for (const source of this.sources) {
      const offsets = this.config.notifications.reminderOffsetsDays[source.kind] ?? [];
      if (offsets.length === 0) continue;
      const horizon = new Date(now.getTime() + Math.max(...offsets) * DAY_MS);
      for (const item of await source.due(now, horizon)) {
        const remaining = item.dueAt.getTime() - now.getTime();
        const passed = offsets.filter((days) => days * DAY_MS >= remaining);
        if (passed.length === 0) continue;
        const offset = Math.min(...passed);
        queued += await this.notifier.notify({
          kind: source.kind,
          userIds: item.userIds,
          params: item.params,
          dedupeKey: `${item.subjectId}@${item.dueAt.toISOString()}-${offset}d`,
        });
      }
    }
    if (queued > 0) this.logger.log(`${queued} reminder(s) queued`);
    return queued;
  }

  /**
   * From the configured hour (Prague time), gathers each user's waiting digest items created before
   * that hour into one digest notification. One statement: the digest and its items commit together.
   */
  async sendDigests(): Promise<number> {
    const now = this.clock.now();
    const date = pragueIsoDate(now);
    const cutoff = pragueInstant(date, `${String(this.config.notifications.digestHour).padStart(2, '0')}:00:00`);
    if (now < cutoff) return 0;
    const rows = await this.dataSource.query<QueuedMail[]>(
      `WITH waiting AS (
         SELECT DISTINCT user_id FROM notification WHERE email_status = 'digest_pending' AND created_at < $1
       ), digest AS (
         INSERT INTO notification (id, user_id, kind, dedupe_key, params, attachments, mandatory, in_app, created_at, email_status, email_updated_at)
         SELECT gen_random_uuid(), user_id, '${DIGEST_KIND}', $2, jsonb_build_object('date', $2::text), '[]'::jsonb, true, false, $3, 'pending', $3 FROM waiting
         ON CONFLICT (user_id, kind, dedupe_key) DO NOTHING
         RETURNING id, user_id, email_generation
       ), gathered AS (
         -- A data-modifying CTE runs to completion even though the final SELECT does not read it.
         UPDATE notification n SET email_status = 'digested', digest_id = d.id, email_updated_at = $3
           FROM digest d WHERE n.user_id = d.user_id AND n.email_status = 'digest_pending' AND n.created_at < $1
       )
       SELECT id, email_generation FROM digest`,
      [cutoff, date, now],
    );
    await this.notifier.enqueue(rows);
    if (rows.length > 0) this.logger.log(`${rows.length} daily digest(s) queued for ${date}`);
    return rows.length;
  }
}
