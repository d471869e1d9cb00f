import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import { TraceProjectsQuery, TraceQuery, TraceService } from '#reports';

/** Where the money for a node of the strategy went, from the ledger, with the projects and entries behind it. */
@ApiTags('reports')
@Controller('trace/nodes/:nodeId')
export class TraceController {
  constructor(private readonly trace: TraceService) {}

  @Authenticated(Permission.ReportRead) @Get()
  node(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Query() query: TraceQuery) {
    return this.trace.node(actor, nodeId, query);
  }

  @Authenticated(Permission.ReportRead) @Get('projects')
  projects(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Query() query: TraceProjectsQuery) {
    return this.trace.projects(actor, nodeId, query);
  }

  @Authenticated(Permission.ReportRead) @Get('projects/:applicationId/entries')
  entries(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Param('applicationId', ParseUUIDPipe) applicationId: string) {
    return this.trace.entries(actor, nodeId, applicationId);
  }
}
