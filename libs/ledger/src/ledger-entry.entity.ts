import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Money } from '#core';
import { moneyTransformer } from '#database';

export const LEDGER_KINDS = ['allocated', 'requested', 'recommended', 'approved', 'contracted', 'paid', 'settled', 'returned', 'penalised'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/**
 * One money event, or its part for one action-plan activity. Append-only (a trigger refuses UPDATE,
 * DELETE and TRUNCATE): a correction is a new entry with the opposite sign. Entries of one event share
 * `event_id`, and their amounts add up exactly to the event's amount (see splitByShares).
 */
@Entity('ledger_entry')
@Index('ledger_entry_event_idx', ['eventId'])
@Index('ledger_entry_application_idx', ['applicationId', 'kind'])
@Index('ledger_entry_activity_idx', ['activityId', 'kind'])
@Index('ledger_entry_call_idx', ['callId', 'kind'])
@Check('ledger_entry_kind_known', `kind IN (${LEDGER_KINDS.map((k) => `'${k}'`).join(',')})`)
export class LedgerEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'ledger_entry_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  kind: LedgerKind;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid' })
  callId: string;

  @Column({ type: 'uuid', nullable: true })
  budgetAreaId: string | null;

  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  /** The action-plan activity this part serves; null for money not yet tied to a project (an allocation). */
  @Column({ type: 'uuid', nullable: true })
  activityId: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  /** What caused it: e.g. award_decision / payment, with its id. */
  @Column({ type: 'text' })
  sourceType: string;

  @Column({ type: 'text' })
  sourceId: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  correlationId: string;
}
