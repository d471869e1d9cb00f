import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The decisions page reads, for each award decision, the outbox event that sent its letter (`award.decided`, the
 * decision's id in the payload) and through it the notifications and their delivery. A partial expression index
 * keeps that lookup from scanning the whole outbox as it grows.
 */
export class DecisionLetterLookup1795600000000 implements MigrationInterface {
  name = 'DecisionLetterLookup1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "outbox_event_award_decided_idx" ON "outbox_event" ((payload->>'decisionId')) WHERE type = 'award.decided'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "outbox_event_award_decided_idx"`);
  }
}
