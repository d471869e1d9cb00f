import { randomUUID } from 'node:crypto';
import { AuditLogService } from '#audit';
import { systemActor } from '#core';
import { UnauditedChangeError, UnitOfWork } from '#database';
import { OutboxEvent } from '#outbox';
import { bearer, createTestApp, createUser, TestApp } from '#testing';

describe('audit log and outbox', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const objectId = () => `test-${randomUUID()}`;
  const entriesFor = (id: string) => t.dataSource.query<{ seq: string }[]>('SELECT * FROM audit_log WHERE object_id = $1 ORDER BY seq', [id]);

  it('writes the change, its audit entry and its outbox message together, or none of them', async () => {
    const uow = t.app.get(UnitOfWork);
    const id = objectId();
    await expect(
      uow.run(systemActor('test'), async (tx) => {
        tx.audit({ action: 'test.changed', objectType: 'test', objectId: id });
        tx.emit({ type: 'test.happened', aggregateType: 'test', aggregateId: id });
        await tx.manager.query(`SELECT 1/0`); // the work fails half-way
      }),
    ).rejects.toThrow();
    expect(await entriesFor(id)).toHaveLength(0);
    expect(await t.dataSource.getRepository(OutboxEvent).countBy({ aggregateId: id })).toBe(0);

    await uow.run(systemActor('test'), (tx) => {
      tx.audit({ action: 'test.changed', objectType: 'test', objectId: id, before: { a: 1 }, after: { a: 2 } });
      tx.emit({ type: 'test.happened', aggregateType: 'test', aggregateId: id, payload: { n: 1 } });
    });
    expect(await entriesFor(id)).toHaveLength(1);
    expect(await t.dataSource.getRepository(OutboxEvent).countBy({ aggregateId: id })).toBe(1);
  });

  it('refuses a unit of work that changes state without auditing it', async () => {
    const uow = t.app.get(UnitOfWork);
    const id = objectId();
    await expect(uow.run(systemActor('test'), (tx) => tx.emit({ type: 'x', aggregateType: 'test', aggregateId: id }))).rejects.toBeInstanceOf(UnauditedChangeError);
    expect(await t.dataSource.getRepository(OutboxEvent).countBy({ aggregateId: id })).toBe(0);
  });

  it('keeps one gap-free chain under concurrent writers', async () => {
    const uow = t.app.get(UnitOfWork);
    const id = objectId();
    await Promise.all(Array.from({ length: 40 }, (_, i) => uow.run(systemActor(`c${i}`), (tx) => tx.audit({ action: 'test.concurrent', objectType: 'test', objectId: id }))));
    expect(await entriesFor(id)).toHaveLength(40);
    const verification = await t.app.get(AuditLogService).verifyChain();
    expect(verification).toMatchObject({ valid: true, firstBrokenLink: null });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const uow = t.app.get(UnitOfWork);
    const id = objectId();
    await uow.run(systemActor('test'), (tx) => tx.audit({ action: 'test.protected', objectType: 'test', objectId: id }));
    await expect(t.dataSource.query(`UPDATE audit_log SET action = 'forged' WHERE object_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`DELETE FROM audit_log WHERE object_id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });

  it('lets auditors search the log and verify the chain over HTTP, and refuses others', async () => {
    const auditor = await createUser(t, ['auditor']);
    const applicant = await createUser(t, ['applicant']);
    const created = await t.http.post('/organisations').set(bearer(applicant)).send({
      type: 'ngo',
      legalForm: 'spolek',
      name: 'Spolek pro audit',
      ico: '27900053',
      seatStreet: 'Ulice 1',
      seatCity: 'Praha',
      seatPostalCode: '11000',
    });
    expect(created.status).toBe(201);
    const page = await t.http.get(`/audit-log?objectType=organisation&objectId=${created.body.id}`).set(bearer(auditor)).expect(200);
    expect(page.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['organisation.created', 'organisation.member_added']);
    expect(page.body.items[0]).toMatchObject({ actorUserId: applicant.id, actorRoles: ['applicant'] });
    const verify = await t.http.get('/audit-log/verify').set(bearer(auditor)).expect(200);
    expect(verify.body.valid).toBe(true);
    await t.http.get('/audit-log/verify').set(bearer(applicant)).expect(403);
  });

  // Breaks the chain on purpose and mends it again.
  it('detects a tampered entry and names the first broken link', async () => {
    const uow = t.app.get(UnitOfWork);
    const id = objectId();
    await uow.run(systemActor('test'), (tx) => {
      tx.audit({ action: 'payment.approved', objectType: 'test', objectId: id, after: { amount: '100000.00' } });
      tx.audit({ action: 'payment.sent', objectType: 'test', objectId: id });
    });
    const [first] = await entriesFor(id);
    // Someone with superuser rights switches the triggers off and edits history.
    await t.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(`UPDATE audit_log SET after = '{"amount":"900000.00"}' WHERE seq = $1`, [first.seq]);
    });
    try {
      const verification = await t.app.get(AuditLogService).verifyChain();
      expect(verification.valid).toBe(false);
      expect(verification.firstBrokenLink).toMatchObject({ seq: first.seq, reason: 'hash_mismatch' });
    } finally {
      // Put history back, so other test files that verify the chain in this run are not affected.
      await t.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL session_replication_role = replica`);
        await manager.query(`UPDATE audit_log SET after = '{"amount":"100000.00"}' WHERE seq = $1`, [first.seq]);
      });
    }
    expect((await t.app.get(AuditLogService).verifyChain()).valid).toBe(true);
  });
});
