export * from './entities.js';
export * from './dto.js';
export * from './organisation.service.js';
export * from './organisations.module.js';
export * from './verification.js';
