import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock } from '#core';

/** One entry of the audit log, as a service describes a state change. */
export interface AuditRecord {
  action: string; // e.g. 'organisation.created'
  objectType: string; // e.g. 'organisation'
  objectId: string;
  before?: unknown;
  after?: unknown;
}

/** A side effect to perform after commit (a notification, a document to render). Ids only: no personal data. */
export interface OutboxMessage {
  type: string; // e.g. 'account.password_reset_requested'
  aggregateType: string;
  aggregateId: string;
  payload?: Record<string, string | number | boolean | null>;
  availableAt?: Date;
}

/** The transaction a state change runs in, with what it must leave behind in the audit log and the outbox. */
export class Tx {
  readonly auditTrail: AuditRecord[] = [];
  readonly outbox: OutboxMessage[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
    readonly now: Date,
  ) {}

  audit(record: AuditRecord): void {
    this.auditTrail.push(record);
  }

  emit(message: OutboxMessage): void {
    this.outbox.push(message);
  }
}

/** Something that must be written inside the transaction, after the work and before commit. */
export interface CommitHook {
  /** Lower runs first. The audit log runs last, so its chain lock is held for the shortest time. */
  readonly order: number;
  beforeCommit(tx: Tx): Promise<void>;
}

export class UnauditedChangeError extends Error {
  constructor() {
    super('A unit of work changed state without writing to the audit log.');
  }
}

/**
 * Every state change in the system runs through here: the work, its outbox messages and its audit
 * entries commit together or not at all. A unit of work that records no audit entry is refused,
 * which is how "every state change is audited" stays true as the code grows.
 */
@Injectable()
export class UnitOfWork {
  private hooks: CommitHook[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  register(hook: CommitHook): void {
    this.hooks = [...this.hooks, hook].sort((a, b) => a.order - b.order);
  }

  async run<T>(actor: Actor, work: (tx: Tx) => T | Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const tx = new Tx(manager, actor, this.clock.now());
      const result = await work(tx);
      if (tx.auditTrail.length === 0) throw new UnauditedChangeError();
      for (const hook of this.hooks) await hook.beforeCommit(tx);
      return result;
    });
  }
}
