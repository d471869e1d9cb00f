import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import { AddMemberRequest, CreateOrganisationRequest, OrganisationListQuery, OrganisationService, UpdateOrganisationRequest } from '#organisations';
import { MemberResponse, OrganisationResponse, PageOrganisationResponse } from '../http/responses.js';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationService) {}

  @Authenticated(Permission.OrganisationCreate)
  @Post()
  @ApiCreatedResponse({ type: OrganisationResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganisationRequest): Promise<OrganisationResponse> {
    return this.organisations.create(actor, body);
  }

  @Authenticated(Permission.OrganisationRead)
  @Get()
  @ApiOkResponse({ type: PageOrganisationResponse })
  list(@CurrentActor() actor: Actor, @Query() query: OrganisationListQuery): Promise<PageOrganisationResponse> {
    return this.organisations.list(actor, query, query);
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
}
