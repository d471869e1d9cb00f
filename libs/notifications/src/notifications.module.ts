import { Module } from '@nestjs/common';
import { IdentityModule } from '#identity';
import { MailSender } from './mail-sender.js';
import { OutboxEventProcessor } from './outbox-event.processor.js';

@Module({ imports: [IdentityModule], providers: [MailSender, OutboxEventProcessor], exports: [OutboxEventProcessor, MailSender] })
export class NotificationsModule {}
