export * from './app-config.js';
export * from './config.module.js';
export * from './legal-rules.js';
export * from './logger.js';
