export * from './mail-sender.js';
export * from './account-mails.js';
export * from './outbox-event.processor.js';
export * from './notifications.module.js';
