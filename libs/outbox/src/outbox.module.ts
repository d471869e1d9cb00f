import { Global, Module } from '@nestjs/common';
import { OutboxHandlers } from './outbox-handlers.js';
import { OutboxRelay } from './outbox.relay.js';
import { OutboxWriter } from './outbox.writer.js';

/** Global: every domain module registers its event handlers with the one OutboxHandlers. */
@Global()
@Module({ providers: [OutboxWriter, OutboxHandlers], exports: [OutboxHandlers] })
export class OutboxModule {}

/** The relay belongs to the worker: only it needs queues to write to. */
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
