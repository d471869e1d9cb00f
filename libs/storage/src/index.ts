export * from './file-storage.js';
export * from './local-disk.storage.js';
export * from './content-type.js';
export * from './storage.module.js';
