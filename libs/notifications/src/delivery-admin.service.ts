import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { Actor, Clock, DomainError, Page, pageOf, PageQuery, settleWithin } from '#core';
import { UnitOfWork } from '#database';
import { OutboxHandlers } from '#outbox';
import { QueueFactory, QUEUES } from '#queue';
import type { QueueName } from '#queue';
import type { DeadReason } from './entities.js';
import { Notifier, QueuedMail } from './notifier.js';

export interface QueueHealth {
  name: QueueName;
  counts: Record<string, number>;
  failed: { id: string; name: string; failedReason: string; attemptsMade: number; failedAt: Date | null }[];
}

export interface DeadLetter {
  id: string;
  kind: string;
  recipient: string;
  reason: DeadReason;
  lastError: string | null;
  attempts: number;
  sourceEventId: string | null;
  createdAt: Date;
  deadSince: Date;
}

/** What waits longer than RECONCILE_AFTER_SECONDS: a stuck pipeline a person should look at. */
export interface Backlog {
  afterSeconds: number;
  /** Committed but not yet handed to the queue (the relay is not running). */
  outboxNotRelayed: number;
  /** Handed to the queue but not processed (the queue lost them, or the consumers are not running). */
  outboxNotProcessed: number;
  /** E-mails still waiting to be sent (pending or retrying). */
  mailsWaiting: number;
  oldestSince: Date | null;
}

const QUEUE_NAMES = Object.values(QUEUES) as QueueName[];
const QUEUE_PROBE_MS = 1000;

/** What an operator needs when mail does not arrive: queue counts, failed jobs, dead letters, and a way to send again. */
@Injectable()
export class DeliveryAdminService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueFactory,
    private readonly unitOfWork: UnitOfWork,
    private readonly handlers: OutboxHandlers,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // The re-queue commits first; the worker then queues the job (the outbox keeps that step from being lost).
    this.handlers.register('notification.requeued', async (event) => {
      const rows = await this.dataSource.query<QueuedMail[]>(`SELECT id, email_generation FROM notification WHERE id = $1 AND email_status = 'pending'`, [event.aggregateId]);
      await this.notifier.enqueue(rows);
    });
  }

  async health(): Promise<{ queues: QueueHealth[]; backlog: Backlog; deadLetters: Record<DeadReason, number> & { total: number } }> {
    const probe = await settleWithin(Promise.all(QUEUE_NAMES.map((name) => this.queueHealth(name))), QUEUE_PROBE_MS);
    if (probe.status !== 'up') throw queueUnavailable(probe.status);
    const rows = await this.dataSource.query<{ reason: DeadReason; n: string }[]>(
      `SELECT email_dead_reason AS reason, count(*) AS n FROM notification WHERE email_status = 'dead' GROUP BY 1`,
    );
    const dead = { permanent: 0, attempts_exhausted: 0, outcome_unknown: 0, total: 0 };
    for (const row of rows) {
      dead[row.reason] = Number(row.n);
      dead.total += Number(row.n);
    }
    return { queues: probe.value, backlog: await this.backlog(), deadLetters: dead };
  }

  private async queueHealth(name: QueueName): Promise<QueueHealth> {
    const queue = this.queues.queue(name);
    const [counts, failed] = await Promise.all([queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'), queue.getFailed(0, 19)]);
    return {
      name,
      counts,
      failed: failed.map((job) => ({
        id: String(job.id),
        name: job.name,
        failedReason: job.failedReason,
        attemptsMade: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
      })),
    };
  }

  private async backlog(): Promise<Backlog> {
    const before = new Date(this.clock.now().getTime() - this.config.reconcileAfterMs);
    const [row] = await this.dataSource.query<{ not_relayed: string; not_processed: string; mails: string; oldest: Date | null }[]>(
      `SELECT (SELECT count(*) FROM outbox_event WHERE relayed_at IS NULL AND available_at < $1) AS not_relayed,
              (SELECT count(*) FROM outbox_event WHERE relayed_at IS NOT NULL AND processed_at IS NULL AND relayed_at < $1) AS not_processed,
              (SELECT count(*) FROM notification WHERE email_status IN ('pending', 'retrying') AND email_updated_at < $1) AS mails,
              least((SELECT min(available_at) FROM outbox_event WHERE relayed_at IS NULL AND available_at < $1),
                    (SELECT min(relayed_at) FROM outbox_event WHERE relayed_at IS NOT NULL AND processed_at IS NULL AND relayed_at < $1),
                    (SELECT min(email_updated_at) FROM notification WHERE email_status IN ('pending', 'retrying') AND email_updated_at < $1)) AS oldest`,
      [before],
    );
    return {
      afterSeconds: this.config.reconcileAfterMs / 1000,
      outboxNotRelayed: Number(row.not_relayed),
      outboxNotProcessed: Number(row.not_processed),
      mailsWaiting: Number(row.mails),
      oldestSince: row.oldest,
    };
  }

  async deadLetters(query: PageQuery & { reason?: DeadReason }): Promise<Page<DeadLetter>> {
    const params: unknown[] = [query.pageSize, query.offset];
    if (query.reason) params.push(query.reason);
    const where = `n.email_status = 'dead'${query.reason ? ' AND n.email_dead_reason = $3' : ''}`;
    const rows = await this.dataSource.query<
      {
        id: string;
        kind: string;
        email: string;
        email_dead_reason: DeadReason;
        email_last_error: string | null;
        email_attempts: number;
        source_event_id: string | null;
        created_at: Date;
        email_updated_at: Date;
        total: string;
      }[]
    >(
      `SELECT n.id, n.kind, u.email, n.email_dead_reason, n.email_last_error, n.email_attempts, n.source_event_id, n.created_at, n.email_updated_at, count(*) OVER () AS total
         FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE ${where} ORDER BY n.email_updated_at DESC, n.id LIMIT $1 OFFSET $2`,
      params,
    );
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        recipient: r.email,
        reason: r.email_dead_reason,
        lastError: r.email_last_error,
        attempts: r.email_attempts,
        sourceEventId: r.source_event_id,
        createdAt: r.created_at,
        deadSince: r.email_updated_at,
      })),
      Number(rows[0]?.total ?? 0),
      query,
    );
  }

  /**
   * Sends a dead letter again, as a new job (a new generation). For "outcome unknown" the operator
   * accepts that the recipient may get it twice; the Message-ID stays the same, so mail systems
   * that de-duplicate will.
   */
  async requeue(actor: Actor, id: string): Promise<{ id: string; generation: number }> {
    return this.unitOfWork.run(actor, async (tx) => {
      const [rows] = await tx.manager.query<[{ email_generation: number; email_dead_reason: DeadReason; email_last_error: string | null }[], number]>(
        `UPDATE notification SET email_status = 'pending', email_generation = email_generation + 1, email_attempts = 0, email_updated_at = $2
          WHERE id = $1 AND email_status = 'dead'
        RETURNING email_generation, email_dead_reason, email_last_error`,
        [id, tx.now],
      );
      if (rows.length === 0) {
        const [exists] = await tx.manager.query<{ email_status: string }[]>('SELECT email_status FROM notification WHERE id = $1', [id]);
        if (!exists) throw DomainError.notFound('notification', id);
        throw DomainError.conflict(
          'NOTIFICATION_NOT_DEAD',
          {
            cs: `Zprávu lze znovu zařadit jen ze seznamu nedoručených; její stav je „${exists.email_status}“.`,
            en: `Only dead letters can be re-queued; this message is "${exists.email_status}".`,
          },
          { currentStatus: exists.email_status },
        );
      }
      const [row] = rows;
      tx.audit({
        action: 'notification.requeued',
        objectType: 'notification',
        objectId: id,
        before: { status: 'dead', reason: row.email_dead_reason, lastError: row.email_last_error },
        after: { status: 'pending', generation: row.email_generation },
      });
      tx.emit({ type: 'notification.requeued', aggregateType: 'notification', aggregateId: id });
      return { id, generation: row.email_generation };
    });
  }

  /** A failed job of another kind (e.g. an outbox event whose handler kept failing) after the cause was fixed. */
  async retryFailedJob(actor: Actor, queueName: string, jobId: string): Promise<{ queue: string; jobId: string }> {
    if (!QUEUE_NAMES.includes(queueName as QueueName)) {
      throw DomainError.field('queue', 'QUEUE_UNKNOWN', {
        cs: `Fronta „${queueName}“ neexistuje (${QUEUE_NAMES.join(', ')}).`,
        en: `There is no queue "${queueName}" (${QUEUE_NAMES.join(', ')}).`,
      });
    }
    if (queueName === QUEUES.mail) {
      throw DomainError.conflict('USE_DEAD_LETTER_REQUEUE', {
        cs: 'E-maily se znovu odesílají ze seznamu nedoručených zpráv (POST /admin/dead-letters/{id}/requeue), aby zůstal záznam o doručení.',
        en: 'E-mails are re-sent from the dead-letter list (POST /admin/dead-letters/{id}/requeue), so the delivery record stays right.',
      });
    }
    const found = await settleWithin(Job.fromId(this.queues.queue(queueName) as never, jobId), QUEUE_PROBE_MS);
    if (found.status !== 'up') throw queueUnavailable(found.status);
    const job = found.value;
    if (!job || !(await job.isFailed())) throw DomainError.notFound('failed_job', `${queueName}/${jobId}`);
    await this.unitOfWork.run(actor, (tx) => {
      tx.audit({
        action: 'queue.job_retried',
        objectType: 'queue_job',
        objectId: `${queueName}/${jobId}`,
        before: { failedReason: job.failedReason },
        after: { state: 'waiting' },
      });
    });
    await job.retry('failed');
    return { queue: queueName, jobId };
  }
}

function queueUnavailable(status: 'down' | 'timeout'): DomainError {
  return new DomainError(
    'QUEUE_UNAVAILABLE',
    'unavailable',
    {
      cs: 'Fronta úloh teď neodpovídá; zkuste to prosím za chvíli. Zprávy se neztratí, čekají v databázi.',
      en: 'The job queue is not answering right now; please try again shortly. Messages are not lost, they wait in the database.',
    },
    [],
    { dependency: 'queue', dependencyStatus: status },
  );
}
