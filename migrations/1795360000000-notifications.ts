import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795360000000 implements MigrationInterface {
  name = 'Notifications1795360000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, "dedupe_key" text NOT NULL, "source_event_id" uuid, "params" jsonb NOT NULL, "attachments" jsonb NOT NULL, "mandatory" boolean NOT NULL, "in_app" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "email_status" text NOT NULL, "email_updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "email_attempts" integer NOT NULL DEFAULT '0', "email_generation" integer NOT NULL DEFAULT '0', "email_claim" uuid, "email_claimed_at" TIMESTAMP WITH TIME ZONE, "email_sent_at" TIMESTAMP WITH TIME ZONE, "smtp_response" text, "email_last_error" text, "email_dead_reason" text, "digest_id" uuid, CONSTRAINT "notification_email_status_known" CHECK (email_status IN ('pending','sending','retrying','sent','dead','suppressed','digest_pending','digested')), CONSTRAINT "notification_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE INDEX "notification_email_open_idx" ON "notification"  ("email_status", "email_updated_at") WHERE email_status IN ('pending','sending','retrying','digest_pending','dead')`,
    );
    await q.query(`CREATE INDEX "notification_source_event_idx" ON "notification"  ("source_event_id") `);
    await q.query(`CREATE INDEX "notification_inbox_idx" ON "notification"  ("user_id", "created_at") `);
    await q.query(`CREATE UNIQUE INDEX "notification_dedupe_key" ON "notification"  ("user_id", "kind", "dedupe_key") `);
    await q.query(
      `CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "delivery" text NOT NULL DEFAULT 'immediate', "muted_kinds" text array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "notification_preference_delivery_known" CHECK (delivery IN ('immediate','daily_digest')), CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id"))`,
    );
    await q.query(`ALTER TABLE "outbox_event" ADD "processed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "outbox_event_unprocessed_idx" ON "outbox_event"  ("relayed_at") WHERE relayed_at IS NOT NULL AND processed_at IS NULL`);
    await q.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(
      `ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "notification_preference" DROP CONSTRAINT "notification_preference_user_fk"`);
    await q.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_user_fk"`);
    await q.query(`DROP INDEX "public"."outbox_event_unprocessed_idx"`);
    await q.query(`ALTER TABLE "outbox_event" DROP COLUMN "processed_at"`);
    await q.query(`DROP TABLE "notification_preference"`);
    await q.query(`DROP INDEX "public"."notification_dedupe_key"`);
    await q.query(`DROP INDEX "public"."notification_inbox_idx"`);
    await q.query(`DROP INDEX "public"."notification_source_event_idx"`);
    await q.query(`DROP INDEX "public"."notification_email_open_idx"`);
    await q.query(`DROP TABLE "notification"`);
  }
}
