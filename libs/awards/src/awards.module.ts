import { Module } from '@nestjs/common';
import { EvaluationModule } from '#evaluation';
import { NotificationsModule } from '#notifications';
import { ApplicantActionsService } from './applicant-actions.service.js';
import { AwardNotifications } from './award-notifications.js';
import { AgreementService } from './agreement.service.js';
import { AwardService } from './award.service.js';
import { PaymentService } from './payment.service.js';
import { SettlementService } from './settlement.service.js';
import { BreachService } from './breach.service.js';
import { RecordFilesService } from './record-files.service.js';
import { BankFilesService } from './bank/bank-files.service.js';

@Module({
  imports: [EvaluationModule, NotificationsModule],
  providers: [ApplicantActionsService, AwardService, AgreementService, PaymentService, SettlementService, BreachService, RecordFilesService, BankFilesService, AwardNotifications],
  exports: [ApplicantActionsService, AwardService, AgreementService, PaymentService, SettlementService, BreachService, RecordFilesService, BankFilesService],
})
export class AwardsModule {}
