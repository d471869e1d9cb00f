import { Module } from '@nestjs/common';
import { EvaluationModule } from '#evaluation';
import { NotificationsModule } from '#notifications';
import { AwardNotifications } from './award-notifications.js';
import { AwardService } from './award.service.js';

@Module({
  imports: [EvaluationModule, NotificationsModule],
  providers: [AwardService, AwardNotifications],
  exports: [AwardService],
})
export class AwardsModule {}
