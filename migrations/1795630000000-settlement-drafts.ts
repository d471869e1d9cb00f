import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recipient's settlement as a draft saved as they type (issue 17): one draft per agreement, saved with its
 * own `draft_version` (two tabs never overwrite each other), submitted into the existing `settlement` and
 * `cost_document` rows. A draft's cost documents keep their ids when submitted, so a scan uploaded to a draft
 * document stays with it; `record_file` rows of such documents point at the draft's id until then.
 */
export class SettlementDrafts1795630000000 implements MigrationInterface {
  name = 'SettlementDrafts1795630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "settlement_draft" ("agreement_id" uuid NOT NULL, "cost_documents" jsonb NOT NULL, "report" jsonb NOT NULL, "draft_version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, CONSTRAINT "settlement_draft_arrays" CHECK (jsonb_typeof(cost_documents) = 'array' AND jsonb_typeof(report) = 'array'), CONSTRAINT "settlement_draft_version_positive" CHECK (draft_version > 0), CONSTRAINT "settlement_draft_pkey" PRIMARY KEY ("agreement_id"))`,
    );
    await q.query(
      `ALTER TABLE "settlement_draft" ADD CONSTRAINT "settlement_draft_agreement_fk" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "settlement_draft" DROP CONSTRAINT "settlement_draft_agreement_fk"`);
    await q.query(`DROP TABLE "settlement_draft"`);
  }
}
