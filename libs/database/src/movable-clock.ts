import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Check, Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { Actor, Clock, DomainError } from '#core';
import { UnitOfWork } from './unit-of-work.js';

/** The one row of the movable clock: how far ahead (or behind) of real time the system runs. */
@Entity('system_clock')
@Check('system_clock_single_row', 'id = 1')
export class SystemClockRow {
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'system_clock_pkey' })
  id: number;

  @Column({ type: 'bigint' })
  offsetMs: string;

  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;
}

/** How often a process re-reads the offset another process may have moved. */
const REFRESH_MS = 1000;

/**
 * A clock for non-production systems that runs at an offset kept in the database, so the API and the
 * worker move together (each re-reads it every second; the process that moves it applies it at once).
 * Staff can rehearse a whole round, publication to closed settlements, with the real rules and
 * deadlines. Only provided when the configuration allows it, which production refuses at boot.
 */
export class MovableClock extends Clock implements OnApplicationBootstrap, OnApplicationShutdown {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const [row] = await this.dataSource.query<{ offset_ms: string }[]>(`SELECT offset_ms FROM system_clock WHERE id = 1`);
    this.offsetMs = Number(row?.offset_ms ?? 0);
  }

  /** Used by ClockService after its transaction commits. */
  apply(offsetMs: number): void {
    this.offsetMs = offsetMs;
  }
}

export interface ClockState {
  now: string;
  offsetMs: number;
  movable: boolean;
}

/** Reads and (admins, outside production) moves the system's clock; every move is audited. */
@Injectable()
export class ClockService {
  constructor(
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  state(): ClockState {
    const now = this.clock.now();
    return { now: now.toISOString(), offsetMs: this.clock instanceof MovableClock ? this.clock.offset : 0, movable: this.clock instanceof MovableClock };
  }

  /** Moves the clock to `to` (or back to real time with `reset`); the offset holds for the API and the worker. */
  async move(actor: Actor, request: { to?: string; reset?: boolean; reason: string }): Promise<ClockState> {
    const clock = this.clock;
    if (!(clock instanceof MovableClock)) {
      throw DomainError.conflict('CLOCK_NOT_MOVABLE', {
        cs: 'Hodiny tohoto systému nelze posouvat (produkce nebo CLOCK_MOVABLE=false).',
        en: "This system's clock cannot be moved (production, or CLOCK_MOVABLE=false).",
      });
    }
    const target = request.reset ? null : request.to ? new Date(request.to) : undefined;
    if (target === undefined || (target && Number.isNaN(target.getTime()))) {
      throw DomainError.field('to', 'CLOCK_TARGET_REQUIRED', {
        cs: 'Uveďte čas, na který se mají hodiny posunout, nebo reset.',
        en: 'Give the instant to move the clock to, or reset.',
      });
    }
    const offsetMs = target ? target.getTime() - Date.now() : 0;
    const before = clock.offset;
    await this.unitOfWork.run(actor, async (tx) => {
      await tx.manager.query(
        `INSERT INTO system_clock (id, offset_ms, changed_at, changed_by) VALUES (1, $1, now(), $2)
         ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by`,
        [offsetMs, actor.userId],
      );
      tx.audit({
        action: 'system.clock_moved',
        objectType: 'system_clock',
        objectId: '1',
        before: { offsetMs: before },
        after: { offsetMs, to: target?.toISOString() ?? null, reason: request.reason },
      });
    });
    clock.apply(offsetMs);
    return this.state();
  }
}
