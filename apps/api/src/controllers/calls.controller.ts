import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission, Public } from '#access';
import { AmendCallRequest, CallListQuery, CallService, CallTransitionRequest, CreateCallRequest, UpdateCallRequest } from '#calls';
import type { Actor } from '#core';
import { PageQuery } from '#core';

/** Programme staff set calls up; auditors read them. */
@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallService) {}

  @Authenticated(Permission.CallManage) @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateCallRequest) {
    return this.calls.create(actor, body);
  }

  @Authenticated(Permission.CallRead) @Get()
  list(@Query() query: CallListQuery) {
    return this.calls.list(query, query);
  }

  @Authenticated(Permission.CallRead) @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.calls.get(id);
  }

  @Authenticated(Permission.CallManage) @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateCallRequest) {
    return this.calls.update(actor, id, body);
  }

  @Authenticated(Permission.CallManage) @Post(':id/amendments')
  amend(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AmendCallRequest) {
    return this.calls.amend(actor, id, body);
  }

  @Authenticated(Permission.CallManage) @Post(':id/publish') @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest) {
    return this.calls.publish(actor, id, body);
  }

  @Authenticated(Permission.CallManage) @Post(':id/start-evaluation') @HttpCode(200)
  startEvaluation(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest) {
    return this.calls.transition(actor, id, 'start_evaluation', body);
  }

  @Authenticated(Permission.CallManage) @Post(':id/mark-decided') @HttpCode(200)
  markDecided(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest) {
    return this.calls.transition(actor, id, 'mark_decided', body);
  }

  @Authenticated(Permission.CallManage) @Post(':id/archive') @HttpCode(200)
  archive(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CallTransitionRequest) {
    return this.calls.transition(actor, id, 'archive', body);
  }
}

/** The official notice board: published and open calls with their full conditions and amendments, no sign-in. */
@ApiTags('public')
@Controller('public/calls')
export class PublicCallsController {
  constructor(private readonly calls: CallService) {}

  @Public() @Get()
  list(@Query() query: PageQuery) {
    return this.calls.listPublic(query);
  }

  @Public() @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.calls.getPublic(id);
  }
}
