import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '#identity';

export const EMAIL_STATUSES = ['pending', 'sending', 'retrying', 'sent', 'dead', 'suppressed', 'digest_pending', 'digested'] as const;
/**
 * Where the e-mail of one notification stands. pending → sending → sent is the usual path;
 * retrying after a transient SMTP failure; dead after a permanent one, the last attempt, or a sender
 * that died mid-conversation (outcome unknown: never re-sent blindly). suppressed: the user muted
 * the kind; digest_pending → digested: it waits for (then went out in) the user's daily digest.
 */
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
export type DeadReason = 'permanent' | 'attempts_exhausted' | 'outcome_unknown';

/**
 * One message to one user about one thing: the in-app list item and the delivery ledger of its
 * e-mail. Unique per (user, kind, dedupe key): the key is the outbox event id, a reminder's subject
 * and offset, or a digest's date, so processing an event or a reminder twice creates nothing new.
 */
@Entity('notification')
@Index('notification_dedupe_key', ['userId', 'kind', 'dedupeKey'], { unique: true })
@Index('notification_inbox_idx', ['userId', 'createdAt'])
@Index('notification_source_event_idx', ['sourceEventId'])
@Index('notification_email_open_idx', ['emailStatus', 'emailUpdatedAt'], { where: `email_status IN ('pending','sending','retrying','digest_pending','dead')` })
@Check('notification_email_status_known', `email_status IN (${EMAIL_STATUSES.map((s) => `'${s}'`).join(',')})`)
export class Notification {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'notification_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_user_fk' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  dedupeKey: string;

  @Column({ type: 'uuid', nullable: true })
  sourceEventId: string | null;

  /** What the template needs (ids, numbers, titles, amounts, dates): rendered in the reader's language when read or sent. */
  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  /** Stored files to attach: [{ storageKey, fileName, contentType }]. */
  @Column({ type: 'jsonb' })
  attachments: { storageKey: string; fileName: string; contentType: string }[];

  @Column({ type: 'boolean' })
  mandatory: boolean;

  @Column({ type: 'boolean' })
  inApp: boolean;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ type: 'text' })
  emailStatus: EmailStatus;

  @Column({ type: 'timestamptz' })
  emailUpdatedAt: Date;

  @Column({ type: 'int', default: 0 })
  emailAttempts: number;

  /** Bumped by every re-queue from the dead-letter list, so the new job gets a new id. */
  @Column({ type: 'int', default: 0 })
  emailGeneration: number;

  /** The attempt holding the message (a fresh id per attempt); only its holder may record the outcome. */
  @Column({ type: 'uuid', nullable: true })
  emailClaim: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailClaimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  emailSentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  smtpResponse: string | null;

  @Column({ type: 'text', nullable: true })
  emailLastError: string | null;

  @Column({ type: 'text', nullable: true })
  emailDeadReason: DeadReason | null;

  /** The digest notification this one went out in. */
  @Column({ type: 'uuid', nullable: true })
  digestId: string | null;
}

/** A user's choices: which optional kinds to mute, and immediate mail or a daily digest. */
@Entity('notification_preference')
@Check('notification_preference_delivery_known', `delivery IN ('immediate','daily_digest')`)
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'notification_preference_pkey' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_preference_user_fk' })
  user?: Relation<User>;

  @Column({ type: 'text', default: 'immediate' })
  delivery: 'immediate' | 'daily_digest';

  @Column({ type: 'text', array: true })
  mutedKinds: string[];

  @Column({ type: 'timestamptz' })
  updatedAt: Date;

  /** Checked by hand against the version the user read (see InboxService.updatePreferences). */
  @Column({ type: 'int' })
  version: number;
}
