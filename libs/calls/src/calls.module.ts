import { Module } from '@nestjs/common';
import { NotificationsModule } from '#notifications';
import { CallNotifications } from './call-notifications.js';
import { CallService } from './call.service.js';

@Module({ imports: [NotificationsModule], providers: [CallService, CallNotifications], exports: [CallService] })
export class CallsModule {}
