import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Authenticated, CurrentActor, Permission } from '#access';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { DomainError, PageQuery } from '#core';
import type { Actor } from '#core';
import { DeliveryAdminService, listSinkMessages, readSinkMessage, readSinkMessageRaw } from '#notifications';
import type { DeadReason } from '#notifications';

class DeadLetterQuery extends PageQuery {
  @IsOptional() @IsIn(['permanent', 'attempts_exhausted', 'outcome_unknown'])
  reason?: DeadReason;
}

/** For operators: is mail flowing, what failed, send it again; and, in development, the local mail sink. */
@ApiTags('admin')
@Controller('admin')
export class DeliveryAdminController {
  constructor(
    private readonly delivery: DeliveryAdminService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Authenticated(Permission.QueueRead) @Get('queues')
  queues() {
    return this.delivery.health();
  }

  @Authenticated(Permission.QueueManage) @Post('queues/:queue/failed/:jobId/retry')
  retryFailed(@CurrentActor() actor: Actor, @Param('queue') queue: string, @Param('jobId') jobId: string) {
    return this.delivery.retryFailedJob(actor, queue, jobId);
  }

  @Authenticated(Permission.QueueRead) @Get('dead-letters')
  deadLetters(@Query() query: DeadLetterQuery) {
    return this.delivery.deadLetters(query);
  }

  @Authenticated(Permission.QueueManage) @Post('dead-letters/:id/requeue')
  requeue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.delivery.requeue(actor, id);
  }

  /** Every e-mail the local sink received (`npm start` without SMTP_URL), newest first. */
  @Authenticated(Permission.QueueRead) @Get('mail-sink')
  sink(@Query() query: PageQuery) {
    return listSinkMessages(this.config.mail.sinkDir, query).then((page) => ({ ...page, page: query.page, pageSize: query.pageSize }));
  }

  @Authenticated(Permission.QueueRead) @Get('mail-sink/:id')
  async sinkMessage(@Param('id') id: string) {
    const message = await readSinkMessage(this.config.mail.sinkDir, id);
    if (!message) throw DomainError.notFound('mail', id);
    return message;
  }

  /** The message as received, to open in a mail client. */
  @Authenticated(Permission.QueueRead) @Get('mail-sink/:id/raw')
  async sinkRaw(@Param('id') id: string): Promise<StreamableFile> {
    const raw = await readSinkMessageRaw(this.config.mail.sinkDir, id);
    if (!raw) throw DomainError.notFound('mail', id);
    return new StreamableFile(raw, { type: 'message/rfc822', disposition: `attachment; filename="${id}.eml"` });
  }
}
