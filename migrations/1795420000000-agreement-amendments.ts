import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgreementAmendments1795420000000 implements MigrationInterface {
  name = 'AgreementAmendments1795420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "agreement_amendment" ("id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "number" integer NOT NULL, "reason" text NOT NULL, "changes" text array NOT NULL, "terms" jsonb NOT NULL, "status" text NOT NULL, "signed_on" date, "signed_copy_sha256" character(64), "signed_copy_storage_key" text, "published_on" date, "register_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "agreement_amendment_status_known" CHECK (status IN ('awaiting_signature','signed','effective')), CONSTRAINT "agreement_amendment_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "agreement_amendment_number_key" ON "agreement_amendment"  ("agreement_id", "number") `);
    await q.query(
      `ALTER TABLE "agreement_amendment" ADD CONSTRAINT "agreement_amendment_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreement_amendment" DROP CONSTRAINT "agreement_amendment_agreement_fk"`);
    await q.query(`DROP INDEX "public"."agreement_amendment_number_key"`);
    await q.query(`DROP TABLE "agreement_amendment"`);
  }
}
