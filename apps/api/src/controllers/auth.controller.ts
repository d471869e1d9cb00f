import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AttemptLimiter, Authenticated, CurrentActor, Permission, Public } from '#access';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { DomainError } from '#core';
import type { Actor } from '#core';
import { AuthService, LoginRequest, PasswordResetConfirmation, PasswordResetRequest, RefreshRequest, RegisterRequest, UpdateProfileRequest, UserService } from '#identity';
import { TokenPairResponse, UserResponse } from '../http/responses.js';
import { assertSameOriginPortal, clearRefreshCookie, deliverToPortal, isPortalRequest, readRefreshCookie } from '../http/session-cookie.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @ApiCreatedResponse({ type: UserResponse })
  register(@CurrentActor() actor: Actor, @Body() body: RegisterRequest): Promise<UserResponse> {
    return this.users.register(actor, body);
  }

  /** The portal (header `X-Grants-Portal: 1`) gets the refresh token as an httpOnly cookie instead of in the body. */
  @Public()
  @UseGuards(AttemptLimiter)
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  async login(@CurrentActor() actor: Actor, @Body() body: LoginRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenPairResponse> {
    const tokens = await this.auth.login(actor, body.email, body.password, request.headers['user-agent'] ?? null);
    return isPortalRequest(request) ? deliverToPortal(response, tokens, this.config) : tokens;
  }

  /** The token from the body (API clients) or from the cookie (the portal: same origin and the portal's header required). */
  @Public()
  @UseGuards(AttemptLimiter)
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairResponse })
  async refresh(@CurrentActor() actor: Actor, @Body() body: RefreshRequest, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<TokenPairResponse> {
    if (body.refreshToken) return this.auth.refresh(actor, body.refreshToken);
    const cookie = readRefreshCookie(request);
    if (!cookie) {
      throw DomainError.field('refreshToken', 'REFRESH_TOKEN_REQUIRED', {
        cs: 'Chybí obnovovací token (v těle požadavku, nebo v cookie portálu). Přihlaste se znovu.',
        en: 'The refresh token is missing (in the body, or in the portal’s cookie). Please sign in again.',
      });
    }
    assertSameOriginPortal(request, this.config);
    try {
      return deliverToPortal(response, await this.auth.refresh(actor, cookie), this.config);
    } catch (error) {
      clearRefreshCookie(response, this.config);
      throw error;
    }
  }

  @Authenticated(Permission.AccountSelf)
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(actor);
    clearRefreshCookie(response, this.config);
  }

  @Public()
  @UseGuards(AttemptLimiter)
  @Post('password-reset')
  @HttpCode(202)
  @ApiNoContentResponse()
  requestPasswordReset(@CurrentActor() actor: Actor, @Body() body: PasswordResetRequest) {
    return this.auth.requestPasswordReset(actor, body.email);
  }

  @Public()
  @UseGuards(AttemptLimiter)
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse()
  confirmPasswordReset(@CurrentActor() actor: Actor, @Body() body: PasswordResetConfirmation) {
    return this.auth.confirmPasswordReset(actor, body.token, body.newPassword);
  }

  @Authenticated(Permission.AccountSelf)
  @Get('me')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentActor() actor: Actor): Promise<UserResponse> {
    return this.users.get(actor.userId!);
  }

  /** The user's own preferences; the portal's language switch stores the choice here. */
  @Authenticated(Permission.AccountSelf)
  @Patch('me')
  @ApiOkResponse({ type: UserResponse })
  updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateProfileRequest): Promise<UserResponse> {
    return this.users.updateOwnProfile(actor, body);
  }
}
