import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import {
  AssignRequest,
  AttendanceRequest,
  CloseSessionRequest,
  CommissionService,
  CreateCommissionRequest,
  CreateSessionRequest,
  DeclareConflictsRequest,
  MemberChangeRequest,
  ReopenSheetRequest,
  ResultsService,
  ReviewService,
  SaveSheetRequest,
  SessionDecisionRequest,
  SessionService,
  SubmitSheetRequest,
  VoteRequest,
} from '#evaluation';
import { attachmentDisposition } from '../http/content-disposition.js';
import { ApiFile } from '../http/openapi.js';
import {
  AssignmentOverviewResponse,
  CommissionResponse,
  CommissionProgressResponse,
  CommissionResultsResponse,
  CommissionsForApplicantResponse,
  ReviewsApplicationResponse,
  ReviewsDeclarationsResponse,
  MyCommissionResponse,
  ReviewsMineResponse,
  SessionResponse,
  SessionSummaryResponse,
  SessionsVoteResponse,
  SheetResponse,
} from '../http/responses.js';

/** Staff set up a call's commission and assign the reviews; staff and auditors read the results. */
@ApiTags('evaluation')
@Controller()
export class CommissionsController {
  constructor(
    private readonly commissions: CommissionService,
    private readonly results: ResultsService,
  ) {}

  @Authenticated(Permission.EvaluationManage)
  @Post('calls/:callId/commission')
  @ApiCreatedResponse({ type: CommissionResponse })
  create(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: CreateCommissionRequest): Promise<CommissionResponse> {
    return this.commissions.create(actor, callId, body);
  }

  /** The commissions the user sits on or keeps as secretary: where the portal's evaluation area starts. */
  @Authenticated(Permission.CommissionRead)
  @Get('my-commissions')
  @ApiOkResponse({ type: MyCommissionResponse, isArray: true })
  mine(@CurrentActor() actor: Actor): Promise<readonly MyCommissionResponse[]> {
    return this.commissions.mine(actor);
  }

  /** Who has scored what, with the spread flags: staff and auditors, and the chair (without their conflicts). */
  @Authenticated(Permission.CommissionRead)
  @Get('commissions/:id/progress')
  @ApiOkResponse({ type: CommissionProgressResponse })
  progress(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommissionProgressResponse> {
    return this.results.progress(actor, id);
  }

  @Authenticated(Permission.EvaluationRead)
  @Get('calls/:callId/commission')
  @ApiOkResponse({ type: CommissionResponse })
  forCall(@Param('callId', ParseUUIDPipe) callId: string): Promise<CommissionResponse> {
    return this.commissions.forCall(callId);
  }

  /** Staff and auditors read any commission, a member the one they sit on. */
  @Authenticated(Permission.CommissionRead)
  @Get('commissions/:id')
  @ApiOkResponse({ type: CommissionResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommissionResponse> {
    return this.commissions.get(actor, id);
  }

  @Authenticated(Permission.EvaluationManage)
  @Post('commissions/:id/members')
  @ApiCreatedResponse({ type: CommissionResponse })
  addMember(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: MemberChangeRequest): Promise<CommissionResponse> {
    return this.commissions.addMember(actor, id, body.userId);
  }

  @Authenticated(Permission.EvaluationManage)
  @Delete('commissions/:id/members/:userId')
  @ApiOkResponse({ type: CommissionResponse })
  removeMember(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string): Promise<CommissionResponse> {
    return this.commissions.removeMember(actor, id, userId);
  }

  @Authenticated(Permission.EvaluationRead)
  @Get('commissions/:id/assignments')
  @ApiOkResponse({ type: AssignmentOverviewResponse })
  assignments(@Param('id', ParseUUIDPipe) id: string): Promise<AssignmentOverviewResponse> {
    return this.commissions.assignments(id);
  }

  @Authenticated(Permission.EvaluationManage)
  @Post('commissions/:id/assignments/auto')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentOverviewResponse })
  autoAssign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<AssignmentOverviewResponse> {
    return this.commissions.autoAssign(actor, id);
  }

  @Authenticated(Permission.EvaluationManage)
  @Post('commissions/:id/assignments')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentOverviewResponse })
  assign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignRequest): Promise<AssignmentOverviewResponse> {
    return this.commissions.assign(actor, id, body);
  }

  @Authenticated(Permission.EvaluationManage)
  @Post('commissions/:id/assignments/remove')
  @HttpCode(200)
  @ApiOkResponse({ type: AssignmentOverviewResponse })
  unassign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignRequest): Promise<AssignmentOverviewResponse> {
    return this.commissions.unassign(actor, id, body);
  }

  @Authenticated(Permission.EvaluationRead)
  @Get('commissions/:id/results')
  @ApiOkResponse({ type: CommissionResultsResponse })
  resultsOf(@Param('id', ParseUUIDPipe) id: string): Promise<CommissionResultsResponse> {
    return this.results.compute(id);
  }

  /** The applicant's view of their own result, once the call is decided: no reviewer's individual scores. */
  @Authenticated(Permission.ApplicationRead)
  @Get('applications/:id/evaluation-result')
  @ApiOkResponse({ type: CommissionsForApplicantResponse })
  forApplicant(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommissionsForApplicantResponse> {
    return this.results.forApplicant(actor, id);
  }

  @Authenticated(Permission.EvaluationRead)
  @Get('commissions/:id/recommendation.csv')
  @ApiFile('text/csv')
  async csv(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    await this.results.requireCommission(id);
    return new StreamableFile(Readable.from(this.results.recommendationCsv(id)), { type: 'text/csv; charset=utf-8', disposition: attachmentDisposition('doporuceni-komise.csv') });
  }
}

/** What a commission member does: declare conflicts, review what is assigned, vote in the session. */
@ApiTags('evaluation')
@Controller()
export class ReviewsController {
  constructor(
    private readonly commissions: CommissionService,
    private readonly reviews: ReviewService,
  ) {}

  @Authenticated(Permission.EvaluationReview)
  @Get('commissions/:id/declarations')
  @ApiOkResponse({ type: ReviewsDeclarationsResponse })
  declarations(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<ReviewsDeclarationsResponse> {
    return this.commissions.declarationsOf(actor, id);
  }

  @Authenticated(Permission.EvaluationReview)
  @Put('commissions/:id/declarations')
  @ApiOkResponse({ type: ReviewsDeclarationsResponse })
  declare(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DeclareConflictsRequest): Promise<ReviewsDeclarationsResponse> {
    return this.commissions.declare(actor, id, body);
  }

  @Authenticated(Permission.EvaluationReview)
  @Get('commissions/:id/my-reviews')
  @ApiOkResponse({ type: ReviewsMineResponse, isArray: true })
  mine(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<readonly ReviewsMineResponse[]> {
    return this.reviews.myApplications(actor, id);
  }

  @Authenticated(Permission.EvaluationReview)
  @Get('reviews/:applicationId')
  @ApiOkResponse({ type: ReviewsApplicationResponse })
  application(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string): Promise<ReviewsApplicationResponse> {
    return this.reviews.application(actor, applicationId);
  }

  @Authenticated(Permission.EvaluationReview)
  @Get('reviews/:applicationId/attachments/:attachmentId')
  @ApiFile('application/octet-stream')
  async attachment(
    @CurrentActor() actor: Actor,
    @Param('applicationId', ParseUUIDPipe) applicationId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
  ): Promise<StreamableFile> {
    const file = await this.reviews.attachment(actor, applicationId, attachmentId);
    return new StreamableFile(file.stream, { type: file.mediaType, disposition: attachmentDisposition(file.fileName) });
  }

  @Authenticated(Permission.EvaluationReview)
  @Get('reviews/:applicationId/sheet')
  @ApiOkResponse({ type: SheetResponse })
  sheet(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string): Promise<SheetResponse> {
    return this.reviews.sheet(actor, applicationId);
  }

  @Authenticated(Permission.EvaluationReview)
  @Put('reviews/:applicationId/sheet')
  @ApiOkResponse({ type: SheetResponse })
  save(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: SaveSheetRequest): Promise<SheetResponse> {
    return this.reviews.save(actor, applicationId, body);
  }

  @Authenticated(Permission.EvaluationReview)
  @Post('reviews/:applicationId/sheet/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: SheetResponse })
  submit(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: SubmitSheetRequest): Promise<SheetResponse> {
    return this.reviews.submit(actor, applicationId, body.version);
  }

  /** The chair reopens another member's submitted sheet. */
  @Authenticated(Permission.EvaluationReview)
  @Post('reviews/:applicationId/sheets/:userId/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: SheetResponse })
  reopen(
    @CurrentActor() actor: Actor,
    @Param('applicationId', ParseUUIDPipe) applicationId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: ReopenSheetRequest,
  ): Promise<SheetResponse> {
    return this.reviews.reopen(actor, { applicationId, userId }, body.reason);
  }
}

/** The commission's session: staff (the secretary) keep it; members vote. */
@ApiTags('evaluation')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionService) {}

  @Authenticated(Permission.EvaluationManage)
  @Post('commissions/:id/sessions')
  @ApiCreatedResponse({ type: SessionResponse })
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateSessionRequest): Promise<SessionResponse> {
    return this.sessions.create(actor, id, body);
  }

  @Authenticated(Permission.CommissionRead)
  @Get('commissions/:id/sessions')
  @ApiOkResponse({ type: SessionSummaryResponse, isArray: true })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<readonly SessionSummaryResponse[]> {
    return this.sessions.list(actor, id);
  }

  /** Members of the session's commission read it too, the agenda narrowed to applications they are free of conflict with. */
  @Authenticated(Permission.CommissionRead)
  @Get('sessions/:id')
  @ApiOkResponse({ type: SessionResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<SessionResponse> {
    return this.sessions.get(actor, id);
  }

  @Authenticated(Permission.EvaluationManage)
  @Put('sessions/:id/attendance')
  @ApiOkResponse({ type: SessionResponse })
  attendance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AttendanceRequest): Promise<SessionResponse> {
    return this.sessions.setAttendance(actor, id, body);
  }

  @Authenticated(Permission.EvaluationManage)
  @Put('sessions/:id/applications/:applicationId')
  @ApiOkResponse({ type: SessionResponse })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('applicationId', ParseUUIDPipe) applicationId: string,
    @Body() body: SessionDecisionRequest,
  ): Promise<SessionResponse> {
    return this.sessions.decide(actor, id, applicationId, body);
  }

  @Authenticated(Permission.EvaluationReview)
  @Put('sessions/:id/applications/:applicationId/vote')
  @ApiOkResponse({ type: SessionsVoteResponse })
  vote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('applicationId', ParseUUIDPipe) applicationId: string,
    @Body() body: VoteRequest,
  ): Promise<SessionsVoteResponse> {
    return this.sessions.vote(actor, id, applicationId, body.vote);
  }

  @Authenticated(Permission.EvaluationManage)
  @Post('sessions/:id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponse })
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CloseSessionRequest): Promise<SessionResponse> {
    return this.sessions.close(actor, id, body);
  }

  @Authenticated(Permission.EvaluationRead)
  @Get('sessions/:id/minutes.pdf')
  @ApiFile('application/pdf')
  async minutes(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { stream, fileName } = await this.sessions.minutes(id);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }
}
