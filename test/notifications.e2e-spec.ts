import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { loadConfig } from '#config';
import { addDays, Clock, pragueInstant, pragueIsoDate } from '#core';
import { NotificationScheduler } from '#notifications';
import { OutboxEvent, OutboxRelay } from '#outbox';
import { QueueFactory, QUEUES } from '#queue';
import {
  applicantWithOrganisation,
  bearer,
  burstOfEvents,
  createTestActivities,
  createTestApp,
  createUser,
  openCall,
  readyApplication,
  SmtpRecorder,
  TEST_PASSWORD,
  TestApp,
  TestUser,
  waitFor,
} from '#testing';
import { WorkerModule } from '../apps/worker/src/worker.module.js';

const DAY = 24 * 60 * 60 * 1000;
const WORKER_SCRIPT = path.resolve('dist/apps/worker/src/main.js');

/**
 * The whole path of a notification: API commit → outbox → relay → queue → worker → a real SMTP
 * server, with the failures that happen in production: refused recipients, a flaky server, a
 * worker killed mid-batch, a worker stopped with SIGTERM, the relay running twice.
 * One file, because one set of workers may relay the shared outbox at a time.
 */
describe('notifications: outbox → queue → worker → SMTP', () => {
  const smtp = new SmtpRecorder();
  const savedEnv = { ...process.env };
  let t: TestApp;
  let worker: INestApplicationContext | null;
  let activities: string[];
  // Access tokens expire as the clock moves on, so each step signs a staff member in afresh.
  const staffNow = () => createUser(t, ['staff']);

  beforeAll(async () => {
    await smtp.start();
    Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50', MAIL_ATTEMPTS: '3', MAIL_RATE_PER_SECOND: '2000', NOTIFY_DIGEST_HOUR: '7' });
    t = await createTestApp();
    worker = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(Clock)
      .useValue(t.clock)
      .compile()
      .then((m) => m.createNestApplication({ logger: false }).init());
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
    process.env = savedEnv;
    await smtp.close();
  });

  /** Calls in this file lie ever later, so the shared clock only moves forward. */
  let nextCallAt = Date.now() + 40 * DAY;
  async function freshCall(lengthDays = 20) {
    const opensAt = new Date(nextCallAt);
    nextCallAt += (lengthDays + 40) * DAY;
    t.clock.set(new Date(opensAt.getTime() - 31 * DAY)); // where openCall creates the call
    return openCall(t, await staffNow(), activities, opensAt, new Date(opensAt.getTime() + lengthDays * DAY));
  }

  async function signIn(user: TestUser): Promise<TestUser> {
    const login = await t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
    return { ...user, token: login.body.accessToken };
  }

  async function notificationsOf(userId: string) {
    return await t.dataSource.query<
      {
        id: string;
        kind: string;
        params: Record<string, unknown>;
        email_status: string;
        email_attempts: number;
        email_dead_reason: string | null;
        source_event_id: string | null;
        read_at: Date | null;
      }[]
    >('SELECT id, kind, params, email_status, email_attempts, email_dead_reason, source_event_id, read_at FROM notification WHERE user_id = $1 ORDER BY created_at', [userId]);
  }

  /** Until nothing waits in either queue: a duplicate, if one were coming, has then arrived. */
  async function queuesDrained() {
    const queues = t.app.get(QueueFactory);
    await waitFor(
      async () => {
        const counts = await Promise.all([QUEUES.outbox, QUEUES.mail].map((name) => queues.queue(name).getJobCounts('waiting', 'active', 'delayed', 'prioritized')));
        return counts.every((c) => Object.values(c).every((n) => n === 0)) ? true : undefined;
      },
      30_000,
      'the queues to drain',
    );
  }

  async function statusOf(userId: string, kind: string, status: string) {
    return waitFor(async () => (await notificationsOf(userId)).find((n) => n.kind === kind && n.email_status === status), 15_000, `${kind} ${status}`);
  }

  describe('messages', () => {
    it('sends the password-reset mail once, with a link that works', async () => {
      const user = await createUser(t, ['applicant']);
      await t.http.post('/auth/password-reset').set('X-Forwarded-For', randomUUID()).send({ email: user.email }).expect(202);

      const mail = await waitFor(() => smtp.to(user.email).find((m) => m.subject.includes('Obnovení hesla')));
      const token = decodeURIComponent(/token=([^\s"<]+)/.exec(mail.text)![1]);
      const event = await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ type: 'account.password_reset_requested', aggregateId: user.id });
      expect(mail.eventId).toBe(event.id);
      // The link is derived when sending; the stored notification keeps only the reset's id.
      const [stored] = await t.dataSource.query<{ params: object }[]>(`SELECT params FROM notification WHERE user_id = $1 AND kind = 'password_reset'`, [user.id]);
      expect(JSON.stringify(stored.params)).not.toContain(token);

      expect(await worker!.get(OutboxRelay).drain()).toBe(0);
      await queuesDrained();
      expect(smtp.to(user.email).filter((m) => m.subject.includes('Obnovení hesla'))).toHaveLength(1);

      await t.http.post('/auth/password-reset/confirm').set('X-Forwarded-For', randomUUID()).send({ token, newPassword: 'Heslo-z-e-mailu-2026' }).expect(204);
      await t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email: user.email, password: 'Heslo-z-e-mailu-2026' }).expect(200);
    });

    it('welcomes a new user by e-mail, and keeps account mail out of the in-app list', async () => {
      const user = await createUser(t, ['applicant']);
      const mail = await waitFor(() => smtp.to(user.email).find((m) => m.subject.startsWith('Založení uživatelského účtu')));
      expect(mail.text).toContain(user.email);
      const inbox = await t.http.get('/me/notifications').set(bearer(user)).expect(200);
      expect(inbox.body.items.map((i: { kind: string }) => i.kind)).not.toContain('account_welcome');
    });

    it('sends the submission receipt to each member, in Czech, with the PDF attached, and lists it in the portal', async () => {
      const call = await freshCall();
      const applicant = await applicantWithOrganisation(t);
      const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
      await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);

      const mail = await waitFor(() => smtp.to(applicant.user.email).find((m) => m.attachments.length > 0));
      const event = await t.dataSource.getRepository(OutboxEvent).findOneByOrFail({ type: 'application.submitted', aggregateId: app.id });
      expect(mail.eventId).toBe(event.id);
      expect(mail.subject).toContain(app.number);
      expect(mail.subject).toContain('Dotační portál hl. m. Prahy');
      expect(mail.text).toContain('Dobrý den');
      expect(mail.text).toContain('170\u00a0000,00\u00a0Kč');
      expect(mail.html).toContain('<html');
      const [pdf] = mail.attachments;
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.filename).toMatch(/^potvrzeni-.*-1\.pdf$/);
      expect(pdf.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const inbox = await t.http.get('/me/notifications').set(bearer(applicant.user)).expect(200);
      const item = inbox.body.items.find((i: { kind: string }) => i.kind === 'submission_receipt');
      expect(item).toMatchObject({ category: 'application', mandatory: true, readAt: null });
      expect(item.title).toContain(app.number);
      expect(item.link).toContain(`/zadosti/${app.id}`);
      expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    });

    it('writes to an English-speaking member in English', async () => {
      const call = await freshCall();
      const applicant = await applicantWithOrganisation(t);
      await t.dataSource.query(`UPDATE app_user SET language = 'en' WHERE id = $1`, [applicant.user.id]);
      const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
      await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);

      const mail = await waitFor(() => smtp.to(applicant.user.email).find((m) => m.attachments.length > 0));
      expect(mail.subject).toContain('City of Prague grant portal');
      expect(mail.text).toContain('Hello');
      expect(mail.text).toContain('CZK 170,000.00');
      expect(mail.text).not.toContain('Dobrý den');
    });

    it('tells the applicant about a remedy request and its deadline, and about the formal check result', async () => {
      const call = await freshCall();
      const applicant = await applicantWithOrganisation(t);
      const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
      await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);
      t.clock.set(new Date(new Date(call.closesAt).getTime() + DAY));
      const deadline = new Date(t.clock.now().getTime() + 10 * DAY);
      const requested = await t.http
        .post(`/applications/${app.id}/remedy-requests`)
        .set(bearer(await staffNow()))
        .send({ items: [{ section: 'budgetLines', message: 'Doplňte rozpis osobních nákladů.' }], deadlineAt: deadline.toISOString() });
      expect(requested.status).toBeLessThan(300);
      const remedy = await waitFor(() => smtp.to(applicant.user.email).find((m) => m.text.includes('Doplňte rozpis osobních nákladů.')));
      expect(remedy.subject).toContain(app.number);
      await statusOf(applicant.user.id, 'remedy_requested', 'sent');
    });
  });

  describe('preferences and digests', () => {
    it('refuses to mute a mandatory notice, naming the field, and a stale version', async () => {
      const user = await createUser(t, ['applicant']);
      const refused = await t.http
        .put('/me/notification-preferences')
        .set(bearer(user))
        .send({ delivery: 'immediate', mutedKinds: ['submission_receipt'], version: 0 })
        .expect(422);
      expect(refused.body.code).toBe('NOTIFICATION_MANDATORY');
      expect(refused.body.errors[0].field).toBe('mutedKinds');
      const unknown = await t.http
        .put('/me/notification-preferences')
        .set(bearer(user))
        .send({ delivery: 'immediate', mutedKinds: ['no_such_kind'], version: 0 })
        .expect(422);
      expect(unknown.body.code).toBe('NOTIFICATION_KIND_UNKNOWN');
      await t.http
        .put('/me/notification-preferences')
        .set(bearer(user))
        .send({ delivery: 'immediate', mutedKinds: ['call_published'], version: 0 })
        .expect(200);
      const stale = await t.http.put('/me/notification-preferences').set(bearer(user)).send({ delivery: 'daily_digest', mutedKinds: [], version: 0 }).expect(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      const view = await t.http.get('/me/notification-preferences').set(bearer(user)).expect(200);
      expect(view.body).toMatchObject({ delivery: 'immediate', version: 1 });
      expect(view.body.kinds.find((k: { kind: string }) => k.kind === 'call_published')).toMatchObject({ muted: true, mandatory: false });
    });

    it('does not e-mail a muted kind but still lists it; sends digest users one digest a day, grouped', async () => {
      const muted = await createUser(t, ['applicant']);
      const digest = await createUser(t, ['applicant']);
      const immediate = await createUser(t, ['applicant']);
      await t.http
        .put('/me/notification-preferences')
        .set(bearer(muted))
        .send({ delivery: 'immediate', mutedKinds: ['call_published', 'call_opened'], version: 0 })
        .expect(200);
      await t.http.put('/me/notification-preferences').set(bearer(digest)).send({ delivery: 'daily_digest', mutedKinds: [], version: 0 }).expect(200);

      const call = await freshCall(); // published, then opened by the clock when read
      const signedIn = await signIn(muted);
      await waitFor(() => smtp.to(immediate.email).find((m) => m.text.includes(call.code)));
      const mutedRow = await statusOf(muted.id, 'call_published', 'suppressed');
      expect(mutedRow.email_attempts).toBe(0);
      await statusOf(digest.id, 'call_published', 'digest_pending');
      const listed = await t.http.get('/me/notifications').set(bearer(signedIn)).expect(200);
      expect(listed.body.items.some((i: { kind: string }) => i.kind === 'call_published')).toBe(true);
      expect(smtp.to(muted.email).filter((m) => m.text.includes(call.code))).toHaveLength(0);
      expect(smtp.to(digest.email).filter((m) => m.text.includes(call.code))).toHaveLength(0);

      // The next morning after the digest hour, one digest carries everything that waited.
      // An hour after the digest hour of the next day in Prague, whatever the time of day the test runs at.
      const digestHour = `${String(loadConfig().notifications.digestHour + 1).padStart(2, '0')}:00:00`;
      t.clock.set(pragueInstant(addDays(pragueIsoDate(t.clock.now()), 1), digestHour));
      const scheduler = worker!.get(NotificationScheduler);
      await scheduler.sendDigests();
      await scheduler.sendDigests();
      // Behind the call's broadcast to every applicant of the run in the mail queue: slow on a loaded machine.
      const digestMail = await waitFor(() => smtp.to(digest.email).find((m) => m.text.includes(call.code)), 60_000, 'the digest');
      expect(digestMail.text).toContain('Výzvy');
      await queuesDrained();
      expect(smtp.to(digest.email).filter((m) => m.text.includes(call.code))).toHaveLength(1);
      const rows = await notificationsOf(digest.id);
      expect(rows.filter((r) => r.kind === 'call_published')[0].email_status).toBe('digested');
      expect(rows.filter((r) => r.kind === 'daily_digest')).toHaveLength(1);
    }, 120_000);
  });

  describe('reminders', () => {
    it('reminds of an unsubmitted draft and the closing call at the configured offsets, each once', async () => {
      const call = await freshCall(20);
      const applicant = await applicantWithOrganisation(t);
      const draft = await t.http.post('/applications').set(bearer(applicant.user)).send({ callId: call.id, organisationId: applicant.organisationId }).expect(201);
      const closesAt = new Date(call.closesAt).getTime();
      const scheduler = worker!.get(NotificationScheduler);

      // Other test files' open calls may remind this applicant too: count only this call's reminders.
      const ours = async (kind: string, status?: string) =>
        (await notificationsOf(applicant.user.id)).filter(
          (n) => n.kind === kind && (n.params.callId === call.id || n.params.applicationId === draft.body.id) && (!status || n.email_status === status),
        );

      t.clock.set(new Date(closesAt - 10 * DAY)); // before every offset
      await scheduler.sendReminders();
      expect(await ours('call_closing_soon')).toHaveLength(0);
      t.clock.set(new Date(closesAt - 5 * DAY)); // 7-day offset of the call passed
      await scheduler.sendReminders();
      await scheduler.sendReminders();
      await waitFor(async () => ((await ours('call_closing_soon', 'sent')).length === 1 ? true : undefined), 15_000, 'the 7-day reminder');
      expect(await ours('draft_reminder')).toHaveLength(0);
      t.clock.set(new Date(closesAt - 2 * DAY)); // 3-day draft offset passed
      await scheduler.sendReminders();
      const [draftRow] = await waitFor(
        async () => {
          const rows = await ours('draft_reminder', 'sent');
          return rows.length === 1 ? rows : undefined;
        },
        15_000,
        'the draft reminder',
      );
      const draftMail = await waitFor(() => smtp.received.find((m) => m.notificationId === draftRow.id));
      expect(draftMail.text).toContain(draft.body.number);
      t.clock.set(new Date(closesAt - DAY / 2)); // 1-day offset of the call
      await scheduler.sendReminders();
      await scheduler.sendReminders();
      await waitFor(async () => ((await ours('call_closing_soon', 'sent')).length === 2 ? true : undefined), 15_000, 'the 1-day reminder');
      t.clock.set(new Date(closesAt + DAY)); // past the deadline nothing is due
      await scheduler.sendReminders();
      await queuesDrained();
      expect(await ours('call_closing_soon')).toHaveLength(2);
      expect(await ours('draft_reminder')).toHaveLength(1);
      const ids = new Set([...(await ours('call_closing_soon')), ...(await ours('draft_reminder'))].map((r) => r.id));
      expect(smtp.received.filter((m) => m.notificationId && ids.has(m.notificationId))).toHaveLength(3);
    });
  });

  describe('failures', () => {
    it('retries a transient refusal with backoff and delivers once', async () => {
      // No role, so no broadcast (a call published by another test file, a staff reminder) can use up a
      // scripted refusal; the welcome mail goes to the same address, so it must arrive first.
      const user = await createUser(t, [], 'flaky');
      await statusOf(user.id, 'account_welcome', 'sent');
      smtp.transientFailures.set(user.email, 2);
      await t.http.post('/auth/password-reset').set('X-Forwarded-For', randomUUID()).send({ email: user.email }).expect(202);
      const row = await statusOf(user.id, 'password_reset', 'sent');
      expect(row.email_attempts).toBe(3);
      expect(smtp.to(user.email).filter((m) => m.subject.includes('Obnovení hesla'))).toHaveLength(1);
    });

    it('does not retry a refused address; staff see it in the dead-letter list and re-queue it (audited)', async () => {
      // No role, so no broadcast (a call published by another test file, a staff reminder) can use up a
      // scripted refusal; the welcome mail goes to the same address, so it must arrive first.
      const user = await createUser(t, [], 'bounce');
      await statusOf(user.id, 'account_welcome', 'sent');
      smtp.rejectPermanently.add(user.email);
      await t.http.post('/auth/password-reset').set('X-Forwarded-For', randomUUID()).send({ email: user.email }).expect(202);
      const dead = await statusOf(user.id, 'password_reset', 'dead');
      expect(dead).toMatchObject({ email_attempts: 1, email_dead_reason: 'permanent' });

      const staff = await staffNow();
      const list = await t.http.get('/admin/dead-letters?reason=permanent&pageSize=200').set(bearer(staff)).expect(200);
      const letter = list.body.items.find((l: { id: string }) => l.id === dead.id);
      expect(letter).toMatchObject({ recipient: user.email, reason: 'permanent', kind: 'password_reset' });
      expect(letter.lastError).toContain('550');

      await t.http.post(`/admin/dead-letters/${dead.id}/requeue`).set(bearer(user)).expect(403);
      smtp.rejectPermanently.delete(user.email);
      await t.http.post(`/admin/dead-letters/${dead.id}/requeue`).set(bearer(staff)).expect(201);
      const again = await t.http.post(`/admin/dead-letters/${dead.id}/requeue`).set(bearer(staff)).expect(409);
      expect(again.body.code).toBe('NOTIFICATION_NOT_DEAD');
      await statusOf(user.id, 'password_reset', 'sent');
      expect(smtp.to(user.email).filter((m) => m.subject.includes('Obnovení hesla'))).toHaveLength(1);
      const [entry] = await t.dataSource.query<{ actor_user_id: string }[]>(`SELECT actor_user_id FROM audit_log WHERE action = 'notification.requeued' AND object_id = $1`, [
        dead.id,
      ]);
      expect(entry.actor_user_id).toBe(staff.id);
    });

    it('gives up after the last attempt and lists the message as a dead letter', async () => {
      // No role, so no broadcast (a call published by another test file, a staff reminder) can use up a
      // scripted refusal; the welcome mail goes to the same address, so it must arrive first.
      const user = await createUser(t, [], 'down');
      await statusOf(user.id, 'account_welcome', 'sent');
      smtp.transientFailures.set(user.email, 100);
      await t.http.post('/auth/password-reset').set('X-Forwarded-For', randomUUID()).send({ email: user.email }).expect(202);
      const dead = await statusOf(user.id, 'password_reset', 'dead');
      expect(dead).toMatchObject({ email_attempts: 3, email_dead_reason: 'attempts_exhausted' });
      smtp.transientFailures.delete(user.email);
    });

    it('shows administrators the queues, failed jobs and dead letters; applicants may not look', async () => {
      const health = await t.http
        .get('/admin/queues')
        .set(bearer(await staffNow()))
        .expect(200);
      expect(health.body.queues.map((q: { name: string }) => q.name)).toEqual(['outbox', 'mail']);
      expect(health.body.queues[1].counts).toEqual(expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }));
      expect(health.body.deadLetters.permanent).toBeGreaterThanOrEqual(0);
      expect(health.body.deadLetters.attempts_exhausted).toBeGreaterThanOrEqual(1);
      const applicant = await createUser(t, ['applicant']);
      await t.http.get('/admin/queues').set(bearer(applicant)).expect(403);
      await t.http.get('/admin/dead-letters').set(bearer(applicant)).expect(403);
    });

    it('marks a user’s own notifications read, and nobody else’s', async () => {
      const call = await freshCall();
      const applicant = await applicantWithOrganisation(t);
      const other = await createUser(t, ['applicant']);
      const app = await readyApplication(t, applicant.user, applicant.organisationId, call);
      await t.http.post(`/applications/${app.id}/submit`).set(bearer(applicant.user)).expect(201);
      const row = await statusOf(applicant.user.id, 'submission_receipt', 'sent');

      await t.http.post(`/me/notifications/${row.id}/read`).set(bearer(other)).expect(404);
      await t.http.post(`/me/notifications/${row.id}/read`).set(bearer(applicant.user)).expect(204);
      const unreadOnly = await t.http.get('/me/notifications?unread=true').set(bearer(applicant.user)).expect(200);
      expect(unreadOnly.body.items.map((i: { id: string }) => i.id)).not.toContain(row.id);
      await t.http.post(`/me/notifications/${row.id}/unread`).set(bearer(applicant.user)).expect(204);
      const all = await t.http.post('/me/notifications/read-all').set(bearer(applicant.user)).expect(201);
      expect(all.body.marked).toBeGreaterThanOrEqual(1);
      expect((await t.http.get('/me/notifications').set(bearer(applicant.user)).expect(200)).body.unread).toBe(0);
    });
  });

  describe('separate worker processes', () => {
    const children: ChildProcess[] = [];
    function startWorker(): ChildProcess {
      const child = spawn(process.execPath, [WORKER_SCRIPT], {
        env: {
          ...process.env,
          SMTP_URL: smtp.url,
          QUEUE_LOCK_MS: '1000',
          MAIL_SEND_TIMEOUT_MS: '1000',
          MAIL_CONCURRENCY: '8',
          LIFECYCLE_TICK_MS: '0',
          OUTBOX_POLL_MS: '200',
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    }
    const exited = (child: ChildProcess) =>
      new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

    const burst = (n: number, label: string) => burstOfEvents((sql, params) => t.dataSource.query(sql, params), n, label);

    async function statuses(events: string[]) {
      return await t.dataSource.query<
        {
          id: string;
          source_event_id: string;
          email_status: string;
          email_dead_reason: string | null;
        }[]
      >(`SELECT id, source_event_id, email_status, email_dead_reason FROM notification WHERE source_event_id = ANY($1::uuid[])`, [events]);
    }

    const receivedPer = (events: string[]) => smtp.perEvent(events);

    beforeAll(async () => {
      // From here on only the spawned processes relay and send.
      await worker?.close();
      worker = null;
    });

    afterAll(() => {
      for (const child of children) if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
    });

    it('sends exactly one e-mail per event and recipient when a worker is killed mid-batch', async () => {
      smtp.delayMs = 10;
      const { events } = await burst(200, 'kill');
      const first = startWorker();
      await waitFor(() => (receivedPer(events).size >= 50 ? true : undefined), 30_000, 'first worker to send 50');
      first.kill('SIGKILL');
      await exited(first);

      startWorker();
      const final = await waitFor(
        async () => {
          const rows = await statuses(events);
          return rows.length === events.length && rows.every((r) => r.email_status === 'sent' || r.email_status === 'dead') ? rows : undefined;
        },
        60_000,
        'every message to reach a final state',
      );

      const counts = receivedPer(events);
      expect(Math.max(...counts.values())).toBe(1); // never twice
      const unknown = final.filter((r) => r.email_status === 'dead');
      // Only messages the killed worker held mid-conversation can end "outcome unknown", never silently.
      expect(unknown.every((r) => r.email_dead_reason === 'outcome_unknown')).toBe(true);
      expect(unknown.length).toBeLessThanOrEqual(8);
      for (const row of final.filter((r) => r.email_status === 'sent')) expect(counts.get(row.source_event_id)).toBe(1);
      expect(final.filter((r) => r.email_status === 'sent').length + unknown.length).toBe(200);

      // Redis lost its jobs and the relay runs again over the same events, even with the processed
      // markers gone: the notifications' dedupe keys still send nothing more.
      await t.app.get(QueueFactory).queue(QUEUES.outbox).clean(0, 100_000, 'completed');
      await t.dataSource.query('UPDATE outbox_event SET relayed_at = NULL, processed_at = NULL WHERE id = ANY($1::uuid[])', [events]);
      await t.dataSource.query(`SELECT pg_notify('outbox_event_added', '')`);
      await waitFor(
        async () => {
          const [row] = await t.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM outbox_event WHERE id = ANY($1::uuid[]) AND processed_at IS NOT NULL', [events]);
          return Number(row.n) === events.length ? true : undefined;
        },
        30_000,
        'the events to be processed again',
      );
      expect(Math.max(...receivedPer(events).values())).toBe(1);
      expect(await statuses(events)).toHaveLength(200);
    }, 120_000);

    it('on SIGTERM finishes the mail in hand, returns the rest, and exits cleanly', async () => {
      const previous = children.at(-1)!;
      previous.kill('SIGTERM');
      expect(await exited(previous)).toBe(0);

      smtp.delayMs = 100;
      const { events } = await burst(60, 'term');
      const worker1 = startWorker();
      await waitFor(() => (receivedPer(events).size >= 5 ? true : undefined), 30_000, 'some mail to go out');
      worker1.kill('SIGTERM');
      expect(await exited(worker1)).toBe(0);

      const after = await statuses(events);
      expect(after.filter((r) => r.email_status === 'sending')).toHaveLength(0);
      expect(after.filter((r) => r.email_status === 'dead')).toHaveLength(0);
      const sentBefore = after.filter((r) => r.email_status === 'sent').length;
      expect(sentBefore).toBe(receivedPer(events).size);

      smtp.delayMs = 0;
      const worker2 = startWorker();
      await waitFor(async () => ((await statuses(events)).filter((r) => r.email_status === 'sent').length === 60 ? true : undefined), 30_000, 'the rest to be sent');
      expect(receivedPer(events).size).toBe(60);
      expect(Math.max(...receivedPer(events).values())).toBe(1);
      worker2.kill('SIGTERM');
      expect(await exited(worker2)).toBe(0);
    }, 120_000);
  });
});
