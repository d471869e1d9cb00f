import { yearlyCostCzk } from './czk-amount.js';
import { cellOrNull } from './text.js';
import type { ActivityDetails } from './types.js';

/** Column order of every activity table in the action plan ("Aktivity | Garant + spolupráce | …"). */
export const ACTIVITY_COLUMNS = ['activity', 'guarantorAndPartners', 'targetGroups', 'frequency', 'estimatedCosts', 'fundingSource', 'indicators'] as const;

/**
 * The column is headed "Garant + spolupráce": the guarantor (gestor) comes before the first '+',
 * the cooperating partners after it ('odd. NMC, ICP + NNO, MČ'). Without a '+' there are no partners.
 */
export function splitGuarantorAndPartners(cell: string | null): { guarantor: string | null; partners: string | null } {
  if (cell === null) return { guarantor: null, partners: null };
  const plus = cell.indexOf('+');
  if (plus < 0) return { guarantor: cell, partners: null };
  return { guarantor: cellOrNull(cell.slice(0, plus)), partners: cellOrNull(cell.slice(plus + 1)) };
}

/**
 * Indicators are either one sentence or a bulleted list flattened to '- a - b - c' by the export.
 * Only a cell that starts with a bullet is split, so a dash inside a single indicator
 * ('1. draft doporučení - rozeslán ke konzultaci') stays intact.
 */
export function parseIndicators(cell: string | null): string[] {
  if (cell === null) return [];
  if (!cell.startsWith('- ')) return [cell];
  return cell
    .slice(2)
    .split(/\s+-\s+/)
    .map((item) => item.trim())
    .filter((item) => item !== '' && item !== '-');
}

// Rule for fundedByGrantProgramme: the funding-source column names a grant programme ("dotační
// programy", "dotačního programu" …). In this plan that wording only ever refers to the
// capital's own programmes: 'rozpočet HMP (dotační programy)', 'rozpočet HMP (dotační programy
// SML MHMP / odd. NMC)', 'přímé financování HMP a dotační programy SML / odd. NMC'. External grant
// money is written differently ('externí dotační zdroje', i.e. AMIF or ministries) and must not
// match, and neither must the cost column (5.II.1 budgets "dle … podmínek dotačního programu" of
// an external funder, 6.1.1 merely announces the programme from the ordinary budget).
const GRANT_PROGRAMME = /dotačn\p{L}*\s+program/iu;
// Should a row ever name another funder's programme ('dotační program MV ČR'), it is not the capital's.
const FOREIGN_GRANT_PROGRAMME = /dotačn\p{L}*\s+program\p{L}*\s+(?:MV\b|MŠMT\b|MPSV\b|ministerst)/iu;

export function isFundedByGrantProgramme(fundingSource: string | null): boolean {
  if (fundingSource === null) return false;
  return GRANT_PROGRAMME.test(fundingSource) && !FOREIGN_GRANT_PROGRAMME.test(fundingSource);
}

/** Builds the activity fields from the seven cells of a (joined) activity row. */
export function activityDetailsFromCells(cells: readonly string[], planYear: number | null): ActivityDetails {
  const [, guarantorAndPartners, targetGroups, frequency, estimatedCosts, fundingSource, indicators] = cells;
  const costsText = cellOrNull(estimatedCosts);
  const funding = cellOrNull(fundingSource);
  return {
    ...splitGuarantorAndPartners(cellOrNull(guarantorAndPartners)),
    targetGroups: cellOrNull(targetGroups),
    frequency: cellOrNull(frequency),
    estimatedCostsText: costsText,
    estimatedCostsCzk: yearlyCostCzk(costsText, planYear),
    fundingSource: funding,
    indicators: parseIndicators(cellOrNull(indicators)),
    fundedByGrantProgramme: isFundedByGrantProgramme(funding),
  };
}
