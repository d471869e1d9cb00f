export * from './test-app.js';
export * from './grant-fixtures.js';
