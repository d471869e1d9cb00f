import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission, Public } from '#access';
import { AmendCallRequest, CallListQuery, CallService, CallTransitionRequest, CreateCallRequest, UpdateCallRequest } from '#calls';
import type { Actor } from '#core';
import { PageQuery } from '#core';
import { CallPublicationCheckResponse, CallResponse, PageCallResponse } from '../http/responses.js';

/** Programme staff set calls up; auditors read them. */
@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallService) {}

  @Authenticated(Permission.CallManage)
  @Post()
  @ApiCreatedResponse({ type: CallResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCallRequest): Promise<CallResponse> {
    return this.calls.create(actor, body);
  }

  @Authenticated(Permission.CallRead)
  @Get()
  @ApiOkResponse({ type: PageCallResponse })
  list(@Query() query: CallListQuery): Promise<PageCallResponse> {
    return this.calls.list(query, query);
  }

  @Authenticated(Permission.CallRead)
  @Get(':id')
  @ApiOkResponse({ type: CallResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CallResponse> {
    return this.calls.get(id);
  }

  /** The live list of what still stops publication, and the date rule (30 days) for the editor. */
  @Authenticated(Permission.CallManage)
  @Get(':id/publication-check')
  @ApiOkResponse({ type: CallPublicationCheckResponse })
  publicationCheck(@Param('id', ParseUUIDPipe) id: string): Promise<CallPublicationCheckResponse> {
    return this.calls.publicationCheck(id);
  }

  @Authenticated(Permission.CallManage)
  @Patch(':id')
  @ApiOkResponse({ type: CallResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCallRequest): Promise<CallResponse> {
    return this.calls.update(actor, id, body);
  }

  @Authenticated(Permission.CallManage)
  @Post(':id/amendments')
  @ApiCreatedResponse({ type: CallResponse })
  amend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AmendCallRequest): Promise<CallResponse> {
    return this.calls.amend(actor, id, body);
  }

  @Authenticated(Permission.CallManage)
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: CallResponse })
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest): Promise<CallResponse> {
    return this.calls.publish(actor, id, body);
  }

  @Authenticated(Permission.CallManage)
  @Post(':id/start-evaluation')
  @HttpCode(200)
  @ApiOkResponse({ type: CallResponse })
  startEvaluation(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest): Promise<CallResponse> {
    return this.calls.transition(actor, id, 'start_evaluation', body);
  }

  @Authenticated(Permission.CallManage)
  @Post(':id/mark-decided')
  @HttpCode(200)
  @ApiOkResponse({ type: CallResponse })
  markDecided(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest): Promise<CallResponse> {
    return this.calls.transition(actor, id, 'mark_decided', body);
  }

  @Authenticated(Permission.CallManage)
  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: CallResponse })
  archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest): Promise<CallResponse> {
    return this.calls.transition(actor, id, 'archive', body);
  }
}

/** The official notice board: published and open calls with their full conditions and amendments, no sign-in. */
@ApiTags('public')
@Controller('public/calls')
export class PublicCallsController {
  constructor(private readonly calls: CallService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: PageCallResponse })
  list(@Query() query: PageQuery): Promise<PageCallResponse> {
    return this.calls.listPublic(query);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: CallResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CallResponse> {
    return this.calls.getPublic(id);
  }
}
