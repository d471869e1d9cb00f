import type { SkipRule, UnplacedLine } from './types.js';

/** Collects what a parser did not put into the tree: lines skipped by rule, and lines it could not place. */
export class ParseReport {
  private readonly unplacedLines: UnplacedLine[] = [];
  private readonly skippedByRule: Partial<Record<SkipRule, number>> = {};

  skip(rule: SkipRule, lineCount = 1): void {
    this.skippedByRule[rule] = (this.skippedByRule[rule] ?? 0) + lineCount;
  }

  unplaced(line: number, text: string, reason: string): void {
    this.unplacedLines.push({ line, text, reason });
  }

  get unplacedSorted(): UnplacedLine[] {
    return [...this.unplacedLines].sort((a, b) => a.line - b.line);
  }

  get skipped(): Partial<Record<SkipRule, number>> {
    return { ...this.skippedByRule };
  }
}
