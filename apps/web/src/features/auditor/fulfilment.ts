/**
 * The fulfilment report's "asked against reported": for each indicator the action plan asks an activity
 * for, what the projects reported in their settlements (achieved against promised, per unit), and the
 * outputs reported under an indicator the plan does not name (kept, never dropped, so nothing is hidden).
 */
import type { components } from '../../api/schema';

export type FulfilmentReport = components['schemas']['FulfilmentReportResponse'];
export type FulfilmentActivity = components['schemas']['FulfilmentActivityResponse'];
export type FulfilmentOutput = components['schemas']['FulfilmentOutputResponse'];

export interface IndicatorRow {
  indicator: string;
  /** Asked for by the action plan (false: reported, but under a name the plan does not use). */
  asked: boolean;
  /** What was reported under it, one item per unit; empty when nothing was reported. */
  outputs: readonly FulfilmentOutput[];
}

/** Compares names as people type them: case, diacritics and spacing aside. */
const key = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export function indicatorRows(activity: Pick<FulfilmentActivity, 'indicators' | 'outputs'>): IndicatorRow[] {
  const rows: IndicatorRow[] = activity.indicators.map((indicator) => ({ indicator, asked: true, outputs: [] as FulfilmentOutput[] }));
  const byKey = new Map(rows.map((r) => [key(r.indicator), r]));
  for (const output of activity.outputs) {
    const row = byKey.get(key(output.indicator));
    if (row) (row.outputs as FulfilmentOutput[]).push(output);
    else {
      const extra: IndicatorRow = { indicator: output.indicator, asked: false, outputs: [output] };
      byKey.set(key(output.indicator), extra);
      rows.push(extra);
    }
  }
  return rows;
}

/** Achieved as a whole per cent of promised (rounded down), or null when nothing was promised. */
export function achievedPercent(output: Pick<FulfilmentOutput, 'promised' | 'achieved'>): number | null {
  if (!(output.promised > 0)) return null;
  return Math.floor((output.achieved * 100) / output.promised);
}
