import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import { AwardService, RecordResolutionRequest } from '#awards';
import type { Actor } from '#core';

/** Award decisions by resolution of the Council or the Assembly, and what remains of each allocation. */
@ApiTags('awards')
@Controller('calls/:callId')
export class AwardsController {
  constructor(private readonly awards: AwardService) {}

  /** The commission's recommendation split by approving body: the batch proposals staff take to the Council and the Assembly. */
  @Authenticated(Permission.AwardManage) @Get('award-proposal')
  proposal(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.awards.proposal(callId);
  }

  @Authenticated(Permission.AwardManage) @Post('resolutions')
  record(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: RecordResolutionRequest) {
    return this.awards.recordResolution(actor, callId, body);
  }

  @Authenticated(Permission.AwardRead) @Get('decisions')
  decisions(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.awards.decisions(callId);
  }

  @Authenticated(Permission.AwardRead) @Get('funding')
  funding(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.awards.funding(callId);
  }
}
