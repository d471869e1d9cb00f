/**
 * Submitting is legally meaningful, so it must happen once: the browser makes an Idempotency-Key per draft
 * version, keeps it in sessionStorage (a reload retries with the same key) and repeats the request with it
 * while the network fails. The server answers a repeat with the same receipt.
 */
import { api, call } from '../../api/client';
import { NetworkError } from '../../api/errors';
import { whenOnline } from '../../lib/connection';
import type { SubmissionReceipt } from './types';

const storageKey = (applicationId: string, draftVersion: number) => `grants.submit:${applicationId}:${draftVersion}`;

export function idempotencyKeyFor(applicationId: string, draftVersion: number): string {
  const name = storageKey(applicationId, draftVersion);
  try {
    const stored = window.sessionStorage.getItem(name);
    if (stored) return stored;
    const key = crypto.randomUUID();
    window.sessionStorage.setItem(name, key);
    return key;
  } catch {
    return crypto.randomUUID();
  }
}

export async function submitApplication(applicationId: string, draftVersion: number, maxAttempts = 6): Promise<SubmissionReceipt> {
  const key = idempotencyKeyFor(applicationId, draftVersion);
  for (let attempt = 1; ; attempt++) {
    try {
      const receipt = await call<SubmissionReceipt>(api.POST('/api/v1/applications/{id}/submit', { params: { path: { id: applicationId } }, headers: { 'Idempotency-Key': key } }));
      try {
        window.sessionStorage.removeItem(storageKey(applicationId, draftVersion));
      } catch {
        // storage blocked: nothing to clean
      }
      return receipt;
    } catch (error) {
      if (!(error instanceof NetworkError) || attempt >= maxAttempts) throw error;
      await whenOnline();
      // Back off a little when online but the server did not answer (busy at 23:59).
      await new Promise((resolve) => setTimeout(resolve, Math.min(4000, 250 * 2 ** attempt)));
    }
  }
}
