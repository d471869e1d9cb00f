import { MigrationInterface, QueryRunner } from 'typeorm';

export class Awards1795380000000 implements MigrationInterface {
  name = 'Awards1795380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "ledger_entry" ("id" uuid NOT NULL, "event_id" uuid NOT NULL, "kind" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "call_id" uuid NOT NULL, "budget_area_id" uuid, "application_id" uuid, "activity_id" uuid, "amount" numeric(14,2) NOT NULL, "source_type" text NOT NULL, "source_id" text NOT NULL, "actor_user_id" uuid, "correlation_id" text NOT NULL, CONSTRAINT "ledger_entry_kind_known" CHECK (kind IN ('allocated','requested','recommended','approved','contracted','paid','settled','returned','penalised')), CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ledger_entry_call_idx" ON "ledger_entry"  ("call_id", "kind") `);
    await q.query(`CREATE INDEX "ledger_entry_activity_idx" ON "ledger_entry"  ("activity_id", "kind") `);
    await q.query(`CREATE INDEX "ledger_entry_application_idx" ON "ledger_entry"  ("application_id", "kind") `);
    await q.query(`CREATE INDEX "ledger_entry_event_idx" ON "ledger_entry"  ("event_id") `);
    await q.query(
      `CREATE TABLE "resolution" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "body" text NOT NULL, "number" text NOT NULL, "adopted_on" date NOT NULL, "text" text NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by" uuid, CONSTRAINT "resolution_body_known" CHECK (body IN ('council','assembly')), CONSTRAINT "resolution_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "resolution_number_key" ON "resolution"  ("body", "number") `);
    await q.query(
      `CREATE TABLE "award_decision" ("id" uuid NOT NULL, "application_id" uuid NOT NULL, "resolution_id" uuid NOT NULL, "outcome" text NOT NULL, "amount" numeric(14,2) NOT NULL, "requested_amount" numeric(14,2) NOT NULL, "conditions" text array NOT NULL, "reason" text, "supersedes_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "award_decision_amount_matches_outcome" CHECK ((outcome = 'approved' AND amount > 0) OR (outcome = 'rejected' AND amount = 0 AND length(trim(reason)) > 0)), CONSTRAINT "award_decision_outcome_known" CHECK (outcome IN ('approved','rejected')), CONSTRAINT "award_decision_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "award_decision_supersedes_key" ON "award_decision"  ("supersedes_id") WHERE supersedes_id IS NOT NULL`);
    await q.query(`CREATE INDEX "award_decision_application_idx" ON "award_decision"  ("application_id") `);
    await q.query(
      `CREATE TABLE "area_funding" ("budget_area_id" uuid NOT NULL, "call_id" uuid NOT NULL, "allocation" numeric(14,2) NOT NULL, "approved" numeric(14,2) NOT NULL, CONSTRAINT "area_funding_within_allocation" CHECK (approved >= 0 AND approved <= allocation), CONSTRAINT "area_funding_pkey" PRIMARY KEY ("budget_area_id"))`,
    );
    await q.query(
      `CREATE TABLE "call_funding" ("call_id" uuid NOT NULL, "allocation" numeric(14,2) NOT NULL, "approved" numeric(14,2) NOT NULL, CONSTRAINT "call_funding_within_allocation" CHECK (approved >= 0 AND approved <= allocation), CONSTRAINT "call_funding_pkey" PRIMARY KEY ("call_id"))`,
    );
    await q.query(`ALTER TABLE "resolution" ADD CONSTRAINT "resolution_call_fk" FOREIGN KEY ("call_id") REFERENCES "grant_call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(
      `ALTER TABLE "award_decision" ADD CONSTRAINT "award_decision_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "award_decision" ADD CONSTRAINT "award_decision_resolution_fk" FOREIGN KEY ("resolution_id") REFERENCES "resolution"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "award_decision" ADD CONSTRAINT "award_decision_supersedes_fk" FOREIGN KEY ("supersedes_id") REFERENCES "award_decision"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "area_funding" ADD CONSTRAINT "area_funding_budget_area_fk" FOREIGN KEY ("budget_area_id") REFERENCES "call_budget_area"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE "call_funding" ADD CONSTRAINT "call_funding_call_fk" FOREIGN KEY ("call_id") REFERENCES "grant_call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    // Money history is append-only: a correction is a new ledger entry or a new decision, never an edit.
    await q.query(`CREATE FUNCTION money_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['ledger_entry', 'award_decision', 'resolution']) {
      await q.query(`CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION money_history_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION money_history_refuse_change()`);
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['ledger_entry', 'award_decision', 'resolution']) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_no_update_delete ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${table}_no_truncate ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS money_history_refuse_change()`);
    await q.query(`ALTER TABLE "call_funding" DROP CONSTRAINT "call_funding_call_fk"`);
    await q.query(`ALTER TABLE "area_funding" DROP CONSTRAINT "area_funding_budget_area_fk"`);
    await q.query(`ALTER TABLE "award_decision" DROP CONSTRAINT "award_decision_supersedes_fk"`);
    await q.query(`ALTER TABLE "award_decision" DROP CONSTRAINT "award_decision_resolution_fk"`);
    await q.query(`ALTER TABLE "award_decision" DROP CONSTRAINT "award_decision_application_fk"`);
    await q.query(`ALTER TABLE "resolution" DROP CONSTRAINT "resolution_call_fk"`);
    await q.query(`DROP TABLE "call_funding"`);
    await q.query(`DROP TABLE "area_funding"`);
    await q.query(`DROP INDEX "public"."award_decision_application_idx"`);
    await q.query(`DROP INDEX "public"."award_decision_supersedes_key"`);
    await q.query(`DROP TABLE "award_decision"`);
    await q.query(`DROP INDEX "public"."resolution_number_key"`);
    await q.query(`DROP TABLE "resolution"`);
    await q.query(`DROP INDEX "public"."ledger_entry_event_idx"`);
    await q.query(`DROP INDEX "public"."ledger_entry_application_idx"`);
    await q.query(`DROP INDEX "public"."ledger_entry_activity_idx"`);
    await q.query(`DROP INDEX "public"."ledger_entry_call_idx"`);
    await q.query(`DROP TABLE "ledger_entry"`);
  }
}
