import { AuditLogService, AuditWitness } from '#audit';
import { bearer, createTestApp, createUser, scratchDatabase, TestApp } from '#testing';

/**
 * A superuser of the database removes the newest audit entry, bypassing the trigger: the chain left
 * behind is consistent, but the checkpoint written outside the database still names the removed head.
 * On a database of its own, since it breaks the chain on purpose.
 */
describe('audit chain: the tail cannot be removed unnoticed', () => {
  const saved = { ...process.env };
  let db: Awaited<ReturnType<typeof scratchDatabase>>;
  let t: TestApp;

  beforeAll(async () => {
    db = await scratchDatabase('audit_tail');
    process.env.DATABASE_URL = db.url;
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
    process.env = saved;
    await db?.drop();
  });

  it('reports the newest entry deleted with the trigger bypassed, and keeps the evidence when the chain grows again', async () => {
    const auditor = await createUser(t, ['auditor']);
    await createUser(t, ['applicant']);
    const witness = t.app.get(AuditWitness);
    const audit = t.app.get(AuditLogService);
    await witness.settled();
    const before = await audit.verifyChain();
    expect(before).toMatchObject({ valid: true, firstBrokenLink: null });
    expect(before.checkpoint).toMatchObject({ seq: before.lastSeq });

    // The superuser's move: triggers off for the session, the newest row gone.
    await db.client.query('BEGIN');
    await db.client.query('SET LOCAL session_replication_role = replica');
    await db.client.query('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
    await db.client.query('COMMIT');

    const truncated = await audit.verifyChain();
    expect(truncated).toMatchObject({ valid: false, firstBrokenLink: { seq: before.lastSeq, reason: 'tail_missing', expected: before.checkpoint!.hash } });

    // The next audited action takes the removed entry's number with another hash: still reported, and
    // the checkpoint is not overwritten by the new head.
    await createUser(t, ['applicant']);
    await witness.settled();
    const reused = await t.http.get('/audit-log/verify').set(bearer(auditor)).expect(200);
    expect(reused.body).toMatchObject({ valid: false, firstBrokenLink: { seq: before.lastSeq, reason: 'checkpoint_mismatch', expected: before.checkpoint!.hash } });
    expect(reused.body.checkpoint).toEqual(before.checkpoint);
  });

  it('refuses a checkpoint not signed with the installation secret', async () => {
    const witness = t.app.get(AuditWitness);
    const checkpoint = (await witness.latest())!;
    expect(witness.authentic(checkpoint)).toBe(true);
    expect(witness.authentic({ ...checkpoint, seq: String(BigInt(checkpoint.seq) - 1n) })).toBe(false);
  });
});
