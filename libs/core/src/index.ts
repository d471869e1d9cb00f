export * from './domain-error.js';
export * from './money.js';
export * from './clock.js';
export * from './ico.js';
export * from './pagination.js';
export * from './actor.js';
export * from './status-machine.js';
export * from './validators.js';
