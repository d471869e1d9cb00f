import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Authenticated, Permission } from '#access';
import { AuditLogService } from '#audit';
import { PageQuery } from '#core';
import { ChainVerificationResponse, PageAuditLogEntryResponse } from '../http/responses.js';

class AuditLogQuery extends PageQuery {
  @IsOptional() @IsString() @MaxLength(100) objectType?: string;
  @IsOptional() @IsString() @MaxLength(100) objectId?: string;
  @IsOptional() @IsUUID() actorUserId?: string;
  @IsOptional() @IsString() @MaxLength(100) action?: string;
  @IsOptional() @Type(() => Date) @IsDate() from?: Date;
  @IsOptional() @Type(() => Date) @IsDate() to?: Date;
}

@ApiTags('audit')
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Authenticated(Permission.AuditRead) @Get()
  @ApiOkResponse({ type: PageAuditLogEntryResponse })
  search(@Query() query: AuditLogQuery): Promise<PageAuditLogEntryResponse> {
    return this.audit.search(query, query);
  }

  @Authenticated(Permission.AuditVerify) @Get('verify')
  @ApiOkResponse({ type: ChainVerificationResponse })
  verify(): Promise<ChainVerificationResponse> {
    return this.audit.verifyChain();
  }
}
