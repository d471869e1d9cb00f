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
