import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only, hash-chained. `seq` is assigned by the writer under a lock, so the chain has no gaps:
 * a missing row is as visible as a changed one. The database refuses UPDATE, DELETE and TRUNCATE.
 */
@Entity('audit_log')
@Index('audit_log_object_idx', ['objectType', 'objectId'])
@Index('audit_log_actor_idx', ['actorUserId'])
@Index('audit_log_occurred_at_idx', ['occurredAt'])
export class AuditLogEntry {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'audit_log_pkey' })
  seq: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text', array: true })
  actorRoles: string[];

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  objectType: string;

  @Column({ type: 'text' })
  objectId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after: unknown;

  @Column({ type: 'text' })
  correlationId: string;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
