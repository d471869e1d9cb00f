import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommitHook, Tx, UnitOfWork } from '#database';

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
    const messages = tx.outbox;
    // The rows and the NOTIFY in one statement: every round trip counts in a deadline rush.
    await tx.manager.query(
      `WITH added AS (
         INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload, created_at, available_at, actor_user_id, correlation_id)
         SELECT id, type, aggregate_type, aggregate_id, payload, $6, available_at, $7, $8
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $9::timestamptz[]) AS m (id, type, aggregate_type, aggregate_id, payload, available_at)
       )
       SELECT pg_notify('${OUTBOX_CHANNEL}', '')`,
      [
        messages.map(() => randomUUID()),
        messages.map((m) => m.type),
        messages.map((m) => m.aggregateType),
        messages.map((m) => m.aggregateId),
        messages.map((m) => JSON.stringify(m.payload ?? {})),
        tx.now,
        tx.actor.userId,
        tx.actor.correlationId,
        messages.map((m) => m.availableAt ?? tx.now),
      ],
    );
  }
}
