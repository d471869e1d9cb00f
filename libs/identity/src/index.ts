export * from './entities.js';
export * from './dto.js';
export * from './user.mapper.js';
export * from './auth.service.js';
export * from './user.service.js';
export * from './identity.module.js';
export * from './demo-accounts.js';
