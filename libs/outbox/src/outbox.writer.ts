import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommitHook, Tx, UnitOfWork } from '#database';
import { OutboxEvent } from './outbox-event.entity.js';

export const OUTBOX_CHANNEL = 'outbox_event_added';

/** Writes the unit of work's messages in its own transaction; NOTIFY is delivered only on commit. */
@Injectable()
export class OutboxWriter implements CommitHook, OnModuleInit {
  readonly order = 100;

  constructor(private readonly unitOfWork: UnitOfWork) {}

  onModuleInit(): void {
    this.unitOfWork.register(this);
  }

  async beforeCommit(tx: Tx): Promise<void> {
    if (tx.outbox.length === 0) return;
    const rows = tx.outbox.map((m) => ({
      id: randomUUID(),
      type: m.type,
      aggregateType: m.aggregateType,
      aggregateId: m.aggregateId,
      payload: m.payload ?? {},
      createdAt: tx.now,
      availableAt: m.availableAt ?? tx.now,
      relayedAt: null,
      actorUserId: tx.actor.userId,
      correlationId: tx.actor.correlationId,
    }));
    await tx.manager.insert(OutboxEvent, rows);
    await tx.manager.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  }
}
