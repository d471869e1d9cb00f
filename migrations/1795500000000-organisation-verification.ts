import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may act for an organisation: a self-registered organisation is unverified until staff have seen the
 * evidence of its owner's authority; people ask to join an organisation someone else registered.
 * Organisations registered before this existed were registered by staff, the demo data or applicants
 * trusted so far: they start verified, so nothing that could be submitted yesterday is refused today.
 */
export class OrganisationVerification1795500000000 implements MigrationInterface {
  name = 'OrganisationVerification1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "organisation_verification" ("organisation_id" uuid NOT NULL, "status" text NOT NULL, "authority" text, "reason" text, "evidence_storage_key" text, "evidence_file_name" text, "evidence_media_type" text, "evidence_sha256" character(64), "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "version" integer NOT NULL, CONSTRAINT "organisation_verification_status_known" CHECK (status IN ('unverified','pending','verified','rejected')), CONSTRAINT "organisation_verification_authority_known" CHECK (authority IS NULL OR authority IN ('statutory_body','power_of_attorney')), CONSTRAINT "organisation_verification_rejected_has_reason" CHECK (status <> 'rejected' OR reason IS NOT NULL), CONSTRAINT "organisation_verification_pkey" PRIMARY KEY ("organisation_id"))`,
    );
    await q.query(`CREATE INDEX "organisation_verification_status_idx" ON "organisation_verification" ("status") `);
    await q.query(
      `ALTER TABLE "organisation_verification" ADD CONSTRAINT "organisation_verification_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`INSERT INTO "organisation_verification" ("organisation_id", "status", "reason", "decided_at", "version")
                   SELECT id, 'verified', 'Registrováno před zavedením ověřování.', now(), 1 FROM "organisation"`);
    await q.query(
      `CREATE TABLE "organisation_join_request" ("id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" text NOT NULL, "message" text, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, CONSTRAINT "organisation_join_request_status_known" CHECK (status IN ('pending','approved','refused')), CONSTRAINT "organisation_join_request_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "organisation_join_request_organisation_idx" ON "organisation_join_request" ("organisation_id") `);
    await q.query(`CREATE INDEX "organisation_join_request_user_idx" ON "organisation_join_request" ("user_id") `);
    await q.query(`CREATE UNIQUE INDEX "organisation_join_request_pending_key" ON "organisation_join_request" ("organisation_id", "user_id") WHERE status = 'pending'`);
    await q.query(
      `ALTER TABLE "organisation_join_request" ADD CONSTRAINT "organisation_join_request_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "organisation_join_request" ADD CONSTRAINT "organisation_join_request_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "organisation_join_request"`);
    await q.query(`DROP TABLE "organisation_verification"`);
  }
}
