import { Module } from '@nestjs/common';
import { AccessModule } from '#access';
import { ApplicationsModule } from '#applications';
import { OrganisationsModule } from '#organisations';
import { CallsModule } from '#calls';
import { AuditModule } from '#audit';
import { ConfigModule } from '#config';
import { DatabaseModule } from '#database';
import { AwardsModule } from '#awards';
import { EvaluationModule } from '#evaluation';
import { LedgerModule } from '#ledger';
import { NotificationsModule } from '#notifications';
import { OutboxModule, OutboxRelayModule } from '#outbox';
import { QueueModule } from '#queue';
import { SCHEMA } from '#schema';
import { StorageModule } from '#storage';
import { LifecycleClockLoop } from './lifecycle-clock.loop.js';
import { MailConsumer } from './mail-consumer.js';
import { OutboxConsumer } from './outbox-consumer.js';
import { OutboxRelayLoop } from './outbox-relay.loop.js';
import { ReconcileLoop } from './reconcile.loop.js';

/** Background processing only: the outbox relay, the queue consumers (outbox events, e-mails), the reconciliation and the clock. No HTTP. */
@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot(SCHEMA),
    QueueModule.forRoot(),
    AccessModule,
    AuditModule,
    OutboxModule,
    OutboxRelayModule,
    NotificationsModule,
    StorageModule,
    OrganisationsModule,
    CallsModule,
    ApplicationsModule,
    EvaluationModule,
    LedgerModule,
    AwardsModule,
  ],
  providers: [OutboxRelayLoop, ReconcileLoop, OutboxConsumer, MailConsumer, LifecycleClockLoop],
})
export class WorkerModule {}
