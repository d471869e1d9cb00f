import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Public } from '#access';
import { PageQuery } from '#core';
import { STRATEGY_LEVELS, StrategyService } from '#strategy';
import type { StrategyLevelName } from '#strategy';
import { PageStrategyNodeResponse, StrategyNodeDetailResponse, StrategyTreeResponse, StrategyVersionResponse } from '../http/responses.js';

class StrategySearchQuery extends PageQuery {
  @IsString() @MinLength(1) @MaxLength(200) q: string;
  @IsOptional() @IsUUID() versionId?: string;
  @IsOptional() @IsIn(STRATEGY_LEVELS) level?: StrategyLevelName;
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  fundedByGrantProgramme?: boolean;
}

/** The strategy is a public document: its catalogue is readable without signing in. */
@ApiTags('strategy')
@Controller('strategy')
export class StrategyController {
  constructor(private readonly strategy: StrategyService) {}

  @Public()
  @Get('versions')
  @ApiOkResponse({ type: StrategyVersionResponse, isArray: true })
  versions(): Promise<readonly StrategyVersionResponse[]> {
    return this.strategy.versions();
  }

  @Public()
  @Get('versions/:id/tree')
  @ApiOkResponse({ type: StrategyTreeResponse })
  tree(@Param('id', ParseUUIDPipe) id: string): Promise<StrategyTreeResponse> {
    return this.strategy.tree(id);
  }

  @Public()
  @Get('nodes/:id')
  @ApiOkResponse({ type: StrategyNodeDetailResponse })
  node(@Param('id', ParseUUIDPipe) id: string): Promise<StrategyNodeDetailResponse> {
    return this.strategy.node(id);
  }

  @Public()
  @Get('search')
  @ApiOkResponse({ type: PageStrategyNodeResponse })
  search(@Query() query: StrategySearchQuery): Promise<PageStrategyNodeResponse> {
    return this.strategy.search(query, query);
  }
}
