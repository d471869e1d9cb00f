import { Module } from '@nestjs/common';
import { AccessModule } from '#access';
import { AuditModule } from '#audit';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { IdentityModule } from '#identity';
import { OrganisationsModule } from '#organisations';
import { OutboxModule } from '#outbox';
import { SCHEMA } from '#schema';
import { StrategyModule } from '#strategy';
import { DemoData } from './demo-data.js';

/** What the command-line tasks need: the domain services with their audit and outbox hooks, no HTTP, no queues. */
@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(SCHEMA), AccessModule, AuditModule, OutboxModule, IdentityModule, OrganisationsModule, StrategyModule],
  providers: [DemoData],
})
export class CliModule {}
