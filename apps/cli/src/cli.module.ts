import { Module } from '@nestjs/common';
import { AccessModule } from '#access';
import { ApplicationsModule } from '#applications';
import { CallsModule } from '#calls';
import { AuditModule } from '#audit';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { AwardsModule } from '#awards';
import { EvaluationModule } from '#evaluation';
import { LedgerModule } from '#ledger';
import { IdentityModule } from '#identity';
import { OrganisationsModule } from '#organisations';
import { OutboxModule } from '#outbox';
import { QueueModule } from '#queue';
import { SCHEMA } from '#schema';
import { StorageModule } from '#storage';
import { StrategyModule } from '#strategy';
import { DemoData } from './demo-data.js';
import { DemoRound, ReplayClock } from './demo-round.js';

/**
 * What the command-line tasks need: the domain services with their audit and outbox hooks, no HTTP.
 * The queues are there because the domain modules depend on the notifier; the CLI itself queues nothing.
 */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(SCHEMA, { clock: new ReplayClock() }),
    AccessModule,
    AuditModule,
    OutboxModule,
    QueueModule.forRoot(),
    IdentityModule,
    OrganisationsModule,
    StrategyModule,
    StorageModule,
    CallsModule,
    ApplicationsModule,
    EvaluationModule,
    LedgerModule,
    AwardsModule,
  ],
  providers: [DemoData, DemoRound],
})
export class CliModule {}
