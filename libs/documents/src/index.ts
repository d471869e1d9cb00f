export * from './pdf-document.js';
export * from './application-receipt.js';
export * from './commission-minutes.js';
