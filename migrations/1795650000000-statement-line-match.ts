import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auditor's dossier shows, beside each payment, return and levy, the bank statement line that
 * confirmed or paid it: the lines are looked up by what they matched, so that lookup gets an index
 * (only matched and resolved lines carry a match).
 */
export class StatementLineMatch1795650000000 implements MigrationInterface {
  name = 'StatementLineMatch1795650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "bank_statement_line_match_idx" ON "bank_statement_line" ("match_id") WHERE match_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "public"."bank_statement_line_match_idx"`);
  }
}
