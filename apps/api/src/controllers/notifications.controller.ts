import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor, Permission } from '#access';
import type { Actor } from '#core';
import { InboxQuery, InboxService, UpdatePreferencesRequest } from '#notifications';

/** The signed-in user's own notifications (every role has them) and their e-mail preferences. */
@ApiTags('notifications')
@Controller('me')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Authenticated(Permission.AccountSelf) @Get('notifications')
  list(@CurrentActor() actor: Actor, @Query() query: InboxQuery) {
    return this.inbox.list(actor, query);
  }

  @Authenticated(Permission.AccountSelf) @Post('notifications/read-all')
  readAll(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(actor);
  }

  @Authenticated(Permission.AccountSelf) @Post('notifications/:id/read') @HttpCode(204)
  read(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inbox.markRead(actor, id, true);
  }

  @Authenticated(Permission.AccountSelf) @Post('notifications/:id/unread') @HttpCode(204)
  unread(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.inbox.markRead(actor, id, false);
  }

  @Authenticated(Permission.AccountSelf) @Get('notification-preferences')
  preferences(@CurrentActor() actor: Actor) {
    return this.inbox.preferences(actor);
  }

  @Authenticated(Permission.AccountSelf) @Put('notification-preferences')
  updatePreferences(@CurrentActor() actor: Actor, @Body() body: UpdatePreferencesRequest) {
    return this.inbox.updatePreferences(actor, body);
  }
}
