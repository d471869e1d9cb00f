import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A side effect waiting to happen after its transaction committed. The relay moves it to the queue. */
@Entity('outbox_event')
@Index('outbox_event_pending_idx', ['availableAt'], { where: 'relayed_at IS NULL' })
export class OutboxEvent {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'outbox_event_pkey' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'text' })
  aggregateType: string;

  @Column({ type: 'text' })
  aggregateId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, string | number | boolean | null>;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  availableAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  correlationId: string;
}
