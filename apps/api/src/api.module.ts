import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { AccessGuard, AccessModule } from '#access';
import { ApplicationsModule } from '#applications';
import { AuditModule } from '#audit';
import { CallsModule } from '#calls';
import { APP_CONFIG, ConfigModule } from '#config';
import type { AppConfig } from '#config';
import { DatabaseModule } from '#database';
import { AwardsModule } from '#awards';
import { EvaluationModule } from '#evaluation';
import { LedgerModule } from '#ledger';
import { IdentityModule } from '#identity';
import { NotificationsModule } from '#notifications';
import { OrganisationsModule } from '#organisations';
import { OutboxModule } from '#outbox';
import { ReportsModule } from '#reports';
import { QueueModule } from '#queue';
import { SCHEMA } from '#schema';
import { StorageModule } from '#storage';
import { StrategyModule } from '#strategy';
import { ApplicationsController, BulkFormalCheckController, FormalCheckController } from './controllers/applications.controller.js';
import { CallsController, PublicCallsController } from './controllers/calls.controller.js';
import { AuditController } from './controllers/audit.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import {
  AgreementsController,
  ApplicantActionsController,
  AwardsController,
  BreachesController,
  PaymentsController,
  RecordFilesController,
  DecisionLettersController,
  SettlementsController,
} from './controllers/awards.controller.js';
import { BankFilesController } from './controllers/bank-files.controller.js';
import { ClockController } from './controllers/clock.controller.js';
import { DeliveryAdminController } from './controllers/delivery-admin.controller.js';
import { DevController } from './controllers/dev.controller.js';
import { CommissionsController, ReviewsController, SessionsController } from './controllers/evaluation.controller.js';
import { NotificationsController } from './controllers/notifications.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { DossierController, FulfilmentController, TraceController, TraceVersionController } from './controllers/trace.controller.js';
import { OpenDataController, PublicStrategyFundingController } from './controllers/open-data.controller.js';
import { OrganisationsController } from './controllers/organisations.controller.js';
import { StrategyController } from './controllers/strategy.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { ProblemFilter } from './http/problem.filter.js';
import { AuditorReadsInterceptor } from './http/auditor-reads.interceptor.js';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(SCHEMA),
    QueueModule.forRoot(),
    AccessModule,
    AuditModule,
    OutboxModule,
    IdentityModule,
    OrganisationsModule,
    StrategyModule,
    StorageModule,
    CallsModule,
    ApplicationsModule,
    NotificationsModule,
    EvaluationModule,
    LedgerModule,
    AwardsModule,
    ReportsModule,
    // Uploads are held in memory up to the configured limit, then sniffed and hashed before they reach storage.
    MulterModule.registerAsync({ inject: [APP_CONFIG], useFactory: (config: AppConfig) => ({ limits: { fileSize: config.storage.maxUploadBytes, files: 1, fields: 5 } }) }),
  ],
  controllers: [
    AuthController,
    UsersController,
    OrganisationsController,
    StrategyController,
    AuditController,
    HealthController,
    CallsController,
    PublicCallsController,
    ApplicationsController,
    FormalCheckController,
    BulkFormalCheckController,
    NotificationsController,
    DeliveryAdminController,
    CommissionsController,
    ReviewsController,
    SessionsController,
    AwardsController,
    AgreementsController,
    PaymentsController,
    BankFilesController,
    SettlementsController,
    ApplicantActionsController,
    BreachesController,
    RecordFilesController,
    DecisionLettersController,
    TraceController,
    TraceVersionController,
    OpenDataController,
    FulfilmentController,
    DossierController,
    ClockController,
    DevController,
    PublicStrategyFundingController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: AuditorReadsInterceptor },
  ],
})
export class ApiModule {}
