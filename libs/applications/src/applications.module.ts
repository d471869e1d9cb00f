import { Module } from '@nestjs/common';
import { CallsModule } from '#calls';
import { NotificationsModule } from '#notifications';
import { ApplicationNotifications } from './application-notifications.js';
import { ApplicationService } from './application.service.js';
import { ApplicationStore } from './application-store.js';
import { AttachmentService } from './attachment.service.js';
import { FormalCheckService } from './formal-check.service.js';
import { ReceiptService } from './receipt.service.js';
import { SubmissionService } from './submission.service.js';

@Module({
  imports: [CallsModule, NotificationsModule],
  providers: [ApplicationStore, ApplicationService, SubmissionService, AttachmentService, FormalCheckService, ReceiptService, ApplicationNotifications],
  exports: [ApplicationService, SubmissionService, AttachmentService, FormalCheckService, ReceiptService],
})
export class ApplicationsModule {}
