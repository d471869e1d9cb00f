import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Authenticated, CurrentActor, Permission } from '#access';
import { PageQuery, ROLES } from '#core';
import type { Actor } from '#core';
import type { Role } from '#core';
import { CreateUserRequest, UpdateRolesRequest, UserService } from '#identity';
import { PageUserResponse, UserResponse } from '../http/responses.js';

class UserListQuery extends PageQuery {
  @IsOptional() @IsIn(ROLES) role?: Role;
  @IsOptional() @IsString() @MaxLength(100) search?: string;
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UserService) {}

  @Authenticated(Permission.UserManage)
  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return this.users.create(actor, body);
  }

  @Authenticated(Permission.UserRead)
  @Get()
  @ApiOkResponse({ type: PageUserResponse })
  list(@Query() query: UserListQuery): Promise<PageUserResponse> {
    return this.users.list(query);
  }

  @Authenticated(Permission.UserRead)
  @Get(':id')
  @ApiOkResponse({ type: UserResponse })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponse> {
    return this.users.get(id);
  }

  @Authenticated(Permission.UserManage)
  @Put(':id/roles')
  @ApiOkResponse({ type: UserResponse })
  updateRoles(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateRolesRequest): Promise<UserResponse> {
    return this.users.updateRoles(actor, id, body.roles);
  }
}
