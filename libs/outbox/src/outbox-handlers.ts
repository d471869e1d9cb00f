import { Injectable, Logger } from '@nestjs/common';
import type { OutboxEvent } from './outbox-event.entity.js';

export type OutboxHandler = (event: OutboxEvent) => Promise<void>;

/**
 * Who does what with a relayed event. Each domain library registers its own handlers when its
 * module starts (documents to render, mails to send), so the worker knows no event types and no
 * library imports a later one. Event types nobody handles yet are logged, not failed.
 */
@Injectable()
export class OutboxHandlers {
  private readonly logger = new Logger(OutboxHandlers.name);
  private readonly handlers = new Map<string, OutboxHandler[]>();

  register(type: string, handler: OutboxHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  async dispatch(event: OutboxEvent): Promise<void> {
    const handlers = this.handlers.get(event.type) ?? [];
    if (handlers.length === 0) this.logger.debug(`no handler for ${event.type} yet (outbox ${event.id})`);
    for (const handler of handlers) await handler(event);
  }
}
