import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgreementsAndPayments1795390000000 implements MigrationInterface {
  name = 'AgreementsAndPayments1795390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "agreement" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "decision_id" uuid NOT NULL, "number" text NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "amount" numeric(14,2) NOT NULL, "committed" numeric(14,2) NOT NULL, "purpose" text NOT NULL, "purpose_from" date NOT NULL, "purpose_to" date NOT NULL, "settlement_deadline" date NOT NULL, "conditions" jsonb NOT NULL, "tranches" jsonb NOT NULL, "register_required" boolean NOT NULL, "signed_on" date, "signed_copy_storage_key" text, "signed_copy_sha256" character(64), "signatories" text, "published_on" date, "register_id" text, "document_storage_key" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "row_version" integer NOT NULL, CONSTRAINT "agreement_committed_within_amount" CHECK (committed >= 0 AND committed <= amount), CONSTRAINT "agreement_status_known" CHECK (status IN ('draft','awaiting_signature','signed','effective','void')), CONSTRAINT "agreement_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "agreement_number_key" ON "agreement"  ("number") `);
    await q.query(`CREATE UNIQUE INDEX "agreement_application_key" ON "agreement"  ("application_id") `);
    await q.query(
      `CREATE TABLE "payment" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "tranche_no" integer NOT NULL, "amount" numeric(14,2) NOT NULL, "status" text NOT NULL, "ordered_by" uuid NOT NULL, "ordered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "hold_reason" text, "exported_at" TIMESTAMP WITH TIME ZONE, "bank_reference" text, "paid_on" date, "version" integer NOT NULL, CONSTRAINT "payment_four_eyes" CHECK (approved_by IS NULL OR approved_by <> ordered_by), CONSTRAINT "payment_amount_positive" CHECK (amount > 0), CONSTRAINT "payment_status_known" CHECK (status IN ('ordered','approved','exported','paid','held','cancelled')), CONSTRAINT "payment_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "payment_agreement_idx" ON "payment"  ("agreement_id") `);
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_decision_fk" FOREIGN KEY ("decision_id") REFERENCES "award_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "payment" ADD CONSTRAINT "payment_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "payment" DROP CONSTRAINT "payment_agreement_fk"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_decision_fk"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_application_fk"`);
    await q.query(`DROP INDEX "public"."payment_agreement_idx"`);
    await q.query(`DROP TABLE "payment"`);
    await q.query(`DROP INDEX "public"."agreement_application_key"`);
    await q.query(`DROP INDEX "public"."agreement_number_key"`);
    await q.query(`DROP TABLE "agreement"`);
  }
}
