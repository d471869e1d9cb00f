import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
  ) {}

  @Public() @Post('register')
  register(@CurrentActor() actor: Actor, @Body() body: RegisterRequest) {
    return this.users.register(actor, body);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('login') @HttpCode(200)
  login(@CurrentActor() actor: Actor, @Body() body: LoginRequest, @Req() request: Request) {
    return this.auth.login(actor, body.email, body.password, request.headers['user-agent'] ?? null);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('refresh') @HttpCode(200)
  refresh(@CurrentActor() actor: Actor, @Body() body: RefreshRequest) {
    return this.auth.refresh(actor, body.refreshToken);
  }

  @Authenticated(Permission.AccountSelf) @Post('logout') @HttpCode(204)
  logout(@CurrentActor() actor: Actor) {
    return this.auth.logout(actor);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('password-reset') @HttpCode(202)
  requestPasswordReset(@CurrentActor() actor: Actor, @Body() body: PasswordResetRequest) {
    return this.auth.requestPasswordReset(actor, body.email);
  }

  @Public() @UseGuards(AttemptLimiter) @Post('password-reset/confirm') @HttpCode(204)
  confirmPasswordReset(@CurrentActor() actor: Actor, @Body() body: PasswordResetConfirmation) {
    return this.auth.confirmPasswordReset(actor, body.token, body.newPassword);
  }

  @Authenticated(Permission.AccountSelf) @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.users.get(actor.userId!);
  }
}
