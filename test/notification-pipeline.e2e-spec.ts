import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SMTPServer } from 'smtp-server';
import { OutboxEvent, OutboxRelay } from '#outbox';
import { applicantWithOrganisation, bearer, createTestActivities, createTestApp, createUser, openCall, readyApplication, TestApp } from '#testing';
import { WorkerModule } from '../apps/worker/src/worker.module.js';

/** The whole path of a side effect: API commit → outbox → relay → queue → worker → a real SMTP server. */
describe('outbox → queue → worker → SMTP', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let smtp: SMTPServer;
  const received: { to: string; body: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    t = await createTestApp();
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile().then((m) => m.createNestApplication({ logger: false }).init());
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('delivers the password-reset mail with a working link, once', async () => {
    const user = await createUser(t, ['applicant']);
    await t.http.post('/auth/password-reset').set('X-Forwarded-For', randomUUID()).send({ email: user.email }).expect(202);

    const mail = await waitFor(() => received.find((m) => m.to === user.email && m.body.includes('Obnoven')));
    expect(mail.body).toContain('Subject: =?UTF-8?');
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail.body.replace(/=\r?\n/g, '').replace(/=3D/g, '='))![1]);

    const event = await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ type: 'account.password_reset_requested', aggregateId: user.id });
    expect(event.relayedAt).not.toBeNull();
    // Relaying again finds nothing to do; nothing is sent twice.
    expect(await worker.get(OutboxRelay).drain()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((m) => m.to === user.email && m.body.includes('Obnoven'))).toHaveLength(1);

    await t.http.post('/auth/password-reset/confirm').set('X-Forwarded-For', randomUUID()).send({ token, newPassword: 'Heslo-z-e-mailu-2026' }).expect(204);
    await t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email: user.email, password: 'Heslo-z-e-mailu-2026' }).expect(200);
  });

  it('renders the PDF receipt of a submission in the worker, after commit', async () => {
    const staff = await createUser(t, ['staff']);
    const applicant = await applicantWithOrganisation(t);
    const call = await openCall(t, staff, await createTestActivities(t), new Date('2022-11-14T00:00:00+01:00'), new Date('2022-11-25T00:00:00+01:00'));
    const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
    await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);
    const key = await waitFor(async () => {
      const [row] = (await t.dataSource.query('SELECT receipt_storage_key FROM application_version WHERE application_id = $1', [app.id])) as { receipt_storage_key: string | null }[];
      return row?.receipt_storage_key ?? undefined;
    });
    expect(key).toBe(`receipts/${app.id}/1.pdf`);
  });
});
