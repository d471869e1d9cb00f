import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import {
  AssignRequest, AttendanceRequest, CloseSessionRequest, CommissionService, CreateCommissionRequest, CreateSessionRequest, DeclareConflictsRequest, MemberChangeRequest,
  ReopenSheetRequest, ResultsService, ReviewService, SaveSheetRequest, SessionDecisionRequest, SessionService, SubmitSheetRequest, VoteRequest,
} from '#evaluation';
import { attachmentDisposition } from '../http/content-disposition.js';

/** Staff set up a call's commission and assign the reviews; staff and auditors read the results. */
@ApiTags('evaluation')
@Controller()
export class CommissionsController {
  constructor(
    private readonly commissions: CommissionService,
    private readonly results: ResultsService,
  ) {}

  @Authenticated(Permission.EvaluationManage) @Post('calls/:callId/commission')
  create(@CurrentActor() actor: Actor, @Param('callId', ParseUUIDPipe) callId: string, @Body() body: CreateCommissionRequest) {
    return this.commissions.create(actor, callId, body);
  }

  @Authenticated(Permission.EvaluationRead) @Get('calls/:callId/commission')
  forCall(@Param('callId', ParseUUIDPipe) callId: string) {
    return this.commissions.forCall(callId);
  }

  @Authenticated(Permission.EvaluationRead) @Get('commissions/:id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.commissions.get(id);
  }

  @Authenticated(Permission.EvaluationManage) @Post('commissions/:id/members')
  addMember(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: MemberChangeRequest) {
    return this.commissions.addMember(actor, id, body.userId);
  }

  @Authenticated(Permission.EvaluationManage) @Delete('commissions/:id/members/:userId')
  removeMember(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('userId', ParseUUIDPipe) userId: string) {
    return this.commissions.removeMember(actor, id, userId);
  }

  @Authenticated(Permission.EvaluationRead) @Get('commissions/:id/assignments')
  assignments(@Param('id', ParseUUIDPipe) id: string) {
    return this.commissions.assignments(id);
  }

  @Authenticated(Permission.EvaluationManage) @Post('commissions/:id/assignments/auto') @HttpCode(200)
  autoAssign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.commissions.autoAssign(actor, id);
  }

  @Authenticated(Permission.EvaluationManage) @Post('commissions/:id/assignments') @HttpCode(200)
  assign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignRequest) {
    return this.commissions.assign(actor, id, body);
  }

  @Authenticated(Permission.EvaluationManage) @Post('commissions/:id/assignments/remove') @HttpCode(200)
  unassign(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AssignRequest) {
    return this.commissions.unassign(actor, id, body);
  }

  @Authenticated(Permission.EvaluationRead) @Get('commissions/:id/results')
  resultsOf(@Param('id', ParseUUIDPipe) id: string) {
    return this.results.compute(id);
  }

  /** The applicant's view of their own result, once the call is decided: no reviewer's individual scores. */
  @Authenticated(Permission.ApplicationRead) @Get('applications/:id/evaluation-result')
  forApplicant(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.results.forApplicant(actor, id);
  }

  @Authenticated(Permission.EvaluationRead) @Get('commissions/:id/recommendation.csv')
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

  @Authenticated(Permission.EvaluationReview) @Get('commissions/:id/declarations')
  declarations(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.commissions.declarationsOf(actor, id);
  }

  @Authenticated(Permission.EvaluationReview) @Put('commissions/:id/declarations')
  declare(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: DeclareConflictsRequest) {
    return this.commissions.declare(actor, id, body);
  }

  @Authenticated(Permission.EvaluationReview) @Get('commissions/:id/my-reviews')
  mine(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.reviews.myApplications(actor, id);
  }

  @Authenticated(Permission.EvaluationReview) @Get('reviews/:applicationId')
  application(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string) {
    return this.reviews.application(actor, applicationId);
  }

  @Authenticated(Permission.EvaluationReview) @Get('reviews/:applicationId/attachments/:attachmentId')
  async attachment(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Param('attachmentId', ParseUUIDPipe) attachmentId: string): Promise<StreamableFile> {
    const file = await this.reviews.attachment(actor, applicationId, attachmentId);
    return new StreamableFile(file.stream, { type: file.mediaType, disposition: attachmentDisposition(file.fileName) });
  }

  @Authenticated(Permission.EvaluationReview) @Get('reviews/:applicationId/sheet')
  sheet(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string) {
    return this.reviews.sheet(actor, applicationId);
  }

  @Authenticated(Permission.EvaluationReview) @Put('reviews/:applicationId/sheet')
  save(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: SaveSheetRequest) {
    return this.reviews.save(actor, applicationId, body);
  }

  @Authenticated(Permission.EvaluationReview) @Post('reviews/:applicationId/sheet/submit') @HttpCode(200)
  submit(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: SubmitSheetRequest) {
    return this.reviews.submit(actor, applicationId, body.version);
  }

  /** The chair reopens another member's submitted sheet. */
  @Authenticated(Permission.EvaluationReview) @Post('reviews/:applicationId/sheets/:userId/reopen') @HttpCode(200)
  reopen(@CurrentActor() actor: Actor, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Param('userId', ParseUUIDPipe) userId: string, @Body() body: ReopenSheetRequest) {
    return this.reviews.reopen(actor, { applicationId, userId }, body.reason);
  }
}

/** The commission's session: staff (the secretary) keep it; members vote. */
@ApiTags('evaluation')
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionService) {}

  @Authenticated(Permission.EvaluationManage) @Post('commissions/:id/sessions')
  create(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CreateSessionRequest) {
    return this.sessions.create(actor, id, body);
  }

  @Authenticated(Permission.EvaluationRead) @Get('sessions/:id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.sessions.get(id);
  }

  @Authenticated(Permission.EvaluationManage) @Put('sessions/:id/attendance')
  attendance(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AttendanceRequest) {
    return this.sessions.setAttendance(actor, id, body);
  }

  @Authenticated(Permission.EvaluationManage) @Put('sessions/:id/applications/:applicationId')
  decide(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: SessionDecisionRequest) {
    return this.sessions.decide(actor, id, applicationId, body);
  }

  @Authenticated(Permission.EvaluationReview) @Put('sessions/:id/applications/:applicationId/vote')
  vote(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Param('applicationId', ParseUUIDPipe) applicationId: string, @Body() body: VoteRequest) {
    return this.sessions.vote(actor, id, applicationId, body.vote);
  }

  @Authenticated(Permission.EvaluationManage) @Post('sessions/:id/close') @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: CloseSessionRequest) {
    return this.sessions.close(actor, id, body);
  }

  @Authenticated(Permission.EvaluationRead) @Get('sessions/:id/minutes.pdf')
  async minutes(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { stream, fileName } = await this.sessions.minutes(id);
    return new StreamableFile(stream, { type: 'application/pdf', disposition: attachmentDisposition(fileName) });
  }
}
