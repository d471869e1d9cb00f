import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '#core';
import { OutboxJobData, QueueFactory, QUEUES } from '#queue';
import { OutboxEvent } from './outbox-event.entity.js';

/**
 * Moves committed outbox rows to the queue. Rows are claimed with FOR UPDATE SKIP LOCKED so several
 * relays can run; the job id is the outbox id. If the process dies between enqueueing and marking,
 * the row is relayed again: consumers must be idempotent on the outbox id (see the notifications lib).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly clock: Clock,
  ) {}

  /** Relays up to `limit` due rows; returns how many. */
  async relayBatch(limit = 200): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(OutboxEvent, 'o')
        .where('o.relayedAt IS NULL')
        .andWhere('o.availableAt <= :now', { now: this.clock.now() })
        .orderBy('o.createdAt', 'ASC')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return 0;
      await this.enqueue(due);
      await manager.update(
        OutboxEvent,
        due.map((e) => e.id),
        { relayedAt: this.clock.now() },
      );
      this.logger.debug(`relayed ${due.length} outbox events`);
      return due.length;
    });
  }

  /**
   * Events relayed longer than `olderThanMs` ago and still not processed: the queue lost their jobs
   * (Redis restarted empty, a flush) or they wait in a backlog. Adding them again under the same job
   * id is a no-op for a job the queue still holds (waiting, active or failed, which stays visible to
   * an operator) and a rescue for one it lost; the consumer skips an event already processed, and the
   * notifications' dedupe keys keep each mail single. Returns how many were offered again.
   */
  async reconcile(olderThanMs: number, limit = 1000): Promise<number> {
    const lost = await this.dataSource
      .createQueryBuilder(OutboxEvent, 'o')
      .where('o.relayedAt IS NOT NULL AND o.processedAt IS NULL')
      .andWhere('o.relayedAt < :before', { before: new Date(this.clock.now().getTime() - olderThanMs) })
      .orderBy('o.relayedAt', 'ASC')
      .limit(limit)
      .getMany();
    if (lost.length > 0) await this.enqueue(lost);
    return lost.length;
  }

  private async enqueue(events: OutboxEvent[]): Promise<void> {
    await this.queues.queue<OutboxJobData>(QUEUES.outbox).addBulk(
      events.map((event) => ({
        name: event.type,
        data: { outboxId: event.id, type: event.type },
        opts: { jobId: event.id, attempts: 8, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: false },
      })),
    );
  }

  /** Relays until nothing is due. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.relayBatch(); n > 0; n = await this.relayBatch()) total += n;
    return total;
  }
}
