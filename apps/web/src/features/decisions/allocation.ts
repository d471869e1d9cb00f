/**
 * The allocation left, live as amounts are typed: what the guards hold now (GET /calls/{id}/funding) minus what this
 * resolution would add, per budget area and for the call. Exact (integer haléře), like the server; the server
 * still decides (concurrent resolutions), this only shows where a row would cross the line before it is sent.
 */
import { fromHalere, toHalere } from '../../lib/format';

export interface DraftRowMoney {
  applicationId: string;
  budgetAreaId: string | null;
  /** The amount this row would approve (0 for a rejection), a decimal string; null while not a valid amount. */
  amount: string | null;
  /** The amount of the decision in force that this row replaces (0 when there is none). */
  previous: string;
}

export interface AllocationLine {
  key: string;
  allocation: string;
  approved: string;
  /** What this resolution adds (negative when it lowers grants). */
  change: string;
  /** Allocation − approved − change. */
  remaining: string;
  over: boolean;
}

export interface LiveAllocation {
  call: AllocationLine;
  areas: (AllocationLine & { code: string; name: string })[];
  /** Rows at which the running total of their area or of the call first goes over (in the order given). */
  overRows: Set<string>;
}

interface FundingInput {
  call: { allocation: string; approved: string };
  areas: { budgetAreaId: string; code: string; name: string; allocation: string; approved: string }[];
}

export function liveAllocation(funding: FundingInput, rows: readonly DraftRowMoney[]): LiveAllocation {
  const delta = (row: DraftRowMoney) => toHalere(row.amount ?? row.previous) - toHalere(row.previous);
  const line = (key: string, allocation: string, approved: string, change: bigint): AllocationLine => {
    const remaining = toHalere(allocation) - toHalere(approved) - change;
    return { key, allocation, approved, change: fromHalere(change), remaining: fromHalere(remaining), over: remaining < 0n };
  };
  const overRows = new Set<string>();
  const crossing = (scope: readonly DraftRowMoney[], left: bigint) => {
    let running = 0n;
    for (const row of scope) {
      const d = delta(row);
      running += d;
      if (running > left && d > 0n) {
        overRows.add(row.applicationId);
        return;
      }
    }
  };
  const areas = funding.areas.map((area) => {
    const scope = rows.filter((r) => r.budgetAreaId === area.budgetAreaId);
    crossing(scope, toHalere(area.allocation) - toHalere(area.approved));
    return {
      ...line(
        area.budgetAreaId,
        area.allocation,
        area.approved,
        scope.reduce((sum, r) => sum + delta(r), 0n),
      ),
      code: area.code,
      name: area.name,
    };
  });
  crossing(rows, toHalere(funding.call.allocation) - toHalere(funding.call.approved));
  return {
    call: line(
      'call',
      funding.call.allocation,
      funding.call.approved,
      rows.reduce((sum, r) => sum + delta(r), 0n),
    ),
    areas,
    overRows,
  };
}
