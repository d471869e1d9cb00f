import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Money } from '#core';
import { splitByShares } from './activity-split.js';
import type { ActivityShare } from './activity-split.js';
import type { EntityManager } from 'typeorm';
import type { Tx } from '#database';
import type { LedgerKind } from './ledger-entry.entity.js';

export interface LedgerEvent {
  kind: LedgerKind;
  callId: string;
  budgetAreaId: string | null;
  applicationId: string | null;
  amount: Money;
  sourceType: string;
  sourceId: string;
  /** The application's action-plan shares (basis points adding up to 10 000); none: one entry without an activity. */
  shares?: readonly ActivityShare[];
}

/**
 * THE order in which shares are split (the rounding rule's tie-break): the largest share first, then
 * by activity id. Every kind of entry is split in this order, whatever order a caller or an applicant
 * gave the activities in, so any kind's parts can be rebuilt from its whole by one rule.
 */
export function canonicalShares(shares: readonly ActivityShare[]): ActivityShare[] {
  return [...shares].sort((a, b) => b.basisPoints - a.basisPoints || (a.activityId < b.activityId ? -1 : a.activityId > b.activityId ? 1 : 0));
}

/**
 * Writes money events in the transaction of the state change that caused them, one row per activity
 * share, in one statement. The only code that inserts into `ledger_entry`.
 */
@Injectable()
export class LedgerWriter {
  async record(tx: Tx, events: readonly LedgerEvent[]): Promise<void> {
    const rows = events.flatMap((event) => {
      const eventId = randomUUID();
      const parts = event.shares && event.shares.length > 0 ? splitByShares(event.amount, canonicalShares(event.shares)) : [{ activityId: null, amount: event.amount }];
      return parts.map((part) => ({ event, eventId, activityId: part.activityId, amount: part.amount }));
    });
    if (rows.length === 0) return;
    await tx.manager.query(
      `INSERT INTO ledger_entry (id, event_id, kind, occurred_at, call_id, budget_area_id, application_id, activity_id, amount, source_type, source_id, actor_user_id, correlation_id)
       SELECT gen_random_uuid(), e, k, $1, c, b, a, act, amt, st, si, $2, $3
         FROM unnest($4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::uuid[], $10::numeric[], $11::text[], $12::text[]) AS r(e, k, c, b, a, act, amt, st, si)`,
      [
        tx.now,
        tx.actor.userId,
        tx.actor.correlationId,
        rows.map((r) => r.eventId),
        rows.map((r) => r.event.kind),
        rows.map((r) => r.event.callId),
        rows.map((r) => r.event.budgetAreaId),
        rows.map((r) => r.event.applicationId),
        rows.map((r) => r.activityId),
        rows.map((r) => r.amount.toString()),
        rows.map((r) => r.event.sourceType),
        rows.map((r) => r.event.sourceId),
      ],
    );
  }

  /**
   * Cancels what the ledger holds of one kind for these applications (per activity, with the opposite
   * sign), so that a re-submission or a re-closed recommendation can be recorded afresh without ever
   * editing an entry. One statement; nothing to cancel writes nothing.
   */
  async reverse(tx: Tx, input: { kind: LedgerKind; applicationIds: readonly string[]; sourceType: string; sourceId: string }): Promise<void> {
    if (input.applicationIds.length === 0) return;
    // One event per application, so its parts stay together like those of the entries it cancels.
    await tx.manager.query(
      `INSERT INTO ledger_entry (id, event_id, kind, occurred_at, call_id, budget_area_id, application_id, activity_id, amount, source_type, source_id, actor_user_id, correlation_id)
       SELECT gen_random_uuid(), r.event_id, $2, $3, l.call_id, l.budget_area_id, l.application_id, l.activity_id, -sum(l.amount), $4, $5, $6, $7
         FROM ledger_entry l JOIN unnest($1::uuid[], $8::uuid[]) AS r (application_id, event_id) ON r.application_id = l.application_id
        WHERE l.kind = $2
        GROUP BY r.event_id, l.call_id, l.budget_area_id, l.application_id, l.activity_id HAVING sum(l.amount) <> 0`,
      [input.applicationIds, input.kind, tx.now, input.sourceType, input.sourceId, tx.actor.userId, tx.actor.correlationId, input.applicationIds.map(() => randomUUID())],
    );
  }

  /**
   * A change of an application's activity mapping: every kind of money the ledger holds for it moves to
   * the new shares. What each activity holds is cancelled by an opposite entry, and each kind's whole is
   * recorded afresh by the new shares (one event per kind), in the caller's transaction.
   */
  async resplit(tx: Tx, input: { applicationId: string; shares: readonly ActivityShare[]; sourceType: string; sourceId: string }): Promise<void> {
    const wholes = await tx.manager.query<{ kind: LedgerKind; call_id: string; budget_area_id: string | null; total: string }[]>(
      `SELECT kind, call_id, budget_area_id, sum(amount)::text AS total FROM ledger_entry WHERE application_id = $1 AND activity_id IS NOT NULL
        GROUP BY kind, call_id, budget_area_id`,
      [input.applicationId],
    );
    if (wholes.length === 0) return;
    for (const kind of new Set(wholes.map((w) => w.kind)))
      await this.reverse(tx, { kind, applicationIds: [input.applicationId], sourceType: input.sourceType, sourceId: input.sourceId });
    await this.record(
      tx,
      wholes
        .filter((w) => !Money.parse(w.total).isZero())
        .map((w) => ({
          kind: w.kind,
          callId: w.call_id,
          budgetAreaId: w.budget_area_id,
          applicationId: input.applicationId,
          amount: Money.parse(w.total),
          sourceType: input.sourceType,
          sourceId: input.sourceId,
          shares: input.shares,
        })),
    );
  }

  /** The applications' action-plan shares as the ledger splits by them (largest share first, then by activity id). */
  async sharesOf(manager: EntityManager, applicationIds: readonly string[]): Promise<Map<string, ActivityShare[]>> {
    const rows = await manager.query<{ application_id: string; strategy_node_id: string; share_basis_points: number }[]>(
      `SELECT application_id, strategy_node_id, share_basis_points FROM application_activity WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, share_basis_points DESC, strategy_node_id`,
      [applicationIds],
    );
    const shares = new Map<string, ActivityShare[]>();
    for (const r of rows) shares.set(r.application_id, [...(shares.get(r.application_id) ?? []), { activityId: r.strategy_node_id, basisPoints: r.share_basis_points }]);
    return shares;
  }
}
