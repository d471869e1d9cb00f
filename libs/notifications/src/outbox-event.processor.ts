import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { AuthService, User } from '#identity';
import { OutboxEvent } from '#outbox';
import { OutboxJobData } from '#queue';
import { passwordResetMail, welcomeMail } from './account-mails.js';
import { MailSender } from './mail-sender.js';

/**
 * Handles one relayed outbox event. Job data carries ids only; everything personal is loaded here.
 * Event types without a handler yet are acknowledged and logged (their handlers come with their issues).
 */
@Injectable()
export class OutboxEventProcessor {
  private readonly logger = new Logger(OutboxEventProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailSender,
    private readonly auth: AuthService,
  ) {}

  async process(job: OutboxJobData): Promise<void> {
    const event = await this.dataSource.getRepository(OutboxEvent).findOneBy({ id: job.outboxId });
    if (!event) return;
    switch (event.type) {
      case 'account.password_reset_requested': {
        const user = await this.user(event.aggregateId);
        const token = this.auth.passwordResetToken(String(event.payload.resetId));
        const link = `${this.config.publicUrl}/obnova-hesla?token=${encodeURIComponent(token)}`;
        await this.mail.send(passwordResetMail(user, link, this.config.auth.passwordResetTtlMinutes, event.id));
        return;
      }
      case 'account.created': {
        const user = await this.user(event.aggregateId);
        await this.mail.send(welcomeMail(user, this.config.publicUrl, event.id));
        return;
      }
      default:
        this.logger.debug(`no handler for ${event.type} yet (outbox ${event.id})`);
    }
  }

  private async user(id: string): Promise<User> {
    return this.dataSource.getRepository(User).findOneByOrFail({ id });
  }
}
