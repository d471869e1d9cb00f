import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Notifier, NotificationScheduler } from '#notifications';
import { OutboxEvent, OutboxHandlers } from '#outbox';
import { GrantCall } from './entities.js';

/**
 * Calls are news for every applicant: publication, opening and the approaching deadline. All are
 * optional notifications (each user can mute them or take them in the daily digest).
 */
@Injectable()
export class CallNotifications implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly handlers: OutboxHandlers,
    private readonly scheduler: NotificationScheduler,
    private readonly notifier: Notifier,
  ) {}

  onModuleInit(): void {
    this.handlers.register('call.published', async (event) => {
      const call = await this.call(event);
      await this.notifier.notify({
        kind: 'call_published',
        userIds: await this.applicants(),
        params: {
          ...this.identity(call),
          applicationsFrom: call.opensAt?.toISOString() ?? '',
          applicationsUntil: call.closesAt?.toISOString() ?? '',
          allocation: call.totalAllocation?.toString() ?? '0.00',
        },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.handlers.register('call.open', async (event) => {
      const call = await this.call(event);
      await this.notifier.notify({
        kind: 'call_opened',
        userIds: await this.applicants(),
        params: { ...this.identity(call), applicationsUntil: call.closesAt?.toISOString() ?? '' },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
    this.scheduler.register({
      kind: 'call_closing_soon',
      due: async (from, until) => {
        const calls = await this.dataSource
          .getRepository(GrantCall)
          .createQueryBuilder('c')
          .where(`c.status = 'open' AND c.closesAt > :from AND c.closesAt <= :until`, { from, until })
          .getMany();
        const applicants = calls.length > 0 ? await this.applicants() : [];
        return calls.map((call) => ({
          subjectId: call.id,
          dueAt: call.closesAt!,
          userIds: applicants,
          params: { ...this.identity(call), applicationsUntil: call.closesAt!.toISOString() },
        }));
      },
    });
  }

  private identity(call: GrantCall) {
    return { callId: call.id, callCode: call.code, callTitle: call.title };
  }

  private call(event: OutboxEvent): Promise<GrantCall> {
    return this.dataSource.getRepository(GrantCall).findOneByOrFail({ id: event.aggregateId });
  }

  private async applicants(): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE is_active AND 'applicant' = ANY(roles)`);
    return rows.map((r) => r.id);
  }
}
