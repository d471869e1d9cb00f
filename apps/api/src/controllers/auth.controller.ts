import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AttemptLimiter, Authenticated, CurrentActor, Permission, Public } from '#access';
import type { Actor } from '#core';
import {
  AuthService,
  LoginRequest,
  PasswordResetConfirmation,
  PasswordResetRequest,
  RefreshRequest,
  RegisterRequest,
  UserService,
} from '#identity';
import { TokenPairResponse, UserResponse } from '../http/responses.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Public() @Post('register')
  @ApiCreatedResponse({ type: UserResponse })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterRequest): Promise<UserResponse> {
    return this.users.register(actor, body);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('login') @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  login(@CurrentActor() actor: Actor, @Body() body: LoginRequest, @Req() request: Request): Promise<TokenPairResponse> {
    return this.auth.login(actor, body.email, body.password, request.headers['user-agent'] ?? null);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('refresh') @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  refresh(@CurrentActor() actor: Actor, @Body() body: RefreshRequest): Promise<TokenPairResponse> {
    return this.auth.refresh(actor, body.refreshToken);
  }

  @Authenticated(Permission.AccountSelf) @Post('logout') @HttpCode(204)
  @ApiNoContentResponse()
  logout(@CurrentActor() actor: Actor) {
    return this.auth.logout(actor);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('password-reset') @HttpCode(202)
  @ApiNoContentResponse()
  requestPasswordReset(@CurrentActor() actor: Actor, @Body() body: PasswordResetRequest) {
    return this.auth.requestPasswordReset(actor, body.email);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('password-reset/confirm') @HttpCode(204)
  @ApiNoContentResponse()
  confirmPasswordReset(@CurrentActor() actor: Actor, @Body() body: PasswordResetConfirmation) {
    return this.auth.confirmPasswordReset(actor, body.token, body.newPassword);
  }

  @Authenticated(Permission.AccountSelf) @Get('me')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(actor.userId!);
  }
}
