import { Module } from '@nestjs/common';
import { IdentityModule } from '#identity';
import { AccountNotifications } from './account-notifications.js';
import { DeliveryAdminService } from './delivery-admin.service.js';
import { InboxService } from './inbox.service.js';
import { MailDelivery } from './mail-delivery.js';
import { MailSender } from './mail-sender.js';
import { NotificationScheduler } from './notification-scheduler.js';
import { Notifier } from './notifier.js';

/**
 * Notifications for every later library: they register their event handlers and reminder sources
 * here and call Notifier; this library knows no domain beyond accounts.
 */
@Module({
  imports: [IdentityModule],
  providers: [MailSender, Notifier, MailDelivery, NotificationScheduler, InboxService, DeliveryAdminService, AccountNotifications],
  exports: [Notifier, MailDelivery, NotificationScheduler, InboxService, DeliveryAdminService],
})
export class NotificationsModule {}
