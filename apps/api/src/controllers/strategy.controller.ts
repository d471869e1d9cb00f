import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Public } from '#access';
import { PageQuery } from '#core';
import { STRATEGY_LEVELS, StrategyService } from '#strategy';
import type { StrategyLevelName } from '#strategy';

class StrategySearchQuery extends PageQuery {
  @IsString() @MinLength(1) @MaxLength(200) q: string;
  @IsOptional() @IsUUID() versionId?: string;
  @IsOptional() @IsIn(STRATEGY_LEVELS) level?: StrategyLevelName;
  @IsOptional() @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  fundedByGrantProgramme?: boolean;
}

/** The strategy is a public document: its catalogue is readable without signing in. */
@ApiTags('strategy')
@Controller('strategy')
export class StrategyController {
  constructor(private readonly strategy: StrategyService) {}

  @Public() @Get('versions')
  versions() {
    return this.strategy.versions();
  }

  @Public() @Get('versions/:id/tree')
  tree(@Param('id', ParseUUIDPipe) id: string) {
    return this.strategy.tree(id);
  }

  @Public() @Get('nodes/:id')
  node(@Param('id', ParseUUIDPipe) id: string) {
    return this.strategy.node(id);
  }

  @Public() @Get('search')
  search(@Query() query: StrategySearchQuery) {
    return this.strategy.search(query, query);
  }
}
