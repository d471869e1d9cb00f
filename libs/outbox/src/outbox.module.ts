import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxWriter } from './outbox.writer.js';

@Module({ providers: [OutboxWriter], exports: [] })
export class OutboxModule {}

/** The relay belongs to the worker: only it needs queues to write to. */
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
