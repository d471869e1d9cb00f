export * from './outbox-event.entity.js';
export * from './outbox.writer.js';
export * from './outbox.relay.js';
export * from './outbox.module.js';
export * from './outbox-handlers.js';
