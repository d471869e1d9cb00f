export * from './audit-log-entry.entity.js';
export * from './audit-chain.js';
export * from './audit-log.service.js';
export * from './audit.module.js';
export * from './audit-witness.js';
