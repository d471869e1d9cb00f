import { Module } from '@nestjs/common';
import { ApplicationsModule } from '#applications';
import { NotificationsModule } from '#notifications';
import { CommissionService } from './commission.service.js';
import { EvaluationNotifications } from './evaluation-notifications.js';
import { ResultsService } from './results.service.js';
import { ReviewService } from './review.service.js';
import { SessionService } from './session.service.js';

@Module({
  imports: [ApplicationsModule, NotificationsModule],
  providers: [CommissionService, ReviewService, ResultsService, SessionService, EvaluationNotifications],
  exports: [CommissionService, ReviewService, ResultsService, SessionService],
})
export class EvaluationModule {}
