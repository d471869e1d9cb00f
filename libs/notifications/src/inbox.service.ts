import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Actor, Clock, DomainError, Page, pageOf } from '#core';
import { UnitOfWork } from '#database';
import type { InboxQuery, UpdatePreferencesRequest } from './dto.js';
import { NotificationPreference } from './entities.js';
import { isNotificationKind, NOTIFICATION_KINDS, renderNotification } from './templates/index.js';
import type { NotificationCategory, NotificationKind, NotificationParams } from './templates/index.js';

export interface InboxItem {
  id: string;
  kind: string;
  category: NotificationCategory;
  title: string;
  summary: string;
  link: string | null;
  mandatory: boolean;
  createdAt: Date;
  readAt: Date | null;
}

export interface PreferencesView {
  delivery: 'immediate' | 'daily_digest';
  version: number;
  kinds: { kind: NotificationKind; category: NotificationCategory; label: string; mandatory: boolean; muted: boolean }[];
}

/** A user's own notifications in the portal, and their choices about e-mail. */
@Injectable()
export class InboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: InboxQuery): Promise<Page<InboxItem> & { unread: number }> {
    const userId = this.userOf(actor);
    const where = `user_id = $1 AND in_app${query.unread ? ' AND read_at IS NULL' : ''}`;
    const [rows, [counts]] = await Promise.all([
      this.dataSource.query<{ id: string; kind: string; params: Record<string, unknown>; mandatory: boolean; created_at: Date; read_at: Date | null }[]>(
        `SELECT id, kind, params, mandatory, created_at, read_at FROM notification WHERE ${where} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
        [userId, query.pageSize, query.offset],
      ),
      this.dataSource.query<{ total: string; unread: string }[]>(
        `SELECT count(*) FILTER (WHERE in_app) AS total, count(*) FILTER (WHERE in_app AND read_at IS NULL) AS unread FROM notification WHERE user_id = $1`,
        [userId],
      ),
    ]);
    const items = rows
      .filter((row) => isNotificationKind(row.kind))
      .map((row) => {
        const kind = row.kind as NotificationKind;
        const rendered = renderNotification(kind, row.params as unknown as NotificationParams[NotificationKind], {
          language: actor.language,
          recipientName: '',
          portalUrl: this.config.publicUrl,
        });
        return {
          id: row.id,
          kind,
          category: NOTIFICATION_KINDS[kind].category,
          title: rendered.title,
          summary: rendered.summary,
          link: rendered.link,
          mandatory: row.mandatory,
          createdAt: row.created_at,
          readAt: row.read_at,
        };
      });
    const total = query.unread ? Number(counts.unread) : Number(counts.total);
    return { ...pageOf(items, total, query), unread: Number(counts.unread) };
  }

  /** Read state is the user's own bookkeeping, not a change of anything the programme decides: no audit entry. */
  async markRead(actor: Actor, id: string, read: boolean): Promise<void> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE notification SET read_at = CASE WHEN $3 THEN coalesce(read_at, $4) ELSE NULL END WHERE id = $1 AND user_id = $2 AND in_app`,
      [id, this.userOf(actor), read, this.clock.now()],
    );
    // Someone else's notification is indistinguishable from a missing one.
    if (affected === 0) throw DomainError.notFound('notification', id);
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const [, marked] = await this.dataSource.query<[unknown, number]>(`UPDATE notification SET read_at = $2 WHERE user_id = $1 AND in_app AND read_at IS NULL`, [
      this.userOf(actor),
      this.clock.now(),
    ]);
    return { marked };
  }

  async preferences(actor: Actor): Promise<PreferencesView> {
    const stored = await this.dataSource.getRepository(NotificationPreference).findOneBy({ userId: this.userOf(actor) });
    return this.view(stored, actor.language);
  }

  async updatePreferences(actor: Actor, request: UpdatePreferencesRequest): Promise<PreferencesView> {
    const userId = this.userOf(actor);
    const unknown = request.mutedKinds.filter((kind) => !isNotificationKind(kind));
    if (unknown.length > 0) {
      throw DomainError.field('mutedKinds', 'NOTIFICATION_KIND_UNKNOWN', {
        cs: `Neznámý druh oznámení: ${unknown.join(', ')}.`,
        en: `Unknown notification kind: ${unknown.join(', ')}.`,
      });
    }
    const mandatory = request.mutedKinds.filter((kind) => NOTIFICATION_KINDS[kind as NotificationKind].mandatory);
    if (mandatory.length > 0) {
      throw DomainError.field('mutedKinds', 'NOTIFICATION_MANDATORY', {
        cs: `Tato oznámení zasíláme vždy (týkají se vašich práv a povinností nebo účtu), vypnout je nelze: ${mandatory.join(', ')}.`,
        en: `These notices are always sent (they concern your rights, duties or account) and cannot be muted: ${mandatory.join(', ')}.`,
      });
    }
    return this.unitOfWork.run(actor, async (tx) => {
      const repository = tx.manager.getRepository(NotificationPreference);
      const before = await repository.findOne({ where: { userId }, lock: { mode: 'pessimistic_write' } });
      if ((before?.version ?? 0) !== request.version) throw DomainError.staleVersion(this.view(before, actor.language));
      const after = repository.create({
        userId,
        delivery: request.delivery,
        mutedKinds: [...new Set(request.mutedKinds)].sort(),
        updatedAt: tx.now,
        version: (before?.version ?? 0) + 1,
      });
      await repository.save(after);
      tx.audit({
        action: 'notification_preferences.updated',
        objectType: 'user',
        objectId: userId,
        before: before ? { delivery: before.delivery, mutedKinds: before.mutedKinds } : null,
        after: { delivery: after.delivery, mutedKinds: after.mutedKinds },
      });
      return this.view(after, actor.language);
    });
  }

  private view(stored: NotificationPreference | null, language: 'cs' | 'en'): PreferencesView {
    const muted = new Set(stored?.mutedKinds ?? []);
    return {
      delivery: stored?.delivery ?? 'immediate',
      version: stored?.version ?? 0,
      kinds: (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).map((kind) => ({
        kind,
        category: NOTIFICATION_KINDS[kind].category,
        label: NOTIFICATION_KINDS[kind].label[language],
        mandatory: NOTIFICATION_KINDS[kind].mandatory,
        muted: muted.has(kind),
      })),
    };
  }

  private userOf(actor: Actor): string {
    if (!actor.userId) throw DomainError.unauthenticated();
    return actor.userId;
  }
}
