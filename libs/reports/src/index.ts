export * from './reports.module.js';
export * from './trace.service.js';
export * from './dto.js';
export * from './open-data.service.js';
export * from './fulfilment.service.js';
export * from './dossier.service.js';
