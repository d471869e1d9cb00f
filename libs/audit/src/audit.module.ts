import { Module } from '@nestjs/common';
import { AuditLogService } from './audit-log.service.js';
import { AuditLogWriter } from './audit-log.writer.js';
import { AuditWitness } from './audit-witness.js';

@Module({ providers: [AuditLogWriter, AuditLogService, AuditWitness], exports: [AuditLogService, AuditWitness] })
export class AuditModule {}
