import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Authenticated, Permission } from '#access';
import { AuditLogService } from '#audit';
import { PageQuery } from '#core';
import { ChainVerificationResponse, PageAuditLogEntryResponse } from '../http/responses.js';

class AuditLogQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'application', description: 'Typ objektu / object type' }) @IsOptional() @IsString() @MaxLength(100) objectType?: string;
  @ApiPropertyOptional({ description: 'Id objektu / object id' }) @IsOptional() @IsString() @MaxLength(100) objectId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Kdo jednal / who acted' }) @IsOptional() @IsUUID() actorUserId?: string;
  @ApiPropertyOptional({ example: 'application.submitted', description: 'Akce / action' }) @IsOptional() @IsString() @MaxLength(100) action?: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Od (včetně) / from (inclusive)' }) @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Do / to' }) @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Authenticated(Permission.AuditRead)
  @Get()
  @ApiOkResponse({ type: PageAuditLogEntryResponse })
  search(@Query() query: AuditLogQuery): Promise<PageAuditLogEntryResponse> {
    return this.audit.search(query, query);
  }

  @Authenticated(Permission.AuditVerify)
  @Get('verify')
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verifyChain();
  }
}
