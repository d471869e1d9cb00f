import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page, PageQuery, pageOf } from '#core';
import { entryHash, GENESIS_HASH } from './audit-chain.js';
import { AuditLogEntry } from './audit-log-entry.entity.js';

export interface ChainVerification {
  valid: boolean;
  checkedEntries: number;
  lastSeq: string | null;
  firstBrokenLink: null | { seq: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap'; expected: string; found: string };
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
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Recomputes the whole chain in batches and names the first link that does not hold. */
  async verifyChain(): Promise<ChainVerification> {
    const repo = this.dataSource.getRepository(AuditLogEntry);
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let lastSeq: string | null = null;
    for (;;) {
      const batch = await repo
        .createQueryBuilder('e')
        .where('e.seq >= :from', { from: expectedSeq.toString() })
        .orderBy('e.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      if (batch.length === 0) break;
      for (const entry of batch) {
        const broken = (reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap', expected: string, found: string) => ({
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
