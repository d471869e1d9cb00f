import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several browser tabs refresh at once with the same token: the server accepts a just-rotated token again
 * for a short window and returns the same new pair, so it must know when the rotation happened (domain
 * clock, for the window) and when the new access token was issued (wall clock, to sign it identically).
 */
export class SessionRotationWindow1795490000000 implements MigrationInterface {
  name = 'SessionRotationWindow1795490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_session" ADD "rotated_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "user_session" ADD "rotated_token_issued_at" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "rotated_token_issued_at"`);
    await q.query(`ALTER TABLE "user_session" DROP COLUMN "rotated_at"`);
  }
}
