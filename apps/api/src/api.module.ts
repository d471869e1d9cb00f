import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AccessGuard, AccessModule } from '#access';
import { AuditModule } from '#audit';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { IdentityModule } from '#identity';
import { OrganisationsModule } from '#organisations';
import { OutboxModule } from '#outbox';
import { QueueModule } from '#queue';
import { SCHEMA } from '#schema';
import { StrategyModule } from '#strategy';
import { AuditController } from './controllers/audit.controller.js';
import { AuthController } from './controllers/auth.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { OrganisationsController } from './controllers/organisations.controller.js';
import { StrategyController } from './controllers/strategy.controller.js';
import { UsersController } from './controllers/users.controller.js';
import { ProblemFilter } from './http/problem.filter.js';

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
  ],
  controllers: [AuthController, UsersController, OrganisationsController, StrategyController, AuditController, HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
