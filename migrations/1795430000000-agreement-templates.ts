import { MigrationInterface, QueryRunner } from 'typeorm';

export class AgreementTemplates1795430000000 implements MigrationInterface {
  name = 'AgreementTemplates1795430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "agreement_template" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "version" integer NOT NULL, "conditions" jsonb NOT NULL, "transformation_duties" text array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "agreement_template_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "agreement_template_version_key" ON "agreement_template"  ("call_id", "version") `);
    await q.query(`ALTER TABLE "agreement" ADD "template_version" integer`);
    await q.query(
      `ALTER TABLE "agreement_template" ADD CONSTRAINT "agreement_template_call_fk" FOREIGN KEY ("call_id") REFERENCES "grant_call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreement_template" DROP CONSTRAINT "agreement_template_call_fk"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "template_version"`);
    await q.query(`DROP INDEX "public"."agreement_template_version_key"`);
    await q.query(`DROP TABLE "agreement_template"`);
  }
}
