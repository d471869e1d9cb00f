import { Module } from '@nestjs/common';
import { TraceService } from './trace.service.js';

/** Reading across the whole lifecycle for auditors and staff: the last library, nothing depends on it. */
@Module({ providers: [TraceService], exports: [TraceService] })
export class ReportsModule {}
