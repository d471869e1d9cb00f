import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import {
  AddMemberRequest,
  CreateOrganisationRequest,
  JoinDecisionRequest,
  JoinRequestRequest,
  OrganisationListQuery,
  OrganisationService,
  OrganisationVerificationService,
  UpdateOrganisationRequest,
  VerificationDecisionRequest,
} from '#organisations';
import { attachmentDisposition } from '../http/content-disposition.js';
import { ApiFile, ApiUpload } from '../http/openapi.js';
import { JoinRequestResponse, MemberResponse, OrganisationResponse, OrganisationVerificationResponse, PageOrganisationResponse } from '../http/responses.js';
import { MulterFile, uploadedFile } from '../http/uploaded-file.js';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly verification: OrganisationVerificationService,
  ) {}

  @Authenticated(Permission.OrganisationCreate)
  @Post()
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    return this.organisations.create(actor, body);
  }

  /** Staff find the organisations waiting for verification with `?verification=pending`. */
  @Authenticated(Permission.OrganisationRead)
  @Get()
  @ApiOkResponse({ type: PageOrganisationResponse })
  list(@CurrentActor() actor: Actor, @Query() query: OrganisationListQuery): Promise<PageOrganisationResponse> {
    return this.organisations.list(actor, query, query);
  }

  /** Asking to join an organisation someone else registered (by its IČO); its owner or staff decide. */
  @Authenticated(Permission.OrganisationCreate)
  @Post('join-requests')
  @ApiCreatedResponse({ type: JoinRequestResponse })
  requestToJoin(@CurrentActor() actor: Actor, @Body() body: JoinRequestRequest): Promise<JoinRequestResponse> {
    return this.verification.requestToJoin(actor, body.ico, body.message);
  }

  @Authenticated(Permission.OrganisationCreate)
  @Get('join-requests/mine')
  @ApiOkResponse({ type: JoinRequestResponse, isArray: true })
  myJoinRequests(@CurrentActor() actor: Actor): Promise<readonly JoinRequestResponse[]> {
    return this.verification.myJoinRequests(actor);
  }

  @Authenticated(Permission.OrganisationMembersManage)
  @Post('join-requests/:requestId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: JoinRequestResponse })
  approveJoin(@CurrentActor() actor: Actor, @Param('requestId', ParseUUIDPipe) requestId: string, @Body() body: JoinDecisionRequest): Promise<JoinRequestResponse> {
    return this.verification.decideJoin(actor, requestId, true, body.reason);
  }

  @Authenticated(Permission.OrganisationMembersManage)
  @Post('join-requests/:requestId/refuse')
  @HttpCode(200)
  @ApiOkResponse({ type: JoinRequestResponse })
  refuseJoin(@CurrentActor() actor: Actor, @Param('requestId', ParseUUIDPipe) requestId: string, @Body() body: JoinDecisionRequest): Promise<JoinRequestResponse> {
    return this.verification.decideJoin(actor, requestId, false, body.reason);
  }

  @Authenticated(Permission.OrganisationRead)
  @Get(':id')
  @ApiOkResponse({ type: OrganisationResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationResponse> {
    return this.organisations.get(actor, id);
  }

  @Authenticated(Permission.OrganisationUpdate)
  @Patch(':id')
  @ApiOkResponse({ type: OrganisationResponse })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateOrganisationRequest): Promise<OrganisationResponse> {
    return this.organisations.update(actor, id, body);
  }

  @Authenticated(Permission.OrganisationRead)
  @Get(':id/members')
  @ApiOkResponse({ type: MemberResponse, isArray: true })
  members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<readonly MemberResponse[]> {
    return this.organisations.members(actor, id);
  }

  @Authenticated(Permission.OrganisationMembersManage)
  @Post(':id/members')
  @ApiCreatedResponse({ type: MemberResponse })
  addMember(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddMemberRequest): Promise<MemberResponse> {
    return this.organisations.addMember(actor, id, body);
  }

  @Authenticated(Permission.OrganisationMembersManage)
  @Get(':id/join-requests')
  @ApiOkResponse({ type: JoinRequestResponse, isArray: true })
  joinRequests(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<readonly JoinRequestResponse[]> {
    return this.verification.joinRequests(actor, id);
  }

  @Authenticated(Permission.OrganisationRead)
  @Get(':id/verification')
  @ApiOkResponse({ type: OrganisationVerificationResponse })
  verificationState(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<OrganisationVerificationResponse> {
    return this.verification.get(actor, id);
  }

  /** The owner's evidence of authority (statutory body or power of attorney, § 10a(3)(f)): PDF or image, checked on its bytes. */
  @Authenticated(Permission.OrganisationMembersManage)
  @Post(':id/verification/evidence')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiUpload({ authority: { type: 'string', description: 'statutory_body | power_of_attorney' } }, ['authority'])
  @ApiOkResponse({ type: OrganisationVerificationResponse })
  submitEvidence(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFile() file: MulterFile | undefined,
    @Body('authority') authority: unknown,
  ): Promise<OrganisationVerificationResponse> {
    return this.verification.submitEvidence(actor, id, typeof authority === 'string' ? authority : undefined, uploadedFile(file));
  }

  @Authenticated(Permission.OrganisationRead)
  @Get(':id/verification/evidence')
  @ApiFile('application/octet-stream')
  async evidence(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { stream, fileName, mediaType } = await this.verification.evidence(actor, id);
    return new StreamableFile(stream, { type: mediaType, disposition: attachmentDisposition(fileName) });
  }

  /** Staff's decision on the claim: verified, or rejected with a reason (audited; the owners are told). */
  @Authenticated(Permission.OrganisationVerify)
  @Post(':id/verification/decision')
  @HttpCode(200)
  @ApiOkResponse({ type: OrganisationVerificationResponse })
  decide(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: VerificationDecisionRequest): Promise<OrganisationVerificationResponse> {
    return this.verification.decide(actor, id, body.decision, body.reason);
  }
}
