import { DomainError } from './domain-error.js';
import type { LocalisedText } from './domain-error.js';

/** A bulk action's answer: what succeeded, and for each item that did not, why. */
export interface BulkResult {
  succeeded: string[];
  failed: { id: string; code: string; message: LocalisedText }[];
}

/**
 * Runs one action per item, each on its own (its own transaction, its own audit entry), in the
 * order given. A domain refusal fails only that item and is reported with its code; anything else
 * (a bug, a lost connection) stops the run and surfaces as usual.
 */
export async function eachReported(ids: readonly string[], action: (id: string) => Promise<unknown>): Promise<BulkResult> {
  const result: BulkResult = { succeeded: [], failed: [] };
  for (const id of ids) {
    try {
      await action(id);
      result.succeeded.push(id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      result.failed.push({ id, code: error.code, message: error.text });
    }
  }
  return result;
}
