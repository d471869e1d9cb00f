import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bank's own file formats (issue 17): pain.001 batches kept as sent (each order in one batch only,
 * by the primary key on the payment), imported camt.053 statements and their lines, unique per account
 * and the bank's entry reference so a statement imported twice changes nothing.
 */
export class BankFiles1795540000000 implements MigrationInterface {
  name = 'BankFiles1795540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "payment_batch" ("id" uuid NOT NULL, "format" text NOT NULL, "message_id" text NOT NULL, "content" text NOT NULL, "payments" integer NOT NULL, "total" numeric(14,2) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "payment_batch_format_known" CHECK (format IN ('pain.001.001.03','pain.001.001.09')), CONSTRAINT "payment_batch_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "payment_batch_message_id_key" ON "payment_batch"  ("message_id")`);
    await q.query(
      `CREATE TABLE "payment_batch_item" ("payment_id" uuid NOT NULL, "batch_id" uuid NOT NULL, "end_to_end_id" text NOT NULL, CONSTRAINT "payment_batch_item_pkey" PRIMARY KEY ("payment_id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "payment_batch_item_end_to_end_key" ON "payment_batch_item"  ("end_to_end_id")`);
    await q.query(`CREATE INDEX "payment_batch_item_batch_idx" ON "payment_batch_item"  ("batch_id")`);
    await q.query(
      `CREATE TABLE "bank_statement" ("id" uuid NOT NULL, "account" text NOT NULL, "statement_id" text NOT NULL, "file_name" text NOT NULL, "sha256" character(64) NOT NULL, "lines" integer NOT NULL, "matched" integer NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "imported_by" uuid, CONSTRAINT "bank_statement_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "bank_statement_key" ON "bank_statement"  ("account", "statement_id")`);
    await q.query(
      `CREATE TABLE "bank_statement_line" ("id" uuid NOT NULL, "statement_id" uuid NOT NULL, "account" text NOT NULL, "entry_ref" text NOT NULL, "direction" text NOT NULL, "amount" numeric(14,2) NOT NULL, "currency" text NOT NULL, "booked_on" date NOT NULL, "variable_symbol" text, "end_to_end_id" text, "counterparty_name" text, "counterparty_account" text, "message" text, "status" text NOT NULL, "match_type" text, "match_id" uuid, "resolved_by" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution_note" text, "version" integer NOT NULL, CONSTRAINT "bank_statement_line_matched_has_target" CHECK (status <> 'matched' OR match_type IS NOT NULL), CONSTRAINT "bank_statement_line_match_known" CHECK (match_type IS NULL OR match_type IN ('payment','settlement','breach')), CONSTRAINT "bank_statement_line_direction_known" CHECK (direction IN ('credit','debit')), CONSTRAINT "bank_statement_line_status_known" CHECK (status IN ('matched','unmatched','resolved')), CONSTRAINT "bank_statement_line_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "bank_statement_line_status_idx" ON "bank_statement_line"  ("status")`);
    await q.query(`CREATE INDEX "bank_statement_line_statement_idx" ON "bank_statement_line"  ("statement_id")`);
    await q.query(`CREATE UNIQUE INDEX "bank_statement_line_entry_key" ON "bank_statement_line"  ("account", "entry_ref")`);
    await q.query(
      `ALTER TABLE "payment_batch_item" ADD CONSTRAINT "payment_batch_item_payment_fk" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "payment_batch_item" ADD CONSTRAINT "payment_batch_item_batch_fk" FOREIGN KEY ("batch_id") REFERENCES "payment_batch"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "bank_statement_line" ADD CONSTRAINT "bank_statement_line_statement_fk" FOREIGN KEY ("statement_id") REFERENCES "bank_statement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "bank_statement_line" DROP CONSTRAINT "bank_statement_line_statement_fk"`);
    await q.query(`ALTER TABLE "payment_batch_item" DROP CONSTRAINT "payment_batch_item_batch_fk"`);
    await q.query(`ALTER TABLE "payment_batch_item" DROP CONSTRAINT "payment_batch_item_payment_fk"`);
    await q.query(`DROP INDEX "public"."bank_statement_line_entry_key"`);
    await q.query(`DROP INDEX "public"."bank_statement_line_statement_idx"`);
    await q.query(`DROP INDEX "public"."bank_statement_line_status_idx"`);
    await q.query(`DROP TABLE "bank_statement_line"`);
    await q.query(`DROP INDEX "public"."bank_statement_key"`);
    await q.query(`DROP TABLE "bank_statement"`);
    await q.query(`DROP INDEX "public"."payment_batch_item_batch_idx"`);
    await q.query(`DROP INDEX "public"."payment_batch_item_end_to_end_key"`);
    await q.query(`DROP TABLE "payment_batch_item"`);
    await q.query(`DROP INDEX "public"."payment_batch_message_id_key"`);
    await q.query(`DROP TABLE "payment_batch"`);
  }
}
