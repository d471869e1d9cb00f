import { StatusMachine } from '#core';

export const CALL_STATUSES = ['draft', 'published', 'open', 'closed', 'in_evaluation', 'decided', 'archived'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export type CallAction = 'publish' | 'open' | 'close' | 'start_evaluation' | 'mark_decided' | 'archive';

/** Opening and closing are driven by the Clock (CallService.advanceByClock); the rest by staff. */
export const CALL_MACHINE = new StatusMachine<CallStatus, CallAction>(
  'call',
  {
    publish: { from: ['draft'], to: 'published' },
    open: { from: ['published'], to: 'open' },
    close: { from: ['open'], to: 'closed' },
    start_evaluation: { from: ['closed'], to: 'in_evaluation' },
    mark_decided: { from: ['in_evaluation'], to: 'decided' },
    archive: { from: ['decided'], to: 'archived' },
  },
  {
    draft: { cs: 'koncept', en: 'draft' },
    published: { cs: 'zveřejněný', en: 'published' },
    open: { cs: 'příjem žádostí', en: 'open for applications' },
    closed: { cs: 'příjem ukončen', en: 'closed' },
    in_evaluation: { cs: 'hodnocení', en: 'in evaluation' },
    decided: { cs: 'rozhodnuto', en: 'decided' },
    archived: { cs: 'archivováno', en: 'archived' },
  },
  {
    publish: { cs: 'zveřejnit', en: 'publish' },
    open: { cs: 'zahájit příjem žádostí', en: 'open for applications' },
    close: { cs: 'ukončit příjem žádostí', en: 'close' },
    start_evaluation: { cs: 'zahájit hodnocení', en: 'start evaluation' },
    mark_decided: { cs: 'označit jako rozhodnutý', en: 'mark as decided' },
    archive: { cs: 'archivovat', en: 'archive' },
  },
);

/**
 * The status a call has at `now`: the stored one, moved on by the clock where its moment has passed
 * (published → open at the start of the application period, → closed at its end). Reads show this;
 * only the worker's clock and the next write on the call store it.
 */
export function callStatusAt(stored: CallStatus, opensAt: Date | null, closesAt: Date | null, now: Date): CallStatus {
  let status = stored;
  for (const [action, at] of [
    ['open', opensAt],
    ['close', closesAt],
  ] as const) {
    if (at && at <= now && CALL_MACHINE.can(action, status)) status = CALL_MACHINE.assert(action, status);
  }
  return status;
}

/** The same rule in SQL over a grant_call alias, for filters; `now` is a parameter placeholder. */
export const callStatusAtSql = (alias: string, now: string) =>
  `(CASE WHEN ${alias}.status IN ('published','open') AND ${alias}.closes_at <= ${now} THEN 'closed'
         WHEN ${alias}.status = 'published' AND ${alias}.opens_at <= ${now} THEN 'open' ELSE ${alias}.status END)`;
