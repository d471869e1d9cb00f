/**
 * Bulk acceptance in the formal check: of the selected applications, those the machine found nothing wrong
 * with get every checklist item confirmed as OK and are accepted (POST /formal-checks/accept, each in its own
 * transaction); the rest are left for a person, and the report says per application what happened and why.
 */
import { api, call } from '../../api/client';
import { ProblemError } from '../../api/errors';
import type { Locale } from '../../lib/format';
import { FORMAL_CHECK_ITEMS } from './types';
import type { BulkResult, FormalCheck } from './types';

export interface BulkReportRow {
  id: string;
  outcome: 'accepted' | 'skipped' | 'failed';
  message: string;
}

export const findingsOf = (check: FormalCheck) => FORMAL_CHECK_ITEMS.flatMap((item) => check.items[item].findings);

/** Runs `work` over `items`, `limit` at a time, keeping the order of the results. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function acceptWithoutFindings(ids: readonly string[], locale: Locale, note: string, onProgress?: (done: number) => void): Promise<BulkReportRow[]> {
  let done = 0;
  const prepared = await inBatches(ids, 4, async (id): Promise<BulkReportRow> => {
    try {
      const check = await call<FormalCheck>(api.GET('/api/v1/applications/{id}/formal-check', { params: { path: { id } } }));
      const findings = findingsOf(check);
      if (findings.length > 0) return { id, outcome: 'skipped', message: findings.map((f) => f.message[locale]).join(' ') };
      const ok = { result: 'ok' as const, note };
      await call(
        api.PUT('/api/v1/applications/{id}/formal-check', {
          params: { path: { id } },
          body: { eligibility: ok, completeness: ok, annexes: ok, budget: ok, declarations: ok },
        }),
      );
      return { id, outcome: 'accepted', message: '' };
    } catch (error) {
      return { id, outcome: 'failed', message: error instanceof ProblemError ? error.message : String(error) };
    } finally {
      onProgress?.(++done);
    }
  });
  const ready = prepared.filter((r) => r.outcome === 'accepted').map((r) => r.id);
  const byId = new Map(prepared.map((r) => [r.id, r]));
  for (let start = 0; start < ready.length; start += 200) {
    const batch = ready.slice(start, start + 200);
    const result = await call<BulkResult>(api.POST('/api/v1/formal-checks/accept', { body: { applicationIds: batch } }));
    for (const failure of result.failed) byId.set(failure.id, { id: failure.id, outcome: 'failed', message: failure.message[locale] });
  }
  return ids.map((id) => byId.get(id)!);
}
