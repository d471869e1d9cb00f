import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notifier } from '#notifications';
import { OutboxHandlers } from '#outbox';

/** Commission members hear that they must declare conflicts, that reviews were assigned, and when the commission meets. */
@Injectable()
export class EvaluationNotifications implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.handlers.register('evaluation.member_added', async (event) => {
      const userId = String(event.payload.userId);
      const [row] = await this.dataSource.query<{ id: string; title: string; organisations: string }[]>(
        `SELECT g.id, g.title, (SELECT count(DISTINCT a.organisation_id) FROM application a WHERE a.call_id = g.id AND a.status = 'accepted') AS organisations
           FROM commission c JOIN grant_call g ON g.id = c.call_id WHERE c.id = $1`,
        [event.aggregateId],
      );
      await this.notifier.notify({
        kind: 'coi_declaration_pending',
        userIds: [userId],
        params: { callId: row.id, callTitle: row.title, organisationCount: Number(row.organisations) },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('evaluation.assigned', async (event) => {
      const userId = String(event.payload.userId);
      const [row] = await this.dataSource.query<{ id: string; title: string; assigned: string }[]>(
        `SELECT g.id, g.title, (SELECT count(*) FROM review_assignment ra WHERE ra.commission_id = c.id AND ra.user_id = $2) AS assigned
           FROM commission c JOIN grant_call g ON g.id = c.call_id WHERE c.id = $1`,
        [event.aggregateId, userId],
      );
      await this.notifier.notify({
        kind: 'commission_assignment',
        userIds: [userId],
        params: { callId: row.id, callTitle: row.title, applicationCount: Number(row.assigned), reviewDueAt: null },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('evaluation.session_convened', async (event) => {
      const rows = await this.dataSource.query<{ id: string; title: string; held_at: Date; place: string; user_id: string }[]>(
        `SELECT g.id, g.title, s.held_at, s.place, m.user_id FROM commission_session s JOIN commission c ON c.id = s.commission_id JOIN grant_call g ON g.id = c.call_id
           JOIN commission_member m ON m.commission_id = c.id AND m.removed_at IS NULL WHERE s.id = $1`,
        [event.aggregateId],
      );
      if (rows.length === 0) return;
      await this.notifier.notify({
        kind: 'session_convened',
        userIds: rows.map((r) => r.user_id),
        params: { callId: rows[0].id, callTitle: rows[0].title, sessionAt: rows[0].held_at.toISOString(), place: rows[0].place },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
  }
}
