import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '#core';
import { PAIN_VERSIONS } from './pain001.js';
import type { PainVersion } from './pain001.js';

export class Pain001ExportQuery {
  @ApiPropertyOptional({ enum: PAIN_VERSIONS, description: 'Verze pain.001 (výchozí z konfigurace) / the pain.001 version (default from the configuration)' })
  @IsOptional()
  @IsIn(PAIN_VERSIONS)
  version?: PainVersion;

  @ApiPropertyOptional({ format: 'uuid', description: 'Jen příkazy této výzvy / only the orders of this call' }) @IsOptional() @IsUUID() callId?: string;
}

export const STATEMENT_LINE_STATUSES = ['matched', 'unmatched', 'resolved'] as const;

export class StatementLineQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATEMENT_LINE_STATUSES }) @IsOptional() @IsIn(STATEMENT_LINE_STATUSES) status?: (typeof STATEMENT_LINE_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'Jen řádky tohoto výpisu / only the lines of this statement' }) @IsOptional() @IsUUID() statementId?: string;
}

export const STATEMENT_MATCH_TYPES = ['payment', 'settlement', 'breach'] as const;

/** A person's resolution of a line the import could not match: what it pays (then recorded as the import would), or only why it is none of ours. */
export class ResolveStatementLineRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional({ enum: STATEMENT_MATCH_TYPES, description: 'Co řádek platí / what the line pays; bez něj jen poznámka / without it, only the note' })
  @IsOptional()
  @IsIn(STATEMENT_MATCH_TYPES)
  matchType?: (typeof STATEMENT_MATCH_TYPES)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @ValidateIf((o: ResolveStatementLineRequest) => o.matchType !== undefined) @IsUUID() matchId?: string;
  @ApiProperty({ example: 'Vratka dotace zaslaná s chybným variabilním symbolem.' }) @IsString() @MinLength(3) @MaxLength(500) note: string;
}
