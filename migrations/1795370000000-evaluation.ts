import { MigrationInterface, QueryRunner } from 'typeorm';

export class Evaluation1795370000000 implements MigrationInterface {
  name = 'Evaluation1795370000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "commission" ("id" uuid NOT NULL, "call_id" uuid NOT NULL, "name" text NOT NULL, "chair_user_id" uuid NOT NULL, "secretary_user_id" uuid NOT NULL, "reviewers_per_application" integer NOT NULL, "spread_limit" numeric(8,3), "overall_threshold" numeric(8,3), "quorum_percent" integer NOT NULL, "strategy" text NOT NULL, "allow_partial" boolean NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, CONSTRAINT "commission_quorum_range" CHECK (quorum_percent BETWEEN 1 AND 100), CONSTRAINT "commission_strategy_known" CHECK (strategy IN ('rank_order','proportional')), CONSTRAINT "commission_reviewers_positive" CHECK (reviewers_per_application > 0), CONSTRAINT "commission_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "commission_call_key" ON "commission"  ("call_id") `);
    await q.query(
      `CREATE TABLE "commission_member" ("commission_id" uuid NOT NULL, "user_id" uuid NOT NULL, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "commission_member_pkey" PRIMARY KEY ("commission_id", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "coi_declaration" ("commission_id" uuid NOT NULL, "user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "conflict" boolean NOT NULL, "reason" text, "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "coi_declaration_reason_given" CHECK (NOT conflict OR length(trim(reason)) > 0), CONSTRAINT "coi_declaration_pkey" PRIMARY KEY ("commission_id", "user_id", "organisation_id"))`,
    );
    await q.query(
      `CREATE TABLE "review_assignment" ("application_id" uuid NOT NULL, "user_id" uuid NOT NULL, "commission_id" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assigned_by" uuid, CONSTRAINT "review_assignment_pkey" PRIMARY KEY ("application_id", "user_id"))`,
    );
    await q.query(`CREATE INDEX "review_assignment_user_idx" ON "review_assignment"  ("user_id", "commission_id") `);
    await q.query(
      `CREATE TABLE "score_sheet" ("id" uuid NOT NULL, "commission_id" uuid NOT NULL, "application_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" text NOT NULL, "scores" jsonb NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "void_reason" text, CONSTRAINT "score_sheet_status_known" CHECK (status IN ('draft','submitted','void')), CONSTRAINT "score_sheet_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "score_sheet_commission_idx" ON "score_sheet"  ("commission_id", "status") `);
    await q.query(`CREATE UNIQUE INDEX "score_sheet_reviewer_key" ON "score_sheet"  ("application_id", "user_id") `);
    await q.query(
      `CREATE TABLE "commission_session" ("id" uuid NOT NULL, "commission_id" uuid NOT NULL, "number" text NOT NULL, "held_at" TIMESTAMP WITH TIME ZONE NOT NULL, "place" text NOT NULL, "status" text NOT NULL, "attendance" uuid array NOT NULL, "conclusion" text NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "minutes_storage_key" text, "version" integer NOT NULL, CONSTRAINT "commission_session_status_known" CHECK (status IN ('open','closed')), CONSTRAINT "commission_session_pkey" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "commission_session_number_key" ON "commission_session"  ("commission_id", "number") `);
    await q.query(
      `CREATE TABLE "session_decision" ("session_id" uuid NOT NULL, "application_id" uuid NOT NULL, "discussion_notes" text NOT NULL DEFAULT '', "consensus_points" numeric(10,3), "consensus_reason" text, "cut_amount" numeric(14,2), "cut_reason" text, "adjusted_amount" numeric(14,2), "adjust_reason" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "session_decision_pkey" PRIMARY KEY ("session_id", "application_id"))`,
    );
    await q.query(
      `CREATE TABLE "session_vote" ("session_id" uuid NOT NULL, "application_id" uuid NOT NULL, "user_id" uuid NOT NULL, "vote" text NOT NULL, "cast_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "session_vote_value_known" CHECK (vote IN ('for','against','abstain')), CONSTRAINT "session_vote_pkey" PRIMARY KEY ("session_id", "application_id", "user_id"))`,
    );
    await q.query(
      `CREATE TABLE "commission_recommendation" ("application_id" uuid NOT NULL, "session_id" uuid NOT NULL, "budget_area_code" text NOT NULL, "rank" integer NOT NULL, "final_points" numeric(10,3), "amount" numeric(14,2) NOT NULL, "reason_code" text NOT NULL, "explanation_cs" text NOT NULL, "explanation_en" text NOT NULL, CONSTRAINT "commission_recommendation_pkey" PRIMARY KEY ("application_id"))`,
    );
    await q.query(`ALTER TABLE "commission" ADD CONSTRAINT "commission_call_fk" FOREIGN KEY ("call_id") REFERENCES "grant_call"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "commission" ADD CONSTRAINT "commission_chair_fk" FOREIGN KEY ("chair_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(
      `ALTER TABLE "commission" ADD CONSTRAINT "commission_secretary_fk" FOREIGN KEY ("secretary_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "commission_member" ADD CONSTRAINT "commission_member_commission_fk" FOREIGN KEY ("commission_id") REFERENCES "commission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "commission_member" ADD CONSTRAINT "commission_member_user_fk" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "coi_declaration" ADD CONSTRAINT "coi_declaration_commission_fk" FOREIGN KEY ("commission_id") REFERENCES "commission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "coi_declaration" ADD CONSTRAINT "coi_declaration_organisation_fk" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "review_assignment" ADD CONSTRAINT "review_assignment_commission_fk" FOREIGN KEY ("commission_id") REFERENCES "commission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_commission_fk" FOREIGN KEY ("commission_id") REFERENCES "commission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "score_sheet" ADD CONSTRAINT "score_sheet_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "commission_session" ADD CONSTRAINT "commission_session_commission_fk" FOREIGN KEY ("commission_id") REFERENCES "commission"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "session_decision" ADD CONSTRAINT "session_decision_session_fk" FOREIGN KEY ("session_id") REFERENCES "commission_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "session_decision" ADD CONSTRAINT "session_decision_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "session_vote" ADD CONSTRAINT "session_vote_session_fk" FOREIGN KEY ("session_id") REFERENCES "commission_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "commission_recommendation" ADD CONSTRAINT "commission_recommendation_application_fk" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "commission_recommendation" ADD CONSTRAINT "commission_recommendation_session_fk" FOREIGN KEY ("session_id") REFERENCES "commission_session"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "commission_recommendation" DROP CONSTRAINT "commission_recommendation_session_fk"`);
    await q.query(`ALTER TABLE "commission_recommendation" DROP CONSTRAINT "commission_recommendation_application_fk"`);
    await q.query(`ALTER TABLE "session_vote" DROP CONSTRAINT "session_vote_session_fk"`);
    await q.query(`ALTER TABLE "session_decision" DROP CONSTRAINT "session_decision_application_fk"`);
    await q.query(`ALTER TABLE "session_decision" DROP CONSTRAINT "session_decision_session_fk"`);
    await q.query(`ALTER TABLE "commission_session" DROP CONSTRAINT "commission_session_commission_fk"`);
    await q.query(`ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_application_fk"`);
    await q.query(`ALTER TABLE "score_sheet" DROP CONSTRAINT "score_sheet_commission_fk"`);
    await q.query(`ALTER TABLE "review_assignment" DROP CONSTRAINT "review_assignment_commission_fk"`);
    await q.query(`ALTER TABLE "review_assignment" DROP CONSTRAINT "review_assignment_application_fk"`);
    await q.query(`ALTER TABLE "coi_declaration" DROP CONSTRAINT "coi_declaration_organisation_fk"`);
    await q.query(`ALTER TABLE "coi_declaration" DROP CONSTRAINT "coi_declaration_commission_fk"`);
    await q.query(`ALTER TABLE "commission_member" DROP CONSTRAINT "commission_member_user_fk"`);
    await q.query(`ALTER TABLE "commission_member" DROP CONSTRAINT "commission_member_commission_fk"`);
    await q.query(`ALTER TABLE "commission" DROP CONSTRAINT "commission_secretary_fk"`);
    await q.query(`ALTER TABLE "commission" DROP CONSTRAINT "commission_chair_fk"`);
    await q.query(`ALTER TABLE "commission" DROP CONSTRAINT "commission_call_fk"`);
    await q.query(`DROP TABLE "commission_recommendation"`);
    await q.query(`DROP TABLE "session_vote"`);
    await q.query(`DROP TABLE "session_decision"`);
    await q.query(`DROP INDEX "public"."commission_session_number_key"`);
    await q.query(`DROP TABLE "commission_session"`);
    await q.query(`DROP INDEX "public"."score_sheet_reviewer_key"`);
    await q.query(`DROP INDEX "public"."score_sheet_commission_idx"`);
    await q.query(`DROP TABLE "score_sheet"`);
    await q.query(`DROP INDEX "public"."review_assignment_user_idx"`);
    await q.query(`DROP TABLE "review_assignment"`);
    await q.query(`DROP TABLE "coi_declaration"`);
    await q.query(`DROP TABLE "commission_member"`);
    await q.query(`DROP INDEX "public"."commission_call_key"`);
    await q.query(`DROP TABLE "commission"`);
  }
}
