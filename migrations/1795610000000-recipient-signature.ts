import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recipient signs in the portal (issue 17, agreements): the copy they signed is kept beside the
 * agreement, or the amendment (key and SHA-256, who uploaded it and when) until the city counter-signs. An amendment keeps
 * the terms it replaces, so its before/after can be shown after it took effect. An index on the status and
 * signature day serves the staff's list of agreements waiting for publication, oldest signature first.
 */
export class RecipientSignature1795610000000 implements MigrationInterface {
  name = 'RecipientSignature1795610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agreement" ADD "recipient_copy_storage_key" text`);
    await q.query(`ALTER TABLE "agreement" ADD "recipient_copy_sha256" character(64)`);
    await q.query(`ALTER TABLE "agreement" ADD "recipient_signed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "agreement" ADD "recipient_signed_by" uuid`);
    await q.query(
      `ALTER TABLE "agreement" ADD CONSTRAINT "agreement_recipient_copy_complete" CHECK ((recipient_signed_at IS NULL) = (recipient_copy_storage_key IS NULL) AND (recipient_signed_at IS NULL) = (recipient_copy_sha256 IS NULL))`,
    );
    await q.query(`ALTER TABLE "agreement_amendment" ADD "previous_terms" jsonb`);
    await q.query(`ALTER TABLE "agreement_amendment" ADD "recipient_copy_storage_key" text`);
    await q.query(`ALTER TABLE "agreement_amendment" ADD "recipient_copy_sha256" character(64)`);
    await q.query(`ALTER TABLE "agreement_amendment" ADD "recipient_signed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "agreement_amendment" ADD "recipient_signed_by" uuid`);
    await q.query(
      `ALTER TABLE "agreement_amendment" ADD CONSTRAINT "agreement_amendment_recipient_copy_complete" CHECK ((recipient_signed_at IS NULL) = (recipient_copy_storage_key IS NULL) AND (recipient_signed_at IS NULL) = (recipient_copy_sha256 IS NULL))`,
    );
    await q.query(`CREATE INDEX "agreement_status_signed_idx" ON "agreement" ("status", "signed_on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."agreement_status_signed_idx"`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP CONSTRAINT "agreement_amendment_recipient_copy_complete"`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP COLUMN "recipient_signed_by"`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP COLUMN "recipient_signed_at"`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP COLUMN "recipient_copy_sha256"`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP COLUMN "recipient_copy_storage_key"`);
    await q.query(`ALTER TABLE "agreement_amendment" DROP COLUMN "previous_terms"`);
    await q.query(`ALTER TABLE "agreement" DROP CONSTRAINT "agreement_recipient_copy_complete"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "recipient_signed_by"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "recipient_signed_at"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "recipient_copy_sha256"`);
    await q.query(`ALTER TABLE "agreement" DROP COLUMN "recipient_copy_storage_key"`);
  }
}
