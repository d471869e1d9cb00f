export { ACTIVITY_COLUMNS, isFundedByGrantProgramme, parseIndicators, splitGuarantorAndPartners } from './activity-fields.js';
export { parseActionPlan } from './action-plan-parser.js';
export { matchActivityCode, matchMeasureCode, ordinalAsRoman, toRoman } from './codes.js';
export { parseCzkAmount, yearlyCostCzk } from './czk-amount.js';
export { detectDocumentKind } from './document-kind.js';
export { parseKoncepce } from './koncepce-parser.js';
export { PRIORITY_NAMES } from './priority-names.js';
export { parseStrategyDocument } from './strategy-parser.js';
export { STRATEGY_LEVELS } from './types.js';
export type {
  ActivityDetails,
  DocumentKind,
  MeasureDetails,
  ParsedDocument,
  ParsedNode,
  SkipRule,
  StrategyLevel,
  UnplacedLine,
} from './types.js';
