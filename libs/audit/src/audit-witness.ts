import { createHmac, timingSafeEqual } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { FileStorage } from '#storage';

/** The head of the chain as last witnessed outside the database. */
export interface AuditCheckpoint {
  seq: string;
  hash: string;
  at: string;
  signature: string;
}

/** Appends come in bursts; one checkpoint shortly after the last of them covers them all. */
const DEBOUNCE_MS = 200;

/**
 * Keeps a witness of the audit chain's head outside the database: a checkpoint (sequence number and
 * hash, signed with AUTH_SECRET) in the file storage, written shortly after every append. A superuser
 * of the database can delete the newest entries and the chain left behind is still consistent, but
 * the checkpoint names an entry that is gone (or that now has another hash), and they can neither
 * forge a checkpoint (no secret) nor reach the files. A checkpoint that no longer matches the chain is
 * never overwritten, so the evidence stays until a person looks.
 */
@Injectable()
export class AuditWitness implements BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditWitness');
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private key: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Called by the writer on every append; the checkpoint follows once the transaction has settled. */
  appended(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writing = this.writing.then(async () => void (await this.checkpoint())).catch((error: Error) => this.logger.error(`checkpoint failed: ${error.message}`));
    }, DEBOUNCE_MS);
  }

  /** Writes the committed head as the new checkpoint, unless the last checkpoint no longer matches the chain. */
  async checkpoint(): Promise<AuditCheckpoint | null> {
    const [head] = await this.dataSource.query<{ seq: string; hash: string }[]>('SELECT seq::text AS seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    if (!head) return null;
    const previous = await this.latest();
    if (previous) {
      if (BigInt(previous.seq) >= BigInt(head.seq)) return previous;
      const [then] = await this.dataSource.query<{ hash: string }[]>('SELECT hash FROM audit_log WHERE seq = $1', [previous.seq]);
      if (!this.authentic(previous) || then?.hash !== previous.hash) {
        this.logger.error(`audit chain no longer matches its checkpoint at ${previous.seq}: the checkpoint is kept as evidence`);
        return previous;
      }
    }
    const at = new Date().toISOString();
    const checkpoint = { seq: head.seq, hash: head.hash, at, signature: this.sign(head.seq, head.hash, at) };
    await this.storage.put(await this.checkpointKey(), Buffer.from(JSON.stringify(checkpoint)));
    return checkpoint;
  }

  async latest(): Promise<AuditCheckpoint | null> {
    const key = await this.checkpointKey();
    if (!(await this.storage.exists(key))) return null;
    return JSON.parse((await buffer(await this.storage.get(key))).toString('utf8')) as AuditCheckpoint;
  }

  /**
   * One checkpoint per database: its name and oid, so a database dropped and created again under the
   * same name (a benchmark, a test run) starts without a witness rather than with a stranger's.
   */
  private async checkpointKey(): Promise<string> {
    if (!this.key) {
      const [db] = await this.dataSource.query<{ name: string; oid: string }[]>(
        'SELECT current_database() AS name, oid::text AS oid FROM pg_database WHERE datname = current_database()',
      );
      this.key = `audit/checkpoints/${db.name.toLowerCase().replace(/[^a-z0-9_.-]/g, '_')}-${db.oid}.json`;
    }
    return this.key;
  }

  authentic(checkpoint: AuditCheckpoint): boolean {
    const expected = Buffer.from(this.sign(checkpoint.seq, checkpoint.hash, checkpoint.at));
    const found = Buffer.from(String(checkpoint.signature));
    return expected.length === found.length && timingSafeEqual(expected, found);
  }

  /** Waits for a pending checkpoint (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.timer) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
    await this.writing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private sign(seq: string, hash: string, at: string): string {
    return createHmac('sha256', this.config.auth.secret).update(`audit-checkpoint:${seq}:${hash}:${at}`).digest('hex');
  }
}
