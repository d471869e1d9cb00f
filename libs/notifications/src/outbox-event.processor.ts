import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { AuthService, User } from '#identity';
import { OutboxEvent, OutboxHandlers } from '#outbox';
import { passwordResetMail, welcomeMail } from './account-mails.js';
import { MailSender } from './mail-sender.js';

/** The account e-mails. Job data carries ids only; everything personal is loaded here. */
@Injectable()
export class OutboxEventProcessor implements OnModuleInit {
  constructor(
    private readonly handlers: OutboxHandlers,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailSender,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    for (const type of ['account.password_reset_requested', 'account.created']) this.handlers.register(type, (event) => this.process(event));
  }

  async process(event: OutboxEvent): Promise<void> {
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
    }
  }

  private async user(id: string): Promise<User> {
    return this.dataSource.getRepository(User).findOneByOrFail({ id });
  }
}
