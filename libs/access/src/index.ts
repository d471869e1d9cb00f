export * from './permissions.js';
export * from './decorators.js';
export * from './authenticator.js';
export * from './access.guard.js';
export * from './access.service.js';
export * from './access.module.js';
export * from './attempt-limiter.js';
