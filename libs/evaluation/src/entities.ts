import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Application } from '#applications';
import { GrantCall } from '#calls';
import { Money } from '#core';
import { moneyTransformer } from '#database';
import { User } from '#identity';
import { Organisation } from '#organisations';

export type RecommendationStrategyKind = 'rank_order' | 'proportional';

/** The evaluation commission of one call: who chairs and minutes it, and how it decides. */
@Entity('commission')
@Index('commission_call_key', ['callId'], { unique: true })
@Check('commission_reviewers_positive', `reviewers_per_application > 0`)
@Check('commission_strategy_known', `strategy IN ('rank_order','proportional')`)
@Check('commission_quorum_range', `quorum_percent BETWEEN 1 AND 100`)
export class Commission {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'commission_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'commission_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'uuid' })
  chairUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_user_id', foreignKeyConstraintName: 'commission_chair_fk' })
  chair?: Relation<User>;

  /** A member of staff who keeps the minutes and assigns the reviews; not a voting member. */
  @Column({ type: 'uuid' })
  secretaryUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'secretary_user_id', foreignKeyConstraintName: 'commission_secretary_fk' })
  secretary?: Relation<User>;

  @Column({ type: 'int' })
  reviewersPerApplication: number;

  /** Sheets of one application further apart than this (in points) flag it for discussion. */
  @Column({ type: 'numeric', precision: 8, scale: 3, nullable: true })
  spreadLimit: string | null;

  /** Below this final score (points) an application is not recommendable. */
  @Column({ type: 'numeric', precision: 8, scale: 3, nullable: true })
  overallThreshold: string | null;

  /** Share of the members that must be present for the session to decide. */
  @Column({ type: 'int' })
  quorumPercent: number;

  @Column({ type: 'text' })
  strategy: RecommendationStrategyKind;

  /** rank_order: whether the last application that does not fit in full may get what remains. */
  @Column({ type: 'boolean' })
  allowPartial: boolean;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'int' })
  version: number;
}

@Entity('commission_member')
export class CommissionMember {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'commission_member_pkey' })
  commissionId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'commission_member_pkey' })
  userId: string;

  @ManyToOne(() => Commission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commission_id', foreignKeyConstraintName: 'commission_member_commission_fk' })
  commission?: Relation<Commission>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'commission_member_user_fk' })
  user?: Relation<User>;

  @Column({ type: 'timestamptz' })
  addedAt: Date;

  /** Members leave, they are never deleted: their past sheets and votes stay attributable. */
  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;
}

/**
 * A member's declaration about one applicant organisation. Nothing of a call's applications is
 * shown to a member before they declare; a conflict can be declared later (never withdrawn), which
 * ends their access to that organisation's applications and voids their sheets for them.
 */
@Entity('coi_declaration')
@Check('coi_declaration_reason_given', `NOT conflict OR length(trim(reason)) > 0`)
export class CoiDeclaration {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'coi_declaration_pkey' })
  commissionId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'coi_declaration_pkey' })
  userId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'coi_declaration_pkey' })
  organisationId: string;

  @ManyToOne(() => Commission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commission_id', foreignKeyConstraintName: 'coi_declaration_commission_fk' })
  commission?: Relation<Commission>;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'coi_declaration_organisation_fk' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'boolean' })
  conflict: boolean;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  declaredAt: Date;
}

@Entity('review_assignment')
@Index('review_assignment_user_idx', ['userId', 'commissionId'])
export class ReviewAssignment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'review_assignment_pkey' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'review_assignment_pkey' })
  userId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'review_assignment_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'uuid' })
  commissionId: string;

  @ManyToOne(() => Commission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commission_id', foreignKeyConstraintName: 'review_assignment_commission_fk' })
  commission?: Relation<Commission>;

  @Column({ type: 'timestamptz' })
  assignedAt: Date;

  /** null: assigned by the balancing algorithm. */
  @Column({ type: 'uuid', nullable: true })
  assignedBy: string | null;
}

export type SheetStatus = 'draft' | 'submitted' | 'void';

export interface StoredCriterionScore {
  criterionId: string;
  score: number | null;
  notApplicable: boolean;
  justification: string;
}

/** One member's scores of one application. Submitting locks it; only the chair reopens it, with a reason. */
@Entity('score_sheet')
@Index('score_sheet_reviewer_key', ['applicationId', 'userId'], { unique: true })
@Index('score_sheet_commission_idx', ['commissionId', 'status'])
@Check('score_sheet_status_known', `status IN ('draft','submitted','void')`)
export class ScoreSheet {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'score_sheet_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  commissionId: string;

  @ManyToOne(() => Commission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commission_id', foreignKeyConstraintName: 'score_sheet_commission_fk' })
  commission?: Relation<Commission>;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'score_sheet_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  status: SheetStatus;

  @Column({ type: 'jsonb' })
  scores: StoredCriterionScore[];

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;
}

export type SessionStatus = 'open' | 'closed';

@Entity('commission_session')
@Index('commission_session_number_key', ['commissionId', 'number'], { unique: true })
@Check('commission_session_status_known', `status IN ('open','closed')`)
export class CommissionSession {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'commission_session_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  commissionId: string;

  @ManyToOne(() => Commission, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commission_id', foreignKeyConstraintName: 'commission_session_commission_fk' })
  commission?: Relation<Commission>;

  /** e.g. "1/2023" */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'text' })
  place: string;

  @Column({ type: 'text' })
  status: SessionStatus;

  /** Members present (user ids). */
  @Column({ type: 'uuid', array: true })
  attendance: string[];

  @Column({ type: 'text' })
  conclusion: string;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Where the minutes PDF of the closed session is kept. */
  @Column({ type: 'text', nullable: true })
  minutesStorageKey: string | null;

  @Column({ type: 'int' })
  version: number;
}

/** What the commission decided about one application in a session, beyond the arithmetic. */
@Entity('session_decision')
export class SessionDecision {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'session_decision_pkey' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'session_decision_pkey' })
  applicationId: string;

  @ManyToOne(() => CommissionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_decision_session_fk' })
  session?: Relation<CommissionSession>;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'session_decision_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'text', default: '' })
  discussionNotes: string;

  /** The commission departs from the mean of the sheets (points), with its reason. */
  @Column({ type: 'numeric', precision: 10, scale: 3, nullable: true })
  consensusPoints: string | null;

  @Column({ type: 'text', nullable: true })
  consensusReason: string | null;

  /** A cut of the requested amount, e.g. an ineligible budget line. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  cutAmount: Money | null;

  @Column({ type: 'text', nullable: true })
  cutReason: string | null;

  /** The commission sets the amount by hand. */
  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  adjustedAmount: Money | null;

  @Column({ type: 'text', nullable: true })
  adjustReason: string | null;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

export type VoteValue = 'for' | 'against' | 'abstain';

@Entity('session_vote')
@Check('session_vote_value_known', `vote IN ('for','against','abstain')`)
export class SessionVote {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'session_vote_pkey' })
  sessionId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'session_vote_pkey' })
  applicationId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'session_vote_pkey' })
  userId: string;

  @ManyToOne(() => CommissionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_vote_session_fk' })
  session?: Relation<CommissionSession>;

  @Column({ type: 'text' })
  vote: VoteValue;

  @Column({ type: 'timestamptz' })
  castAt: Date;
}

/** The recommendation as the session closed it: what the decision stage starts from. */
@Entity('commission_recommendation')
export class CommissionRecommendation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'commission_recommendation_pkey' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'commission_recommendation_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => CommissionSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'commission_recommendation_session_fk' })
  session?: Relation<CommissionSession>;

  @Column({ type: 'text' })
  budgetAreaCode: string;

  @Column({ type: 'int' })
  rank: number;

  @Column({ type: 'numeric', precision: 10, scale: 3, nullable: true })
  finalPoints: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  @Column({ type: 'text' })
  reasonCode: string;

  @Column({ type: 'text' })
  explanationCs: string;

  @Column({ type: 'text' })
  explanationEn: string;
}
