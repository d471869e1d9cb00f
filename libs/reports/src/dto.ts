import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, PageQuery } from '#core';

/** Filters of the trace: one node of the strategy, any period and slice of the programme. */
export class TraceQuery {
  @ApiPropertyOptional({ description: 'Rok výzvy' }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional({ example: 'I' }) @IsOptional() @Matches(/^[A-Za-z0-9.-]{1,20}$/) budgetArea?: string;
  @ApiPropertyOptional({ enum: ['city_district', 'ngo', 'other'] }) @IsOptional() @IsIn(['city_district', 'ngo', 'other']) applicantType?: 'city_district' | 'ngo' | 'other';
  @ApiPropertyOptional({ description: 'Městská část (organizace)' }) @IsOptional() @IsUUID() districtId?: string;
  @ApiPropertyOptional({ description: 'Od (datum pohybu peněz)' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ description: 'Do (včetně)' }) @IsOptional() @IsCalendarDate() to?: string;
}

export class TraceProjectsQuery extends TraceQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) page = 1;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}

export type { PageQuery };

export class FulfilmentQuery {
  @ApiPropertyOptional({ description: 'Jen jedna výzva' }) @IsOptional() @IsUUID() callId?: string;
}
