import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommitHook, Tx, UnitOfWork } from '#database';
import { entryHash, GENESIS_HASH, toStoredJson } from './audit-chain.js';
import { AuditWitness } from './audit-witness.js';

/** Serialises appends to the chain; held until the transaction ends (xact lock). */
const AUDIT_CHAIN_LOCK = 4_2023_0001;

@Injectable()
export class AuditLogWriter implements CommitHook, OnModuleInit {
  readonly order = 1000;

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly witness: AuditWitness,
  ) {}

  onModuleInit(): void {
    this.unitOfWork.register(this);
  }

  async beforeCommit(tx: Tx): Promise<void> {
    if (tx.auditTrail.length === 0) return;
    // Lock and head in one round trip; see migration AuditChainHead for why this must be a function.
    const [last] = await tx.manager.query<{ seq: string; hash: string }[]>('SELECT seq, hash FROM audit_chain_lock_head($1)', [AUDIT_CHAIN_LOCK]);
    let seq = BigInt(last?.seq ?? '0');
    let prevHash = last?.hash ?? GENESIS_HASH;

    const columns = ['seq', 'occurred_at', 'actor_user_id', 'actor_roles', 'action', 'object_type', 'object_id', 'before', 'after', 'correlation_id', 'prev_hash', 'hash'];
    const values: unknown[] = [];
    const rows: string[] = [];
    for (const record of tx.auditTrail) {
      seq += 1n;
      const fields = {
        seq: seq.toString(),
        occurredAt: tx.now,
        actorUserId: tx.actor.userId,
        actorRoles: [...tx.actor.roles],
        action: record.action,
        objectType: record.objectType,
        objectId: record.objectId,
        before: toStoredJson(record.before),
        after: toStoredJson(record.after),
        correlationId: tx.actor.correlationId,
        prevHash,
      };
      const hash = entryHash(fields);
      const base = values.length;
      rows.push(`(${columns.map((_, i) => `$${base + i + 1}`).join(',')})`);
      values.push(
        fields.seq,
        fields.occurredAt,
        fields.actorUserId,
        fields.actorRoles,
        fields.action,
        fields.objectType,
        fields.objectId,
        JSON.stringify(fields.before),
        JSON.stringify(fields.after),
        fields.correlationId,
        prevHash,
        hash,
      );
      prevHash = hash;
    }
    await tx.manager.query(`INSERT INTO audit_log (${columns.join(',')}) VALUES ${rows.join(',')}`, values);
    this.witness.appended();
  }
}
