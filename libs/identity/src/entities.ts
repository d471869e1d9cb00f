import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Role } from '#core';

@Entity('app_user')
@Check('app_user_email_lowercase', 'email = lower(email)')
@Check('app_user_roles_known', `roles <@ ARRAY['applicant','staff','commission_member','auditor','admin']::text[]`)
export class User {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'app_user_pkey' })
  id: string;

  @Index('app_user_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'text', default: 'cs' })
  language: 'cs' | 'en';

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A signed-in device. Access tokens name their session, so revoking it ends them at once. */
@Entity('user_session')
@Index('user_session_user_idx', ['userId'])
export class Session {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'user_session_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_session_user_fk' })
  user?: Relation<User>;

  /** SHA-256 of the current refresh secret (high-entropy random, so a fast hash is enough). */
  @Column({ type: 'char', length: 64 })
  refreshHash: string;

  /** The secret before the last rotation: presenting it again means it was stolen, so the session dies. */
  @Column({ type: 'char', length: 64, nullable: true })
  previousRefreshHash: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  userAgent: string | null;

  /** When the refresh token was last rotated (domain clock): the previous one is accepted again shortly after. */
  @Column({ type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  /** `iat` (wall-clock seconds) of the access token issued at the last rotation, so a repeat gets the identical token. */
  @Column({ type: 'integer', nullable: true })
  rotatedTokenIssuedAt: number | null;
}

/** A one-time password-reset link. The link's secret is an HMAC of the id, so nothing secret is stored. */
@Entity('password_reset')
@Index('password_reset_user_idx', ['userId'])
export class PasswordReset {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'password_reset_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'password_reset_user_fk' })
  user?: Relation<User>;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
