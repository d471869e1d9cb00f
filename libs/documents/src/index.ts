export * from './pdf-document.js';
export * from './application-receipt.js';
