import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Authenticated, CurrentActor, Permission } from '#access';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { DomainError, PageQuery } from '#core';
import type { Actor } from '#core';
import { DeliveryAdminService, listSinkMessages, readSinkMessage, readSinkMessageRaw } from '#notifications';
import type { DeadReason } from '#notifications';
import { ApiFile } from '../http/openapi.js';
import {
  DeliveryAdminQueuesResponse,
  DeliveryAdminRequeueResponse,
  DeliveryAdminRetryFailedResponse,
  DeliveryAdminSinkResponse,
  PageDeadLetterResponse,
  SinkMessageResponse,
} from '../http/responses.js';

class DeadLetterQuery extends PageQuery {
  @IsOptional()
  @IsIn(['permanent', 'attempts_exhausted', 'outcome_unknown'])
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

  @Authenticated(Permission.QueueRead)
  @Get('queues')
  @ApiOkResponse({ type: DeliveryAdminQueuesResponse })
  queues(): Promise<DeliveryAdminQueuesResponse> {
    return this.delivery.health();
  }

  @Authenticated(Permission.QueueManage)
  @Post('queues/:queue/failed/:jobId/retry')
  @ApiCreatedResponse({ type: DeliveryAdminRetryFailedResponse })
  retryFailed(@CurrentActor() actor: Actor, @Param('queue') queue: string, @Param('jobId') jobId: string): Promise<DeliveryAdminRetryFailedResponse> {
    return this.delivery.retryFailedJob(actor, queue, jobId);
  }

  @Authenticated(Permission.QueueRead)
  @Get('dead-letters')
  @ApiOkResponse({ type: PageDeadLetterResponse })
  deadLetters(@Query() query: DeadLetterQuery): Promise<PageDeadLetterResponse> {
    return this.delivery.deadLetters(query);
  }

  @Authenticated(Permission.QueueManage)
  @Post('dead-letters/:id/requeue')
  @ApiCreatedResponse({ type: DeliveryAdminRequeueResponse })
  requeue(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeliveryAdminRequeueResponse> {
    return this.delivery.requeue(actor, id);
  }

  /** Every e-mail the local sink received (`npm start` without SMTP_URL), newest first. */
  @Authenticated(Permission.QueueRead)
  @Get('mail-sink')
  @ApiOkResponse({ type: DeliveryAdminSinkResponse })
  sink(@Query() query: PageQuery): Promise<DeliveryAdminSinkResponse> {
    return listSinkMessages(this.config.mail.sinkDir, query).then((page) => ({ ...page, page: query.page, pageSize: query.pageSize }));
  }

  @Authenticated(Permission.QueueRead)
  @Get('mail-sink/:id')
  @ApiOkResponse({ type: SinkMessageResponse })
  async sinkMessage(@Param('id') id: string): Promise<SinkMessageResponse> {
    const message = await readSinkMessage(this.config.mail.sinkDir, id);
    if (!message) throw DomainError.notFound('mail', id);
    return message;
  }

  /** The message as received, to open in a mail client. */
  @Authenticated(Permission.QueueRead)
  @Get('mail-sink/:id/raw')
  @ApiFile('message/rfc822')
  async sinkRaw(@Param('id') id: string): Promise<StreamableFile> {
    const raw = await readSinkMessageRaw(this.config.mail.sinkDir, id);
    if (!raw) throw DomainError.notFound('mail', id);
    return new StreamableFile(raw, { type: 'message/rfc822', disposition: `attachment; filename="${id}.eml"` });
  }
}
