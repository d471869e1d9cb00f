import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Money } from '#core';
import { moneyTransformer } from '#database';
import { Payment } from '../entities.js';

/** A pain.001 file as it went to the bank, kept so that the same batch downloads again byte for byte. */
@Entity('payment_batch')
@Index('payment_batch_message_id_key', ['messageId'], { unique: true })
@Check('payment_batch_format_known', `format IN ('pain.001.001.03','pain.001.001.09')`)
export class PaymentBatch {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'payment_batch_pkey' })
  id: string;

  @Column({ type: 'text' })
  format: 'pain.001.001.03' | 'pain.001.001.09';

  @Column({ type: 'text' })
  messageId: string;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'int' })
  payments: number;

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  total: Money;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;
}

/** An order in a batch: the primary key on the payment is what sends each order to the bank once. */
@Entity('payment_batch_item')
@Index('payment_batch_item_batch_idx', ['batchId'])
@Index('payment_batch_item_end_to_end_key', ['endToEndId'], { unique: true })
export class PaymentBatchItem {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'payment_batch_item_pkey' })
  paymentId: string;

  @ManyToOne(() => Payment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payment_id', foreignKeyConstraintName: 'payment_batch_item_payment_fk' })
  payment?: Relation<Payment>;

  @Column({ type: 'uuid' })
  batchId: string;

  @ManyToOne(() => PaymentBatch, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'batch_id', foreignKeyConstraintName: 'payment_batch_item_batch_fk' })
  batch?: Relation<PaymentBatch>;

  /** What the bank's statement quotes back (TxDtls/Refs/EndToEndId). */
  @Column({ type: 'text' })
  endToEndId: string;
}

/** An imported bank statement (camt.053); the account and the bank's statement id identify it. */
@Entity('bank_statement')
@Index('bank_statement_key', ['account', 'statementId'], { unique: true })
export class BankStatement {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'bank_statement_pkey' })
  id: string;

  /** The IBAN the statement is of. */
  @Column({ type: 'text' })
  account: string;

  /** Stmt/Id of the statement. */
  @Column({ type: 'text' })
  statementId: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'int' })
  lines: number;

  @Column({ type: 'int' })
  matched: number;

  @Column({ type: 'timestamptz' })
  importedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  importedBy: string | null;
}

export type StatementLineStatus = 'matched' | 'unmatched' | 'resolved';
export type StatementMatch = 'payment' | 'settlement' | 'breach';

/**
 * One booked transaction of a statement: matched to what it pays (an order, a return, a levy), or left
 * for a person to resolve. Unique per account and the bank's entry reference, so a transaction that
 * appears in two statements is counted once.
 */
@Entity('bank_statement_line')
@Index('bank_statement_line_entry_key', ['account', 'entryRef'], { unique: true })
@Index('bank_statement_line_statement_idx', ['statementId'])
@Index('bank_statement_line_status_idx', ['status'])
@Index('bank_statement_line_match_idx', ['matchId'], { where: 'match_id IS NOT NULL' })
@Check('bank_statement_line_status_known', `status IN ('matched','unmatched','resolved')`)
@Check('bank_statement_line_direction_known', `direction IN ('credit','debit')`)
@Check('bank_statement_line_match_known', `match_type IS NULL OR match_type IN ('payment','settlement','breach')`)
@Check('bank_statement_line_matched_has_target', `status <> 'matched' OR match_type IS NOT NULL`)
export class BankStatementLine {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'bank_statement_line_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  statementId: string;

  @ManyToOne(() => BankStatement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'statement_id', foreignKeyConstraintName: 'bank_statement_line_statement_fk' })
  statement?: Relation<BankStatement>;

  @Column({ type: 'text' })
  account: string;

  /** The bank's reference of the entry (NtryRef or AcctSvcrRef, with the transaction's index when an entry books several). */
  @Column({ type: 'text' })
  entryRef: string;

  @Column({ type: 'text' })
  direction: 'credit' | 'debit';

  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: moneyTransformer })
  amount: Money;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'date' })
  bookedOn: string;

  @Column({ type: 'text', nullable: true })
  variableSymbol: string | null;

  @Column({ type: 'text', nullable: true })
  endToEndId: string | null;

  @Column({ type: 'text', nullable: true })
  counterpartyName: string | null;

  @Column({ type: 'text', nullable: true })
  counterpartyAccount: string | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ type: 'text' })
  status: StatementLineStatus;

  @Column({ type: 'text', nullable: true })
  matchType: StatementMatch | null;

  @Column({ type: 'uuid', nullable: true })
  matchId: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ type: 'int' })
  version: number;
}
