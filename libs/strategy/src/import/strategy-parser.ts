import { parseActionPlan } from './action-plan-parser.js';
import { detectDocumentKind } from './document-kind.js';
import { parseKoncepce } from './koncepce-parser.js';
import type { ParsedDocument } from './types.js';

export { detectDocumentKind } from './document-kind.js';
export type { ActivityDetails, DocumentKind, MeasureDetails, ParsedDocument, ParsedNode, SkipRule, StrategyLevel, UnplacedLine } from './types.js';

/**
 * Parses the text of the Koncepce (portal listing) or of its action plan (PDF-to-text export)
 * into the strategy tree. Pure: no I/O, no framework.
 */
export function parseStrategyDocument(text: string): ParsedDocument {
  const kind = detectDocumentKind(text);
  switch (kind) {
    case 'action-plan':
      return parseActionPlan(text);
    case 'koncepce':
      return parseKoncepce(text);
    case null:
      throw new Error(
        'Cannot tell which strategy document this is: expected a title line "Akční plán Koncepce … pro rok YYYY" ' +
          '(action plan) or "Koncepce hl. m. Prahy … YYYY–YYYY" (Koncepce).',
      );
  }
}
