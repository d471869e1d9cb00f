import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Becomes the Message-ID, so a re-sent mail can be recognised as the same message by the receiving side. */
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/**
 * Whether retrying can help. The SMTP reply decides when there is one (RFC 5321: 4xx transient,
 * 5xx permanent), except a refused login: that is our configuration, fixed by an operator, then
 * retried. Without a reply, an address nodemailer cannot use, or a message it cannot build, will not
 * improve; a network failure will.
 */
export function isPermanentMailFailure(error: unknown): boolean {
  const e = error as { code?: string; responseCode?: number };
  if (typeof e.responseCode === 'number') return e.responseCode >= 500 && e.responseCode < 600 && e.code !== 'EAUTH';
  return e.code === 'EENVELOPE' || e.code === 'EMESSAGE';
}

/**
 * Sends mail over pooled SMTP connections. The provider's rate (MAIL_RATE_PER_SECOND) is kept by the
 * mail queue's limiter, shared by every worker, not here per process. Without SMTP_URL
 * (a process run by hand, not by `npm start`) each message is written to the log instead.
 */
@Injectable()
export class MailSender implements OnApplicationShutdown {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const mail = config.mail;
    this.transport = mail.smtpUrl
      ? nodemailer.createTransport({
          url: mail.smtpUrl,
          pool: true,
          maxConnections: mail.maxConnections,
          connectionTimeout: mail.sendTimeoutMs,
          greetingTimeout: mail.sendTimeoutMs,
          socketTimeout: mail.sendTimeoutMs,
        } as never)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  /** Resolves with the server's reply once it accepted the message. */
  async send(mail: OutgoingMail): Promise<string> {
    const info = await this.transport.sendMail({ from: this.config.mail.from, ...mail, messageId: `<${mail.messageId}@grants>` });
    if (!this.config.mail.smtpUrl) this.logger.log(`(no SMTP_URL: logged, not sent) to ${mail.to}: ${mail.subject}\n${mail.text}`);
    return String(info.response ?? 'logged');
  }

  /** After the queue workers finished their jobs (they stop in beforeApplicationShutdown). */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}
