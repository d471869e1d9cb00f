import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Authenticated, CurrentActor, Permission, Public } from '#access';
import type { Actor } from '#core';
import { ClockService } from '#database';

export class ClockStateResponse {
  @ApiProperty({ example: '2023-01-20T09:00:00.000Z', description: 'The system\'s "now" (moved, if the clock is moved)' }) now: string;
  @ApiProperty({ example: 0, description: 'How far the clock runs ahead of real time (ms; negative: behind)' }) offsetMs: number;
  @ApiProperty({ description: "Whether admins may move this system's clock (never in production)" }) movable: boolean;
}

export class MoveClockRequest {
  @ApiPropertyOptional({ example: '2023-01-20T09:00:00+01:00', description: 'The instant the clock should show now' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'Back to real time' }) @IsOptional() @IsBoolean() reset?: boolean;
  @ApiProperty({ example: 'Nácvik kola: rozhodnutí Rady' }) @IsString() @MinLength(3) @MaxLength(2000) reason: string;
}

/** The system's clock: anyone may read it (the portal's header shows a moved one); admins move it outside production. */
@ApiTags('system')
@Controller()
export class ClockController {
  constructor(private readonly clock: ClockService) {}

  @Public()
  @Get('system/clock')
  @ApiOkResponse({ type: ClockStateResponse })
  state(): ClockStateResponse {
    return this.clock.state();
  }

  @Authenticated(Permission.SystemClockManage)
  @Put('admin/clock')
  @ApiOkResponse({ type: ClockStateResponse })
  move(@CurrentActor() actor: Actor, @Body() body: MoveClockRequest): Promise<ClockStateResponse> {
    return this.clock.move(actor, body);
  }
}
