import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { Money } from '#core';
import { moneyTransformer } from '#database';
import { StrategyNode } from '#strategy';
import type { CallStatus } from './call-status.js';

export const STATE_AID_REGIMES = ['none', 'de_minimis'] as const;
export type StateAidRegime = (typeof STATE_AID_REGIMES)[number];

/** Applicant types a call can admit; the same vocabulary as organisation.type. */
export const APPLICANT_TYPES = ['city_district', 'ngo', 'other'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

export interface CostCategory {
  code: string;
  name: string;
}

const money = { type: 'numeric' as const, precision: 14, scale: 2, transformer: moneyTransformer };

/**
 * A grant call (dotační program / výzva) with the elements § 10c odst. 2 of Act 250/2000 requires:
 * a) purpose, b) reasons, c) total allocation, d) max grant or rule, e) eligible applicants,
 * f) application period, g) criteria (call_criterion), h) decision deadline, i) conditions,
 * j) annexes (call_annex_type).
 */
@Entity('grant_call')
@Index('grant_call_code_key', ['code'], { unique: true })
@Check('grant_call_status_known', `status IN ('draft','published','open','closed','in_evaluation','decided','archived')`)
@Check('grant_call_state_aid_known', `state_aid_regime IN ('none','de_minimis')`)
@Check('grant_call_period_ordered', `closes_at > opens_at`)
@Check('grant_call_allocation_positive', `total_allocation > 0`)
@Check('grant_call_grant_range', `min_grant IS NULL OR max_grant IS NULL OR min_grant <= max_grant`)
@Check('grant_call_co_financing_range', `co_financing_min_percent >= 0 AND co_financing_min_percent <= 100`)
@Check('grant_call_published_has_date', `(status = 'draft') = (published_at IS NULL)`)
// A draft may be incomplete; a published call holds every element the law requires.
@Check(
  'grant_call_complete_unless_draft',
  `status = 'draft' OR (purpose IS NOT NULL AND reasons IS NOT NULL AND total_allocation IS NOT NULL AND opens_at IS NOT NULL AND closes_at IS NOT NULL AND decision_deadline IS NOT NULL AND conditions IS NOT NULL AND settlement_deadline IS NOT NULL)`,
)
export class GrantCall {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'grant_call_pkey' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  status: CallStatus;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Column({ type: 'text', nullable: true })
  reasons: string | null;

  @Column({ ...money, nullable: true })
  totalAllocation: Money | null;

  @Column({ ...money, nullable: true })
  minGrant: Money | null;

  @Column({ ...money, nullable: true })
  maxGrant: Money | null;

  /** § 10c(2)(d) allows "criteria for setting the amount" instead of a fixed maximum. */
  @Column({ type: 'text', nullable: true })
  grantRule: string | null;

  @Column({ type: 'text', array: true })
  eligibleApplicantTypes: ApplicantType[];

  @Column({ type: 'timestamptz', nullable: true })
  opensAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt: Date | null;

  @Column({ type: 'date', nullable: true })
  decisionDeadline: string | null;

  @Column({ type: 'text', nullable: true })
  conditions: string | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0 })
  coFinancingMinPercent: string;

  @Column({ type: 'jsonb' })
  costCategories: CostCategory[];

  @Column({ type: 'date', nullable: true })
  settlementDeadline: string | null;

  @Column({ type: 'text' })
  stateAidRegime: StateAidRegime;

  /** Commission members each application is assigned to (evaluation issue); kept with the call. */
  @Column({ type: 'int', default: 3 })
  reviewersPerApplication: number;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  amendmentCount: number;

  /** Application numbers are assigned from this counter when a draft is created. */
  @Column({ type: 'int', default: 0 })
  lastApplicationSeq: number;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Okruh: a part of the call with its own allocation. Applications choose one. */
@Entity('call_budget_area')
@Index('call_budget_area_code_key', ['callId', 'code'], { unique: true })
@Check('call_budget_area_allocation_positive', `allocation > 0`)
export class CallBudgetArea {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'call_budget_area_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_budget_area_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column(money)
  allocation: Money;

  @Column({ type: 'int' })
  position: number;
}

@Entity('call_criterion')
@Index('call_criterion_code_key', ['callId', 'code'], { unique: true })
@Check('call_criterion_max_positive', `max_score > 0`)
@Check('call_criterion_weight_positive', `weight > 0`)
@Check('call_criterion_threshold_range', `min_score IS NULL OR (min_score >= 0 AND min_score <= max_score)`)
export class CallCriterion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'call_criterion_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_criterion_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'int' })
  maxScore: number;

  @Column({ type: 'numeric', precision: 6, scale: 3 })
  weight: string;

  @Column({ type: 'int', nullable: true })
  minScore: number | null;

  @Column({ type: 'int' })
  position: number;
}

/** A required (or optional) annex of the application (§ 10c(2)(j)), with what files it accepts. */
@Entity('call_annex_type')
@Index('call_annex_type_code_key', ['callId', 'code'], { unique: true })
@Check('call_annex_type_size_positive', `max_size_mb > 0`)
export class CallAnnexType {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'call_annex_type_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_annex_type_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'boolean' })
  required: boolean;

  /** Applicant types the annex is required from; empty means all. */
  @Column({ type: 'text', array: true })
  requiredFrom: ApplicantType[];

  /** Codes from the storage library's ANNEX_MEDIA_TYPES (pdf, jpeg, png, docx …). */
  @Column({ type: 'text', array: true })
  allowedFormats: string[];

  @Column({ type: 'int' })
  maxSizeMb: number;

  @Column({ type: 'int' })
  position: number;
}

/** The action-plan activities a call funds; applications map their project to these. */
@Entity('call_activity')
@Index('call_activity_node_idx', ['strategyNodeId'])
export class CallActivity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'call_activity_pkey' })
  callId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'call_activity_pkey' })
  strategyNodeId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_activity_call_fk' })
  call?: Relation<GrantCall>;

  /** Strategy versions are kept for ever, so a call's activities never dangle. */
  @ManyToOne(() => StrategyNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'strategy_node_id', foreignKeyConstraintName: 'call_activity_strategy_node_fk' })
  strategyNode?: Relation<StrategyNode>;
}

/** Every status change of a call: who (null = the clock), when, why. */
@Entity('call_status_change')
@Index('call_status_change_call_idx', ['callId'])
export class CallStatusChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'call_status_change_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_status_change_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'text', nullable: true })
  fromStatus: CallStatus | null;

  @Column({ type: 'text' })
  toStatus: CallStatus;

  @Column({ type: 'timestamptz' })
  changedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  changedBy: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}

/** A change to a published call: numbered, with its reason and the before/after of every field, shown to applicants. */
@Entity('call_amendment')
@Index('call_amendment_number_key', ['callId', 'number'], { unique: true })
export class CallAmendment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'call_amendment_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_amendment_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'jsonb' })
  changes: { field: string; before: unknown; after: unknown }[];

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}
