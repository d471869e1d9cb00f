import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  notificationId: string | null;
  eventId: string | null;
  messageId: string | null;
  attachments: ParsedMail['attachments'];
  receivedAt: number;
}

/**
 * A real SMTP server for tests that records what it accepted, and can refuse on command: a
 * permanent 550 for some recipients, a transient 451 for the next N messages to others, or a slow
 * DATA phase (to catch a worker mid-conversation).
 */
export class SmtpRecorder {
  readonly received: ReceivedMail[] = [];
  readonly rejectPermanently = new Set<string>();
  readonly transientFailures = new Map<string, number>();
  delayMs = 0;
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const to = address.address.toLowerCase();
        if (this.rejectPermanently.has(to)) return callback(Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 }));
        const transient = this.transientFailures.get(to) ?? 0;
        if (transient > 0) {
          this.transientFailures.set(to, transient - 1);
          return callback(Object.assign(new Error('4.2.0 try again later'), { responseCode: 451 }));
        }
        callback();
      },
      onData: (stream, session, callback) => {
        simpleParser(stream).then(async (mail) => {
          if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
          this.received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            notificationId: (mail.headers.get('x-grants-notification') as string | undefined) ?? null,
            eventId: (mail.headers.get('x-grants-event') as string | undefined) ?? null,
            messageId: mail.messageId ?? null,
            attachments: mail.attachments,
            receivedAt: Date.now(),
          });
          callback();
        }, callback);
      },
    });
    // A client killed mid-conversation resets its connection: expected here, not a failure of the test.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as { port: number }).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** How many messages arrived for each of these outbox events (X-Grants-Event). */
  perEvent(events: readonly string[]): Map<string, number> {
    const wanted = new Set(events);
    const counts = new Map<string, number>();
    for (const m of this.received) if (m.eventId && wanted.has(m.eventId)) counts.set(m.eventId, (counts.get(m.eventId) ?? 0) + 1);
    return counts;
  }

  to(email: string): ReceivedMail[] {
    return this.received.filter((m) => m.to === email.toLowerCase());
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
