export * from './naming-strategy.js';
export * from './money.transformer.js';
export * from './data-source.js';
export * from './migrate.js';
export * from './provision.js';
export * from './unit-of-work.js';
export * from './database.module.js';
export * from './read-all.js';
