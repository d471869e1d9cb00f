import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A side effect waiting to happen after its transaction committed. The relay moves it to the queue. */
@Entity('outbox_event')
@Index('outbox_event_pending_idx', ['availableAt'], { where: 'relayed_at IS NULL' })
@Index('outbox_event_unprocessed_idx', ['relayedAt'], { where: 'relayed_at IS NOT NULL AND processed_at IS NULL' })
/** The letter of an award decision is found by the decision's id (expression index, migration 1795600000000). */
@Index('outbox_event_award_decided_idx', { synchronize: false })
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

  /** Set when every handler finished: a job delivered again (relay ran twice, Redis lost its data) is skipped. */
  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  correlationId: string;
}
