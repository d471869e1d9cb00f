import { Module } from '@nestjs/common';
import { DossierService } from './dossier.service.js';
import { FulfilmentService } from './fulfilment.service.js';
import { OpenDataService } from './open-data.service.js';
import { TraceService } from './trace.service.js';

/** Reading across the whole lifecycle for auditors and staff: the last library, nothing depends on it. */
@Module({ providers: [TraceService, OpenDataService, FulfilmentService, DossierService], exports: [TraceService, OpenDataService, FulfilmentService, DossierService] })
export class ReportsModule {}
