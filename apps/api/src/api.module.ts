import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard, AccessModule } from '#access';
import { AuditModule } from '#audit';
import { AppConfig, APP_CONFIG, ConfigModule } from '#config';
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
    // Login and reset attempts per e-mail and IP address (see LoginThrottle); in memory per API process.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'credentials', ttl: 60_000, limit: config.auth.loginAttemptsPerMinute }],
        getTracker: (request: Record<string, unknown>) => {
          const body = (request.body ?? {}) as { email?: unknown; refreshToken?: unknown };
          const subject = typeof body.email === 'string' ? body.email.trim().toLowerCase() : typeof body.refreshToken === 'string' ? body.refreshToken.split('.')[0] : '';
          return `${String(request.ip)}|${subject}`;
        },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, OrganisationsController, StrategyController, AuditController, HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
  ],
})
export class ApiModule {}
