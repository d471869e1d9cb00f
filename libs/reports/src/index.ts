export * from './reports.module.js';
export * from './trace.service.js';
export * from './dto.js';
