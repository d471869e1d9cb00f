import { MigrationInterface, QueryRunner } from 'typeorm';

export class Breaches1795410000000 implements MigrationInterface {
  name = 'Breaches1795410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "breach" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "condition_no" integer, "description" text NOT NULL, "breach_date" date NOT NULL, "misused" numeric(14,2) NOT NULL, "status" text NOT NULL, "remedy_deadline" date, "remedied_on" date, "levy" numeric(14,2), "levy_due_date" date, "levy_reason" text, "penalty" numeric(14,2), "penalty_computation" text, "paid_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "breach_status_known" CHECK (status IN ('remedy_requested','remedied','open','levied','waived','paid')), CONSTRAINT "breach_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "breach_agreement_idx" ON "breach"  ("agreement_id") `);
    await q.query(`ALTER TABLE "breach" ADD CONSTRAINT "breach_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "breach" DROP CONSTRAINT "breach_agreement_fk"`);
    await q.query(`DROP INDEX "public"."breach_agreement_idx"`);
    await q.query(`DROP TABLE "breach"`);
  }
}
