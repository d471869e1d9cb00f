import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CallBudgetArea, GrantCall } from '#calls';
import type { Money } from '#core';
import { moneyTransformer } from '#database';
import { Organisation } from '#organisations';
import { StrategyNode } from '#strategy';
import type { ApplicationStatus } from './application-status.js';
import type { ApplicationDraft, SubmittedContent } from './draft.js';

const money = { type: 'numeric' as const, precision: 14, scale: 2, transformer: moneyTransformer };

/**
 * An application (žádost). The applicant's working copy lives in `draft` (any partial shape is
 * accepted, so no work is ever lost); each submission freezes a copy as an application_version.
 * Columns below the draft describe the version that counts (the last one submitted).
 */
@Entity('application')
@Index('application_number_key', ['number'], { unique: true })
@Index('application_call_idx', ['callId', 'status'])
@Index('application_organisation_idx', ['organisationId'])
@Check('application_status_known', `status IN ('draft','submitted','remedy_requested','accepted','excluded','withdrawn')`)
@Check('application_submitted_has_version', `status = 'draft' OR status = 'withdrawn' OR current_version_no > 0`)
@Check('application_amounts_consistent', `requested_amount IS NULL OR (requested_amount >= 0 AND requested_amount <= total_cost)`)
export class Application {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'application_pkey' })
  id: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'application_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'application_organisation_fk' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @Column({ type: 'jsonb' })
  draft: ApplicationDraft;

  /** Optimistic concurrency of the draft: a save must name the version it started from. */
  @Column({ type: 'int' })
  draftVersion: number;

  @Column({ type: 'int', default: 0 })
  currentVersionNo: number;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'uuid', nullable: true })
  budgetAreaId: string | null;

  @ManyToOne(() => CallBudgetArea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_area_id', foreignKeyConstraintName: 'application_budget_area_fk' })
  budgetArea?: Relation<CallBudgetArea>;

  @Column({ ...money, nullable: true })
  requestedAmount: Money | null;

  @Column({ ...money, nullable: true })
  totalCost: Money | null;

  @Column({ type: 'timestamptz', nullable: true })
  firstSubmittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSubmittedAt: Date | null;

  /** Why the application ended (excluded or withdrawn), in the words of whoever ended it. */
  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Every submitted version, kept for ever: the receipt, the frozen content and its hash. */
@Entity('application_version')
@Index('application_version_no_key', ['applicationId', 'versionNo'], { unique: true })
@Index('application_version_receipt_key', ['receiptNumber'], { unique: true })
// Retrying a submission with the same Idempotency-Key finds the first one's row.
@Index('application_version_idempotency_key', ['applicationId', 'idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Check('application_version_kind_known', `kind IN ('submission','remedy')`)
export class ApplicationVersion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'application_version_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_version_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'int' })
  versionNo: number;

  @Column({ type: 'text' })
  kind: 'submission' | 'remedy';

  @Column({ type: 'text' })
  receiptNumber: string;

  @Column({ type: 'jsonb' })
  content: SubmittedContent;

  @Column({ type: 'char', length: 64 })
  contentSha256: string;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** Set once the PDF receipt has been rendered (by the worker, or on first download). */
  @Column({ type: 'text', nullable: true })
  receiptStorageKey: string | null;
}

/** The budget of the version that counts, one row per line, for evaluation and settlement to refer to. */
@Entity('application_budget_line')
@Index('application_budget_line_application_idx', ['applicationId'])
@Check('application_budget_line_sums', `requested + other_sources = total_cost AND requested >= 0 AND other_sources >= 0`)
export class ApplicationBudgetLine {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'application_budget_line_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_budget_line_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'int' })
  versionNo: number;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  categoryCode: string;

  @Column({ type: 'text' })
  description: string;

  @Column(money)
  totalCost: Money;

  @Column(money)
  requested: Money;

  @Column(money)
  otherSources: Money;
}

/** Which action-plan activities the project serves, in shares of 100 % (hundredths of a percent). */
@Entity('application_activity')
@Index('application_activity_node_idx', ['strategyNodeId'])
@Check('application_activity_share_range', `share_basis_points > 0 AND share_basis_points <= 10000`)
export class ApplicationActivity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'application_activity_pkey' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'application_activity_pkey' })
  strategyNodeId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_activity_application_fk' })
  application?: Relation<Application>;

  @ManyToOne(() => StrategyNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strategy_node_id', foreignKeyConstraintName: 'application_activity_strategy_node_fk' })
  strategyNode?: Relation<StrategyNode>;

  /** 100 % = 10 000, so shares like 33,33 % are exact integers. */
  @Column({ type: 'int' })
  shareBasisPoints: number;
}

/** A file attached to an application; the bytes live in FileStorage under storageKey. */
@Entity('application_attachment')
@Index('application_attachment_application_idx', ['applicationId'])
@Check('application_attachment_size_positive', `size_bytes > 0`)
export class ApplicationAttachment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'application_attachment_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_attachment_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'text' })
  annexTypeCode: string;

  @Column({ type: 'text' })
  fileName: string;

  /** Detected from the bytes, never taken from the client. */
  @Column({ type: 'text' })
  mediaType: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;

  /** Removed from the working copy; kept because submitted versions may refer to it. */
  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}

@Entity('application_status_change')
@Index('application_status_change_application_idx', ['applicationId'])
export class ApplicationStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'application_status_change_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_status_change_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'text', nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ type: 'text' })
  toStatus: ApplicationStatus;

  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}

export const FORMAL_CHECK_ITEMS = ['eligibility', 'completeness', 'annexes', 'budget', 'declarations'] as const;
export type FormalCheckItem = (typeof FORMAL_CHECK_ITEMS)[number];
export const FORMAL_CHECK_RESULTS = ['ok', 'correctable', 'uncorrectable'] as const;
export type FormalCheckResult = (typeof FORMAL_CHECK_RESULTS)[number];

/** The staff's checklist for one application (one row, updated as they work through it). */
@Entity('formal_check')
export class FormalCheck {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'formal_check_pkey' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'formal_check_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'jsonb' })
  items: Partial<Record<FormalCheckItem, { result: FormalCheckResult; note: string }>>;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Výzva k odstranění vad: what the applicant must fix, by when. */
@Entity('remedy_request')
@Index('remedy_request_application_idx', ['applicationId'])
@Index('remedy_request_open_key', ['applicationId'], { unique: true, where: `status = 'open'` })
@Check('remedy_request_status_known', `status IN ('open','answered','expired')`)
export class RemedyRequest {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'remedy_request_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'remedy_request_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'jsonb' })
  items: { section: string; message: string }[];

  @Column({ type: 'timestamptz' })
  deadlineAt: Date;

  @Column({ type: 'text' })
  status: 'open' | 'answered' | 'expired';

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'int', nullable: true })
  answeredVersionNo: number | null;
}
