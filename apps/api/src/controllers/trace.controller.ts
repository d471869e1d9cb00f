import { Controller, Get, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import { DossierService, FulfilmentQuery, FulfilmentService, TraceProjectsQuery, TraceQuery, TraceService } from '#reports';
import { attachmentDisposition } from '../http/content-disposition.js';
import { ApiFile } from '../http/openapi.js';
import { DossierProjectResponse, FulfilmentReportResponse, TraceEntryResponse, TraceNodeResponse, TraceProjectsResponse, TraceVersionResponse } from '../http/responses.js';

/** Where the money for a node of the strategy went, from the ledger, with the projects and entries behind it. */
@ApiTags('reports')
@Controller('trace/nodes/:nodeId')
export class TraceController {
  constructor(private readonly trace: TraceService) {}

  @Authenticated(Permission.ReportRead)
  @Get()
  @ApiOkResponse({ type: TraceNodeResponse })
  node(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Query() query: TraceQuery): Promise<TraceNodeResponse> {
    return this.trace.node(actor, nodeId, query);
  }

  @Authenticated(Permission.ReportRead)
  @Get('projects')
  @ApiOkResponse({ type: TraceProjectsResponse })
  projects(@CurrentActor() actor: Actor, @Param('nodeId', ParseUUIDPipe) nodeId: string, @Query() query: TraceProjectsQuery): Promise<TraceProjectsResponse> {
    return this.trace.projects(actor, nodeId, query);
  }

  @Authenticated(Permission.ReportRead)
  @Get('projects/:applicationId/entries')
  @ApiOkResponse({ type: TraceEntryResponse, isArray: true })
  entries(
    @CurrentActor() actor: Actor,
    @Param('nodeId', ParseUUIDPipe) nodeId: string,
    @Param('applicationId', ParseUUIDPipe) applicationId: string,
  ): Promise<readonly TraceEntryResponse[]> {
    return this.trace.entries(actor, nodeId, applicationId);
  }
}

/** Every activity of a strategy version with its totals, for the trace explorer's tree (one request for the whole tree). */
@ApiTags('reports')
@Controller('trace/versions/:versionId')
export class TraceVersionController {
  constructor(private readonly trace: TraceService) {}

  @Authenticated(Permission.ReportRead)
  @Get()
  @ApiOkResponse({ type: TraceVersionResponse })
  activities(@CurrentActor() actor: Actor, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: TraceQuery): Promise<TraceVersionResponse> {
    return this.trace.activities(actor, versionId, query);
  }
}

/** The action-plan fulfilment report: what each funded activity's indicators ask for against what was supported and reported. */
@ApiTags('reports')
@Controller('reports/fulfilment/:versionId')
export class FulfilmentController {
  constructor(private readonly fulfilment: FulfilmentService) {}

  @Authenticated(Permission.ReportRead)
  @Get()
  @ApiOkResponse({ type: FulfilmentReportResponse })
  report(@CurrentActor() actor: Actor, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: FulfilmentQuery): Promise<FulfilmentReportResponse> {
    return this.fulfilment.report(actor, versionId, query);
  }

  @Authenticated(Permission.ReportRead)
  @Get('report.pdf')
  @ApiFile('application/pdf')
  async pdf(@CurrentActor() actor: Actor, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: FulfilmentQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.fulfilment.pdf(actor, versionId, query), {
      type: 'application/pdf',
      disposition: attachmentDisposition('zprava-o-naplnovani-akcniho-planu.pdf'),
    });
  }

  @Authenticated(Permission.ReportRead)
  @Get('report.csv')
  @ApiFile('text/csv')
  async csv(@CurrentActor() actor: Actor, @Param('versionId', ParseUUIDPipe) versionId: string, @Query() query: FulfilmentQuery): Promise<StreamableFile> {
    const report = await this.fulfilment.report(actor, versionId, query);
    return new StreamableFile(Readable.from(this.fulfilment.csv(report)), { type: 'text/csv; charset=utf-8', disposition: attachmentDisposition('naplnovani-akcniho-planu.csv') });
  }
}

/** One project's whole money story for an auditor, with the audit trail of every record in it. */
@ApiTags('reports')
@Controller('trace/projects/:applicationId')
export class DossierController {
  constructor(private readonly dossiers: DossierService) {}

  @Authenticated(Permission.ReportRead)
  @Get()
  @ApiOkResponse({ type: DossierProjectResponse })
  project(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string): Promise<DossierProjectResponse> {
    return this.dossiers.project(actor, applicationId);
  }
}
