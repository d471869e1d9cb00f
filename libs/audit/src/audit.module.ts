import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service.js';
import { AuditLogWriter } from './audit-log.writer.js';

@Module({ providers: [AuditLogWriter, AuditLogService], exports: [AuditLogService] })
export class AuditModule {}
