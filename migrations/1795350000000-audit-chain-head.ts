import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Taking the audit chain's lock and reading its head in one round trip. It has to be a function:
 * a single SQL statement would read the head with the snapshot taken before it waited for the lock
 * (missing the entry the previous holder just committed, forking the chain), whereas each statement
 * of a PL/pgSQL function takes a fresh snapshot under READ COMMITTED.
 */
export class AuditChainHead1795350000000 implements MigrationInterface {
  name = 'AuditChainHead1795350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_chain_lock_head(lock_key bigint) RETURNS TABLE (seq bigint, hash character(64))
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_key);
        RETURN QUERY SELECT a.seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
      END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION audit_chain_lock_head(bigint)');
  }
}
