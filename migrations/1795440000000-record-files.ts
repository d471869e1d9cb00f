import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordFiles1795440000000 implements MigrationInterface {
  name = 'RecordFiles1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "record_file" ("id" uuid NOT NULL, "owner_type" text NOT NULL, "owner_id" uuid NOT NULL, "file_name" text NOT NULL, "media_type" text NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "storage_key" text NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "uploaded_by" uuid, CONSTRAINT "record_file_owner_known" CHECK (owner_type IN ('resolution','cost_document')), CONSTRAINT "record_file_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "record_file_owner_idx" ON "record_file"  ("owner_type", "owner_id") `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."record_file_owner_idx"`);
    await q.query(`DROP TABLE "record_file"`);
  }
}
