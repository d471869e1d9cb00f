import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Application } from '#applications';
import { CallBudgetArea, GrantCall } from '#calls';
import { Money } from '#core';
import { moneyTransformer } from '#database';

export type ApprovingBody = 'council' | 'assembly';

/** A numbered resolution (usnesení) of the Council or the Assembly that authorises a batch of decisions. */
@Entity('resolution')
@Index('resolution_number_key', ['body', 'number'], { unique: true })
@Check('resolution_body_known', `body IN ('council','assembly')`)
export class Resolution {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'resolution_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'resolution_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'text' })
  body: ApprovingBody;

  /** e.g. "USN RHMP 123/2023" */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'date' })
  adoptedOn: string;

  @Column({ type: 'text' })
  text: string;

  /** Why the body decided without the commission's closed session; null when it had one. */
  @Column({ type: 'text', nullable: true })
  withoutCommissionReason: string | null;

  @Column({ type: 'timestamptz' })
  recordedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  recordedBy: string | null;
}

export type DecisionOutcome = 'approved' | 'rejected';

/**
 * What a resolution decided about one application. Immutable (a trigger refuses UPDATE and DELETE):
 * a change is a new decision that names the one it replaces, and only the newest one counts.
 */
@Entity('award_decision')
@Index('award_decision_application_idx', ['applicationId'])
@Index('award_decision_supersedes_key', ['supersedesId'], { unique: true, where: 'supersedes_id IS NOT NULL' })
@Check('award_decision_outcome_known', `outcome IN ('approved','rejected')`)
@Check('award_decision_amount_matches_outcome', `(outcome = 'approved' AND amount > 0) OR (outcome = 'rejected' AND amount = 0 AND length(trim(reason)) > 0)`)
export class AwardDecision {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'award_decision_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'award_decision_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'uuid' })
  resolutionId: string;

  @ManyToOne(() => Resolution, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolution_id', foreignKeyConstraintName: 'award_decision_resolution_fk' })
  resolution?: Relation<Resolution>;

  @Column({ type: 'text' })
  outcome: DecisionOutcome;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  requestedAmount: Money;

  @Column({ type: 'text', array: true })
  conditions: string[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => AwardDecision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'award_decision_supersedes_fk' })
  supersedes?: Relation<AwardDecision>;

  @Column({ type: 'timestamptz' })
  decidedAt: Date;
}

/**
 * How much of a budget area's allocation is approved. The database itself refuses to approve more
 * than the allocation (CHECK), and approvals add to `approved` with a guarded UPDATE, so concurrent
 * decisions can never over-allocate, whatever the application code does.
 */
@Entity('area_funding')
@Check('area_funding_within_allocation', `approved >= 0 AND approved <= allocation`)
export class AreaFunding {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'area_funding_pkey' })
  budgetAreaId: string;

  @ManyToOne(() => CallBudgetArea, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'budget_area_id', foreignKeyConstraintName: 'area_funding_budget_area_fk' })
  budgetArea?: Relation<CallBudgetArea>;

  @Column({ type: 'uuid' })
  callId: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  allocation: Money;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  approved: Money;
}

/** The same guard for the call's total allocation (areas may add up to more than the call holds). */
@Entity('call_funding')
@Check('call_funding_within_allocation', `approved >= 0 AND approved <= allocation`)
export class CallFunding {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'call_funding_pkey' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'call_funding_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  allocation: Money;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  approved: Money;
}

export type AgreementStatus = 'draft' | 'awaiting_signature' | 'signed' | 'effective' | 'void';

export interface AgreementCondition {
  text: string;
  minor: boolean;
  /** For a minor condition (§ 10a odst. 6): the lower levy for breaching it. */
  penalty?: { kind: 'fixed'; amount: string } | { kind: 'percentage'; percent: string } | { kind: 'percentage-range'; minPercent: string; maxPercent: string };
}

export interface AgreementTranche {
  trancheNo: number;
  amount: string;
  dueDate: string;
  condition?: string;
}

/**
 * The public-law agreement (§ 10a odst. 5) of an approved grant. It takes effect when signed, or,
 * above the register threshold, only when published in the Registr smluv; no payment is ordered
 * before it is effective. `committed` is what payments have reserved of the amount, guarded by a CHECK.
 */
@Entity('agreement')
@Index('agreement_application_key', ['applicationId'], { unique: true })
@Index('agreement_number_key', ['number'], { unique: true })
@Check('agreement_status_known', `status IN ('draft','awaiting_signature','signed','effective','void')`)
@Check('agreement_committed_within_amount', `committed >= 0 AND committed <= amount`)
@Check(
  'agreement_recipient_copy_complete',
  `(recipient_signed_at IS NULL) = (recipient_copy_storage_key IS NULL) AND (recipient_signed_at IS NULL) = (recipient_copy_sha256 IS NULL)`,
)
@Index('agreement_status_signed_idx', ['status', 'signedOn'])
export class Agreement {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'agreement_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'agreement_application_fk' })
  application?: Relation<Application>;

  @Column({ type: 'uuid' })
  decisionId: string;

  @ManyToOne(() => AwardDecision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'agreement_decision_fk' })
  decision?: Relation<AwardDecision>;

  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  status: AgreementStatus;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  /** Ordered, approved or paid (not cancelled) payments. */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  committed: Money;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'date' })
  purposeFrom: string;

  @Column({ type: 'date' })
  purposeTo: string;

  @Column({ type: 'date' })
  settlementDeadline: string;

  @Column({ type: 'jsonb' })
  conditions: AgreementCondition[];

  @Column({ type: 'jsonb' })
  tranches: AgreementTranche[];

  @Column({ type: 'boolean' })
  registerRequired: boolean;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'text', nullable: true })
  signedCopyStorageKey: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  signedCopySha256: string | null;

  @Column({ type: 'text', nullable: true })
  signatories: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'text', nullable: true })
  registerId: string | null;

  @Column({ type: 'text', nullable: true })
  documentStorageKey: string | null;

  /** The copy the recipient signed and uploaded in the portal, before the city counter-signs. */
  @Column({ type: 'text', nullable: true })
  recipientCopyStorageKey: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  recipientCopySha256: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  recipientSignedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  recipientSignedBy: string | null;

  /** The version of the call's agreement template it was drawn from (null: the call had none). */
  @Column({ type: 'int', nullable: true })
  templateVersion: number | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int' })
  rowVersion: number;
}

export type PaymentStatus = 'ordered' | 'approved' | 'exported' | 'paid' | 'held' | 'cancelled';

/** One payment order: ordered by one member of staff, approved by another (four eyes), exported for the bank, confirmed paid. */
@Entity('payment')
@Index('payment_agreement_idx', ['agreementId'])
@Check('payment_status_known', `status IN ('ordered','approved','exported','paid','held','cancelled')`)
@Check('payment_amount_positive', `amount > 0`)
@Check('payment_four_eyes', `approved_by IS NULL OR approved_by <> ordered_by`)
export class Payment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'payment_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'payment_agreement_fk' })
  agreement?: Relation<Agreement>;

  @Column({ type: 'int' })
  trancheNo: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  @Column({ type: 'text' })
  status: PaymentStatus;

  @Column({ type: 'uuid' })
  orderedBy: string;

  @Column({ type: 'timestamptz' })
  orderedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  approvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  holdReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  exportedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  bankReference: string | null;

  @Column({ type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ type: 'int' })
  version: number;
}

export type SettlementStatus = 'submitted' | 'checked' | 'closed';

/**
 * The recipient's settlement (vyúčtování) of one agreement: what was achieved and the cost documents.
 * Staff check each document; the check fixes the return (vratka) and its due date; incoming returns
 * are matched until nothing is owed. `settled + returned = paid` when it closes.
 */
@Entity('settlement')
@Index('settlement_agreement_key', ['agreementId'], { unique: true })
@Check('settlement_status_known', `status IN ('submitted','checked','closed')`)
@Check('settlement_returned_within_due', `returned >= 0 AND (return_due IS NULL OR returned <= return_due)`)
export class Settlement {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'settlement_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'settlement_agreement_fk' })
  agreement?: Relation<Agreement>;

  @Column({ type: 'text' })
  status: SettlementStatus;

  /** What the project achieved against what it promised: [{ indicator, unit, promised, achieved }]. */
  @Column({ type: 'jsonb' })
  report: { indicator: string; unit: string; promised: number; achieved: number }[];

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  /** Submitted after the agreement's settlement deadline. */
  @Column({ type: 'boolean' })
  late: boolean;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  eligibleTotal: Money | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  returnDue: Money | null;

  @Column({ type: 'date', nullable: true })
  returnDueDate: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  returned: Money;

  @Column({ type: 'text', nullable: true })
  checkExplanation: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'int' })
  version: number;
}

/** One cost document of a settlement draft: whatever the recipient has typed so far (checked in full at submission). */
export interface DraftCostDocumentContent {
  id: string;
  budgetLineId?: string;
  number?: string;
  issuedOn?: string;
  supplier?: string;
  amount?: string;
  paidOn?: string;
}

/** One output of a settlement draft: an indicator chosen from the offered ones, and what was achieved. */
export interface DraftOutputContent {
  indicator: string;
  unit: string;
  achieved?: number;
}

/**
 * The recipient's settlement while it is being written: saved as they type with its own version, submitted
 * into `settlement` and `cost_document` (the documents keep their ids, so their scans stay with them).
 */
@Entity('settlement_draft')
@Check('settlement_draft_arrays', `jsonb_typeof(cost_documents) = 'array' AND jsonb_typeof(report) = 'array'`)
@Check('settlement_draft_version_positive', `draft_version > 0`)
export class SettlementDraft {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'settlement_draft_pkey' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'settlement_draft_agreement_fk' })
  agreement?: Relation<Agreement>;

  @Column({ type: 'jsonb' })
  costDocuments: DraftCostDocumentContent[];

  @Column({ type: 'jsonb' })
  report: DraftOutputContent[];

  @Column({ type: 'int' })
  draftVersion: number;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;
}

export type CostReview = 'eligible' | 'partly_eligible' | 'ineligible';

@Entity('cost_document')
@Index('cost_document_settlement_idx', ['settlementId'])
@Check('cost_document_amount_positive', `amount > 0`)
@Check('cost_document_review_known', `review IS NULL OR review IN ('eligible','partly_eligible','ineligible')`)
@Check('cost_document_eligible_within_amount', `eligible_amount IS NULL OR (eligible_amount >= 0 AND eligible_amount <= amount)`)
export class CostDocument {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'cost_document_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  settlementId: string;

  @ManyToOne(() => Settlement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'settlement_id', foreignKeyConstraintName: 'cost_document_settlement_fk' })
  settlement?: Relation<Settlement>;

  /** The application's budget line (of the counted version) the cost is charged to. */
  @Column({ type: 'uuid' })
  budgetLineId: string;

  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'text' })
  supplier: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  @Column({ type: 'date' })
  paidOn: string;

  @Column({ type: 'text', nullable: true })
  review: CostReview | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  eligibleAmount: Money | null;

  @Column({ type: 'text', nullable: true })
  reviewReason: string | null;
}

/** An incoming payment matched to a settlement's return. */
@Entity('return_receipt')
@Index('return_receipt_settlement_idx', ['settlementId'])
@Check('return_receipt_amount_positive', `amount > 0`)
export class ReturnReceipt {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'return_receipt_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  settlementId: string;

  @ManyToOne(() => Settlement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'settlement_id', foreignKeyConstraintName: 'return_receipt_settlement_fk' })
  settlement?: Relation<Settlement>;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  bankReference: string;

  /** Received after the return's due date. */
  @Column({ type: 'boolean' })
  late: boolean;
}

export type BreachStatus = 'remedy_requested' | 'remedied' | 'open' | 'levied' | 'waived' | 'paid';

/**
 * A breach of budget discipline (§ 22 zákona č. 250/2000 Sb.) on one agreement. A fixable breach of
 * a minor condition gets a remedy request with a deadline first; remedied in time, it is no breach.
 * Otherwise the levy (odvod) is computed, capped by the agreement's lower amount for a minor
 * condition and waived up to the threshold; the penalty (penále) is fixed when the levy is paid.
 */
@Entity('breach')
@Index('breach_agreement_idx', ['agreementId'])
@Check('breach_status_known', `status IN ('remedy_requested','remedied','open','levied','waived','paid')`)
export class Breach {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'breach_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'breach_agreement_fk' })
  agreement?: Relation<Agreement>;

  /** 1-based number of the agreement's condition that was breached, if one. */
  @Column({ type: 'int', nullable: true })
  conditionNo: number | null;

  @Column({ type: 'text' })
  description: string;

  /** The day of the breach: the penalty runs from the next day. */
  @Column({ type: 'date' })
  breachDate: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  misused: Money;

  @Column({ type: 'text' })
  status: BreachStatus;

  @Column({ type: 'date', nullable: true })
  remedyDeadline: string | null;

  @Column({ type: 'date', nullable: true })
  remediedOn: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  levy: Money | null;

  @Column({ type: 'date', nullable: true })
  levyDueDate: string | null;

  @Column({ type: 'text', nullable: true })
  levyReason: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  penalty: Money | null;

  @Column({ type: 'text', nullable: true })
  penaltyComputation: string | null;

  @Column({ type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'int' })
  version: number;
}

export type AmendmentStatus = 'awaiting_signature' | 'signed' | 'effective';

/** The terms an amendment changes; whatever it leaves out stays as it was. The amount never changes here (that takes a new decision). */
export interface AmendedTerms {
  tranches?: AgreementTranche[];
  conditions?: AgreementCondition[];
  purposeTo?: string;
  settlementDeadline?: string;
}

/**
 * A dodatek: a numbered change of an effective agreement, signed (and, above the register threshold,
 * published) like the agreement itself. Only when it takes effect do its terms become the agreement's,
 * as the agreement's next version.
 */
@Entity('agreement_amendment')
@Index('agreement_amendment_number_key', ['agreementId', 'number'], { unique: true })
@Check('agreement_amendment_status_known', `status IN ('awaiting_signature','signed','effective')`)
@Check(
  'agreement_amendment_recipient_copy_complete',
  `(recipient_signed_at IS NULL) = (recipient_copy_storage_key IS NULL) AND (recipient_signed_at IS NULL) = (recipient_copy_sha256 IS NULL)`,
)
export class AgreementAmendment {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'agreement_amendment_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_amendment_agreement_fk' })
  agreement?: Relation<Agreement>;

  /** Dodatek č. 1, 2, …: the agreement's version it creates is number + 1. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', array: true })
  changes: string[];

  @Column({ type: 'jsonb' })
  terms: AmendedTerms;

  /** The agreement's terms the amendment replaces, as they were when it was proposed (null before this was kept). */
  @Column({ type: 'jsonb', nullable: true })
  previousTerms: AmendedTerms | null;

  /** The copy the recipient signed and uploaded in the portal, before the city counter-signs. */
  @Column({ type: 'text', nullable: true })
  recipientCopyStorageKey: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  recipientCopySha256: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  recipientSignedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  recipientSignedBy: string | null;

  @Column({ type: 'text' })
  status: AmendmentStatus;

  @Column({ type: 'date', nullable: true })
  signedOn: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  signedCopySha256: string | null;

  @Column({ type: 'text', nullable: true })
  signedCopyStorageKey: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'text', nullable: true })
  registerId: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'int' })
  version: number;
}

/**
 * The standard terms of a call's agreements, versioned: a change is a new version, and each agreement
 * records the version it was drawn from, so an agreement can always be reprinted as it was concluded.
 */
@Entity('agreement_template')
@Index('agreement_template_version_key', ['callId', 'version'], { unique: true })
export class AgreementTemplate {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'agreement_template_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  callId: string;

  @ManyToOne(() => GrantCall, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'agreement_template_call_fk' })
  call?: Relation<GrantCall>;

  @Column({ type: 'int' })
  version: number;

  /** Conditions every agreement of the call carries, before its own. */
  @Column({ type: 'jsonb' })
  conditions: AgreementCondition[];

  /** The recipient's duties on transformation or winding-up (§ 10a odst. 5 písm. g). */
  @Column({ type: 'text', array: true })
  transformationDuties: string[];

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

/** A file kept with a money record: the signed resolution, a cost document's scan. Never replaced, only added. */
@Entity('record_file')
@Index('record_file_owner_idx', ['ownerType', 'ownerId'])
@Check('record_file_owner_known', `owner_type IN ('resolution','cost_document')`)
export class RecordFile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'record_file_pkey' })
  id: string;

  @Column({ type: 'text' })
  ownerType: 'resolution' | 'cost_document';

  @Column({ type: 'uuid' })
  ownerId: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  mediaType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'text' })
  storageKey: string;

  @Column({ type: 'timestamptz' })
  uploadedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  uploadedBy: string | null;
}
