import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import { AddMemberRequest, CreateOrganisationRequest, OrganisationListQuery, OrganisationService, UpdateOrganisationRequest } from '#organisations';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationService) {}

  @Authenticated(Permission.OrganisationCreate) @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganisationRequest) {
    return this.organisations.create(actor, body);
  }

  @Authenticated(Permission.OrganisationRead) @Get()
  list(@CurrentActor() actor: Actor, @Query() query: OrganisationListQuery) {
    return this.organisations.list(actor, query, query);
  }

  @Authenticated(Permission.OrganisationRead) @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.organisations.get(actor, id);
  }

  @Authenticated(Permission.OrganisationUpdate) @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateOrganisationRequest) {
    return this.organisations.update(actor, id, body);
  }

  @Authenticated(Permission.OrganisationRead) @Get(':id/members')
  members(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.organisations.members(actor, id);
  }

  @Authenticated(Permission.OrganisationMembersManage) @Post(':id/members')
  addMember(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: AddMemberRequest) {
    return this.organisations.addMember(actor, id, body);
  }
}
