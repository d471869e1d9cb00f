import { MigrationInterface, QueryRunner } from 'typeorm';

export class Settlements1795400000000 implements MigrationInterface {
  name = 'Settlements1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "settlement" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "status" text NOT NULL, "report" jsonb NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "late" boolean NOT NULL, "eligible_total" numeric(14,2), "return_due" numeric(14,2), "return_due_date" date, "returned" numeric(14,2) NOT NULL, "check_explanation" text, "closed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL, CONSTRAINT "settlement_returned_within_due" CHECK (returned >= 0 AND (return_due IS NULL OR returned <= return_due)), CONSTRAINT "settlement_status_known" CHECK (status IN ('submitted','checked','closed')), CONSTRAINT "settlement_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "settlement_agreement_key" ON "settlement"  ("agreement_id") `);
    await q.query(
      `CREATE TABLE "cost_document" ("id" uuid NOT NULL, "settlement_id" uuid NOT NULL, "budget_line_id" uuid NOT NULL, "number" text NOT NULL, "issued_on" date NOT NULL, "supplier" text NOT NULL, "amount" numeric(14,2) NOT NULL, "paid_on" date NOT NULL, "review" text, "eligible_amount" numeric(14,2), "review_reason" text, CONSTRAINT "cost_document_eligible_within_amount" CHECK (eligible_amount IS NULL OR (eligible_amount >= 0 AND eligible_amount <= amount)), CONSTRAINT "cost_document_review_known" CHECK (review IS NULL OR review IN ('eligible','partly_eligible','ineligible')), CONSTRAINT "cost_document_amount_positive" CHECK (amount > 0), CONSTRAINT "cost_document_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "cost_document_settlement_idx" ON "cost_document"  ("settlement_id") `);
    await q.query(
      `CREATE TABLE "return_receipt" ("id" uuid NOT NULL, "settlement_id" uuid NOT NULL, "amount" numeric(14,2) NOT NULL, "received_on" date NOT NULL, "bank_reference" text NOT NULL, "late" boolean NOT NULL, CONSTRAINT "return_receipt_amount_positive" CHECK (amount > 0), CONSTRAINT "return_receipt_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "return_receipt_settlement_idx" ON "return_receipt"  ("settlement_id") `);
    await q.query(
      `ALTER TABLE "settlement" ADD CONSTRAINT "settlement_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "cost_document" ADD CONSTRAINT "cost_document_settlement_fk" FOREIGN KEY ("settlement_id") REFERENCES "settlement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "return_receipt" ADD CONSTRAINT "return_receipt_settlement_fk" FOREIGN KEY ("settlement_id") REFERENCES "settlement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "return_receipt" DROP CONSTRAINT "return_receipt_settlement_fk"`);
    await q.query(`ALTER TABLE "cost_document" DROP CONSTRAINT "cost_document_settlement_fk"`);
    await q.query(`ALTER TABLE "settlement" DROP CONSTRAINT "settlement_agreement_fk"`);
    await q.query(`DROP INDEX "public"."return_receipt_settlement_idx"`);
    await q.query(`DROP TABLE "return_receipt"`);
    await q.query(`DROP INDEX "public"."cost_document_settlement_idx"`);
    await q.query(`DROP TABLE "cost_document"`);
    await q.query(`DROP INDEX "public"."settlement_agreement_key"`);
    await q.query(`DROP TABLE "settlement"`);
  }
}
