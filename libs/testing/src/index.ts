export * from './test-app.js';
export * from './grant-fixtures.js';
export * from './smtp-recorder.js';
export * from './money-fixtures.js';
export * from './infrastructure.js';
export * from './xsd.js';
