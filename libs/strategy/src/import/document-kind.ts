import { cleanText, splitLines } from './text.js';
import type { DocumentKind } from './types.js';

// Each document is recognised by its own title line, not by words that the other one may quote
// (the action plan's introduction names the Koncepce, with its period, in the middle of a sentence).
export const ACTION_PLAN_TITLE = /^Akční plán Koncepce\b.*\bpro rok\s+(\d{4})$/u;
export const KONCEPCE_TITLE = /^Koncepce hl\. ?m\. ?Prahy\b.*?\b(\d{4})\s*[–-]\s*(\d{4})\b/u;

export function detectDocumentKind(text: string): DocumentKind | null {
  for (const raw of splitLines(text)) {
    const line = cleanText(raw);
    if (ACTION_PLAN_TITLE.test(line)) return 'action-plan';
    if (KONCEPCE_TITLE.test(line)) return 'koncepce';
  }
  return null;
}

/** The first line matching a title pattern, cleaned, with the pattern's captures. */
export function findTitleLine(lines: readonly string[], pattern: RegExp): { title: string; captures: string[] } | null {
  for (const raw of lines) {
    const title = cleanText(raw);
    const match = pattern.exec(title);
    if (match) return { title, captures: match.slice(1) };
  }
  return null;
}
