import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '#identity';
import { OutboxHandlers } from '#outbox';
import { Notifier } from './notifier.js';

/** The account e-mails: welcome and password reset. Identity emits the events; nothing here knows a password. */
@Injectable()
export class AccountNotifications implements OnModuleInit {
  constructor(
    private readonly handlers: OutboxHandlers,
    private readonly notifier: Notifier,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('account.created', async (event) => {
      const user = await this.dataSource.getRepository(User).findOne({ where: { id: event.aggregateId }, select: { id: true, email: true } });
      if (!user) return;
      await this.notifier.notify({ kind: 'account_welcome', userIds: [user.id], params: { email: user.email }, dedupeKey: event.id, sourceEventId: event.id });
    });
    this.handlers.register('account.password_reset_requested', async (event) => {
      await this.notifier.notify({
        kind: 'password_reset',
        userIds: [event.aggregateId],
        params: { resetId: String(event.payload.resetId) },
        dedupeKey: event.id,
        sourceEventId: event.id,
      });
    });
  }
}
