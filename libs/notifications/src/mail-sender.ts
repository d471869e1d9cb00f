import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
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
}

/**
 * Sends mail over SMTP (pooled) when SMTP_URL is set; otherwise writes each message to the log so a
 * developer can read it. The full delivery pipeline (templates, preferences, exactly-once) grows here.
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl
      ? nodemailer.createTransport(config.mail.smtpUrl, { pool: true } as never)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.config.mail.from, ...mail, messageId: `<${mail.messageId}@grants>` });
    if (!this.config.mail.smtpUrl) this.logger.log(`(no SMTP_URL: logged, not sent) to ${mail.to}: ${mail.subject}\n${mail.text}`);
    else this.logger.debug(`sent ${info.messageId} to ${mail.to}`);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
