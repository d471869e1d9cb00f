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
      await this.queues.queue<OutboxJobData>(QUEUES.outbox).addBulk(
        due.map((event) => ({
          name: event.type,
          data: { outboxId: event.id, type: event.type },
          opts: { jobId: event.id, attempts: 8, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: 1000, removeOnFail: false },
        })),
      );
      await manager.update(OutboxEvent, due.map((e) => e.id), { relayedAt: this.clock.now() });
      this.logger.debug(`relayed ${due.length} outbox events`);
      return due.length;
    });
  }

  /** Relays until nothing is due. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.relayBatch(); n > 0; n = await this.relayBatch()) total += n;
    return total;
  }
}
