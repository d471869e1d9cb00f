export type StrategyLevel = 'priority' | 'area' | 'subgoal' | 'measure' | 'activity';

/** Top-down order of the strategy tree. */
export const STRATEGY_LEVELS: readonly StrategyLevel[] = ['priority', 'area', 'subgoal', 'measure', 'activity'];

export type DocumentKind = 'koncepce' | 'action-plan';

export interface ActivityDetails {
  guarantor: string | null;
  partners: string | null;
  targetGroups: string | null;
  frequency: string | null;
  estimatedCostsText: string | null;
  /** Exact decimal string with two places ('1500000.00'), or null when the text is not one clear yearly amount. */
  estimatedCostsCzk: string | null;
  fundingSource: string | null;
  indicators: string[];
  fundedByGrantProgramme: boolean;
}

/**
 * The prose the action plan gives each measure besides its name. Not part of the requested
 * contract, but kept so that these rows are placed rather than thrown away.
 */
export interface MeasureDetails {
  /** "Popis opatření a aktivit". */
  description: string | null;
  /** Nature of the measure as labelled, e.g. "průběžné opatření", "Procesní opatření". */
  nature: string | null;
  /** Text the export put next to the nature label (often the tail of the description). */
  natureNote: string | null;
  /** "Cílový stav opatření / dílčího cíle …". */
  targetState: string | null;
}

export interface ParsedNode {
  level: StrategyLevel;
  /** Normalised: '1', '1.B', '13', '13.II', '13.II.1'. */
  code: string;
  /** The numbering as written, when it differs from `code` ('1.1.2', 'OPATŘENÍ 3.1', '2.B.13'). */
  sourceCode?: string;
  /** Whitespace-normalised, wrapped lines joined. */
  name: string;
  /** 1-based line where the node starts. */
  sourceLine: number;
  /** Koncepce "Deskriptory" (e.g. 'VIII.e začleňování cizinců'). */
  descriptors?: string[];
  activity?: ActivityDetails;
  measureDetails?: MeasureDetails;
  children: ParsedNode[];
}

export interface UnplacedLine {
  line: number;
  text: string;
  reason: string;
}

/**
 * Named reasons for deliberately ignoring a line that carries text. Anything not covered by
 * one of these, and not placed in the tree, ends up in `unplaced`.
 */
export type SkipRule = 'title' | 'page-header-footer' | 'table-of-contents' | 'abbreviations' | 'introduction' | 'activity-table-header' | 'table-rule';

export interface ParsedDocument {
  kind: DocumentKind;
  /** The document's own title line. */
  title: string;
  /** The plan year (2023 for the action plan); null for the multi-year Koncepce. */
  year: number | null;
  periodFrom: number;
  periodTo: number;
  /** The priorities. */
  roots: ParsedNode[];
  counts: Record<StrategyLevel, number>;
  unplaced: UnplacedLine[];
  /** How many lines each skip rule consumed, so that skipping stays visible. */
  skipped: Partial<Record<SkipRule, number>>;
}
