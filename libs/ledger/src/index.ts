export * from './ledger-entry.entity.js';
export * from './ledger.writer.js';
export * from './ledger.module.js';
export * from './activity-split.js';
