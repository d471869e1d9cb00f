import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation, VersionColumn } from 'typeorm';
import { User } from '#identity';

export const ORGANISATION_TYPES = ['city_district', 'ngo', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** NGO legal forms under Czech law: spolek, o.p.s., ústav, nadace, nadační fond, church (evidovaná právnická osoba). */
export const NGO_LEGAL_FORMS = ['spolek', 'ops', 'ustav', 'nadace', 'nadacni_fond', 'church'] as const;
export type NgoLegalForm = (typeof NGO_LEGAL_FORMS)[number];

@Entity('organisation')
@Check('organisation_ico_format', `ico ~ '^[0-9]{8}$'`)
@Check('organisation_type_known', `type IN ('city_district','ngo','other')`)
@Check('organisation_ngo_has_legal_form', `(type = 'ngo') = (legal_form IS NOT NULL)`)
export class Organisation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organisation_pkey' })
  id: string;

  @Column({ type: 'text' })
  type: OrganisationType;

  @Column({ type: 'text', nullable: true })
  legalForm: NgoLegalForm | null;

  @Column({ type: 'text' })
  name: string;

  @Index('organisation_ico_key', { unique: true })
  @Column({ type: 'char', length: 8 })
  ico: string;

  @Column({ type: 'text' })
  seatStreet: string;

  @Column({ type: 'text' })
  seatCity: string;

  @Column({ type: 'text' })
  seatPostalCode: string;

  @Column({ type: 'text', nullable: true })
  bankAccount: string | null;

  @Column({ type: 'text', nullable: true })
  dataBoxId: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

@Entity('organisation_member')
@Index('organisation_member_user_idx', ['userId'])
@Check('organisation_member_role_known', `role IN ('owner','member')`)
export class OrganisationMember {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organisation_member_pkey' })
  organisationId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organisation_member_pkey' })
  userId: string;

  /** Memberships mean nothing without their organisation. */
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_member_organisation_fk' })
  organisation?: Relation<Organisation>;

  /** Users are deactivated, never deleted, while they belong to an organisation. */
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'organisation_member_user_fk' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  role: 'owner' | 'member';

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

export const VERIFICATION_STATUSES = ['unverified', 'pending', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** The person's authority to act for the organisation (§ 10a(3)(f) zákona č. 250/2000 Sb.). */
export const AUTHORITY_KINDS = ['statutory_body', 'power_of_attorney'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

/**
 * Who may act for an organisation: a self-registered organisation is `unverified` until staff have seen
 * evidence of its owner's authority (statutory body or power of attorney). One row per organisation, the
 * history is in the audit log.
 */
@Entity('organisation_verification')
@Index('organisation_verification_status_idx', ['status'])
@Check('organisation_verification_status_known', `status IN ('unverified','pending','verified','rejected')`)
@Check('organisation_verification_authority_known', `authority IS NULL OR authority IN ('statutory_body','power_of_attorney')`)
@Check('organisation_verification_rejected_has_reason', `status <> 'rejected' OR reason IS NOT NULL`)
export class OrganisationVerification {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organisation_verification_pkey' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_verification_organisation_fk' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'text' })
  status: VerificationStatus;

  @Column({ type: 'text', nullable: true })
  authority: AuthorityKind | null;

  /** Why staff refused the claim (shown to the owner), or how they verified it without evidence. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceStorageKey: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceFileName: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceMediaType: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  evidenceSha256: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @VersionColumn()
  version: number;
}

export const JOIN_REQUEST_STATUSES = ['pending', 'approved', 'refused'] as const;
export type JoinRequestStatus = (typeof JOIN_REQUEST_STATUSES)[number];

/** A person asks to join an organisation that someone else registered; its owner (or staff) approves or refuses. */
@Entity('organisation_join_request')
@Index('organisation_join_request_organisation_idx', ['organisationId'])
@Index('organisation_join_request_user_idx', ['userId'])
@Index('organisation_join_request_pending_key', ['organisationId', 'userId'], { unique: true, where: `status = 'pending'` })
@Check('organisation_join_request_status_known', `status IN ('pending','approved','refused')`)
export class OrganisationJoinRequest {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organisation_join_request_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_join_request_organisation_fk' })
  organisation?: Relation<Organisation>;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'organisation_join_request_user_fk' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  status: JoinRequestStatus;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;
}
