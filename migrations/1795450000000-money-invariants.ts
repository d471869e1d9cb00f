import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money invariants (issue 12): a resolution records why it was adopted without the commission's closed
 * session; no payment is ordered, approved or paid on an agreement once its settlement is submitted
 * (settled + returned = paid holds for ever after); the movable clock of non-production systems.
 */
export class MoneyInvariants1795450000000 implements MigrationInterface {
  name = 'MoneyInvariants1795450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "resolution" ADD "without_commission_reason" text`);
    // The services refuse this first with a coded error; the trigger stands behind them for any other writer.
    await q.query(`CREATE FUNCTION payment_refuse_after_settlement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status <> 'cancelled' AND (TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status)
           AND EXISTS (SELECT 1 FROM settlement s WHERE s.agreement_id = NEW.agreement_id) THEN
          RAISE EXCEPTION 'payment on agreement % refused: its settlement is submitted', NEW.agreement_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER payment_refuse_after_settlement BEFORE INSERT OR UPDATE OF status ON payment FOR EACH ROW EXECUTE FUNCTION payment_refuse_after_settlement()`);
    await q.query(
      `CREATE TABLE "system_clock" ("id" smallint NOT NULL, "offset_ms" bigint NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "changed_by" uuid, CONSTRAINT "system_clock_single_row" CHECK (id = 1), CONSTRAINT "system_clock_pkey" PRIMARY KEY ("id"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "system_clock"`);
    await q.query(`DROP TRIGGER payment_refuse_after_settlement ON payment`);
    await q.query(`DROP FUNCTION payment_refuse_after_settlement()`);
    await q.query(`ALTER TABLE "resolution" DROP COLUMN "without_commission_reason"`);
  }
}
