import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import { InboxQuery, InboxService, UpdatePreferencesRequest } from '#notifications';
import { InboxPageResponse, NotificationsReadAllResponse, PreferencesResponse } from '../http/responses.js';

/** The signed-in user's own notifications (every role has them) and their e-mail preferences. */
@ApiTags('notifications')
@Controller('me')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Authenticated(Permission.AccountSelf)
  @Get('notifications')
  @ApiOkResponse({ type: InboxPageResponse })
  list(@CurrentActor() actor: Actor, @Query() query: InboxQuery): Promise<InboxPageResponse> {
    return this.inbox.list(actor, query);
  }

  @Authenticated(Permission.AccountSelf)
  @Post('notifications/read-all')
  @ApiCreatedResponse({ type: NotificationsReadAllResponse })
  readAll(@CurrentActor() actor: Actor): Promise<NotificationsReadAllResponse> {
    return this.inbox.markAllRead(actor);
  }

  @Authenticated(Permission.AccountSelf)
  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiNoContentResponse()
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inbox.markRead(actor, id, true);
  }

  @Authenticated(Permission.AccountSelf)
  @Post('notifications/:id/unread')
  @HttpCode(204)
  @ApiNoContentResponse()
  unread(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inbox.markRead(actor, id, false);
  }

  @Authenticated(Permission.AccountSelf)
  @Get('notification-preferences')
  @ApiOkResponse({ type: PreferencesResponse })
  preferences(@CurrentActor() actor: Actor): Promise<PreferencesResponse> {
    return this.inbox.preferences(actor);
  }

  @Authenticated(Permission.AccountSelf)
  @Put('notification-preferences')
  @ApiOkResponse({ type: PreferencesResponse })
  updatePreferences(@CurrentActor() actor: Actor, @Body() body: UpdatePreferencesRequest): Promise<PreferencesResponse> {
    return this.inbox.updatePreferences(actor, body);
  }
}
