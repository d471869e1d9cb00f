import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, PageQuery, pageOf } from '#core';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';
import { AuditWitness } from './audit-witness.js';

type BrokenReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'tail_missing' | 'checkpoint_mismatch' | 'checkpoint_forged';

export interface ChainVerification {
  valid: boolean;
  checkedEntries: number;
  lastSeq: string | null;
  /** The head as last witnessed outside the database (file storage), which the chain must still contain. */
  checkpoint: { seq: string; hash: string; at: string } | null;
  firstBrokenLink: null | { seq: string; reason: BrokenReason; expected: string; found: string };
}

export interface AuditLogFilter {
  objectType?: string;
  objectId?: string;
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
}

const VERIFY_BATCH = 5000;

@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly witness: AuditWitness,
  ) {}

  /**
   * Recomputes the whole chain in batches and names the first link that does not hold; then checks
   * that the chain still holds the head its last checkpoint witnessed (entries removed from the end
   * leave a consistent chain behind, which only the witness outside the database can tell).
   */
  async verifyChain(): Promise<ChainVerification> {
    const saved = await this.witness.latest();
    const checkpoint = saved && { seq: saved.seq, hash: saved.hash, at: saved.at };
    const chain = await this.walkChain();
    if (!chain.valid || !saved || !checkpoint) return { ...chain, checkpoint };
    const broken = (reason: BrokenReason, found: string) => ({ ...chain, valid: false, checkpoint, firstBrokenLink: { seq: saved.seq, reason, expected: saved.hash, found } });
    if (!this.witness.authentic(saved)) return broken('checkpoint_forged', saved.signature);
    if (chain.lastSeq === null || BigInt(chain.lastSeq) < BigInt(saved.seq)) return broken('tail_missing', chain.lastSeq ?? 'empty');
    const [entry] = await this.dataSource.query<{ hash: string }[]>('SELECT hash FROM audit_log WHERE seq = $1', [saved.seq]);
    if (entry.hash !== saved.hash) return broken('checkpoint_mismatch', entry.hash);
    return { ...chain, checkpoint };
  }

  private async walkChain(): Promise<Omit<ChainVerification, 'checkpoint'>> {
    const repo = this.dataSource.getRepository(AuditLogEntry);
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let lastSeq: string | null = null;
    for (;;) {
      const batch = await repo.createQueryBuilder('e').where('e.seq >= :from', { from: expectedSeq.toString() }).orderBy('e.seq', 'ASC').limit(VERIFY_BATCH).getMany();
      if (batch.length === 0) break;
      for (const entry of batch) {
        const broken = (reason: BrokenReason, expected: string, found: string) => ({
          valid: false,
          checkedEntries: checked,
          lastSeq,
          firstBrokenLink: { seq: entry.seq, reason, expected, found },
        });
        if (BigInt(entry.seq) !== expectedSeq) return broken('sequence_gap', expectedSeq.toString(), entry.seq);
        if (entry.prevHash !== prevHash) return broken('prev_hash_mismatch', prevHash, entry.prevHash);
        const recomputed = entryHash(entry);
        if (recomputed !== entry.hash) return broken('hash_mismatch', recomputed, entry.hash);
        prevHash = entry.hash;
        expectedSeq += 1n;
        checked += 1;
        lastSeq = entry.seq;
      }
    }
    return { valid: true, checkedEntries: checked, lastSeq, firstBrokenLink: null };
  }

  async search(filter: AuditLogFilter, page: PageQuery): Promise<Page<AuditLogEntry>> {
    const qb = this.dataSource.getRepository(AuditLogEntry).createQueryBuilder('e');
    if (filter.objectType) qb.andWhere('e.objectType = :objectType', { objectType: filter.objectType });
    if (filter.objectId) qb.andWhere('e.objectId = :objectId', { objectId: filter.objectId });
    if (filter.actorUserId) qb.andWhere('e.actorUserId = :actorUserId', { actorUserId: filter.actorUserId });
    if (filter.action) qb.andWhere('e.action LIKE :action', { action: `${filter.action.replace(/[\\%_]/g, '\\$&')}%` });
    if (filter.from) qb.andWhere('e.occurredAt >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.occurredAt < :to', { to: filter.to });
    const [items, total] = await qb.orderBy('e.seq', 'DESC').skip(page.offset).take(page.pageSize).getManyAndCount();
    return pageOf(items, total, page);
  }
}
