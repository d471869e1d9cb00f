import { ordinalAsRoman, sourceCodeIfDifferent } from './codes.js';
import { findTitleLine, KONCEPCE_TITLE } from './document-kind.js';
import { ParseReport } from './parse-report.js';
import { PRIORITY_NAMES } from './priority-names.js';
import { cleanText, isBlank, splitLines } from './text.js';
import { makeNode, StrategyTreeBuilder, type Placement } from './tree-builder.js';
import type { ParsedDocument, ParsedNode } from './types.js';

// Reads the Koncepce as listed on the city's portal: one item per line, numbered hierarchically.
//   1.A. Integrace cizinců jako průřezová agenda          area (priority 1 is implicit)
//   2.B.13 Ukotvení a další rozvoj agendy …               goal = action-plan sub-goal 13
//   2.B.13.II Podpora realizace integračních aktivit …    Koncepce measure 13.II
//   Deskriptory:  followed by  VIII.e začleňování cizinců  policy descriptors of the goal above
// Goals are numbered 1–34 across the whole document, which is why '2.B.13' is simply sub-goal 13.

const AREA_LINE = /^((\d)\.([A-Z]))\.?\s+(\S.*)$/u;
const GOAL_LINE = /^((\d)\.([A-Z])\.(\d{1,2}))\.?\s+(\S.*)$/u;
const MEASURE_LINE = /^((\d)\.([A-Z])\.(\d{1,2})\.([IVX]{1,6}))\.?\s+(\S.*)$/u;
const DESCRIPTORS_HEADING = /^Deskriptory:?$/u;
// 'VIII.e začleňování cizinců': a Roman chapter, a letter, the descriptor's name.
const DESCRIPTOR_LINE = /^[IVXL]+\.[a-z]\s+\S/u;
// The portal's banner and logo text, repeated on every printed page.
const PAGE_HEADER_FOOTER: readonly RegExp[] = [/^Vývoj portálu je financován\b/u, /^hlavní město PRAHA$/iu];

export function parseKoncepce(text: string): ParsedDocument {
  const lines = splitLines(text);
  const title = findTitleLine(lines, KONCEPCE_TITLE);
  if (title === null) throw new Error('Not a Koncepce: no title line "Koncepce hl. m. Prahy … YYYY–YYYY".');

  const reader = new KoncepceReader();
  lines.forEach((line, index) => reader.read(line, index + 1));
  const { tree, report } = reader.finish();

  return {
    kind: 'koncepce',
    title: title.title,
    year: null,
    periodFrom: Number.parseInt(title.captures[0], 10),
    periodTo: Number.parseInt(title.captures[1], 10),
    roots: tree.roots,
    counts: tree.counts(),
    unplaced: report.unplacedSorted,
    skipped: report.skipped,
  };
}

class KoncepceReader {
  private readonly tree = new StrategyTreeBuilder();
  private readonly report = new ParseReport();
  private titleSkipped = false;
  /** The goal whose "Deskriptory:" list is being read, if any. */
  private descriptorsOf: ParsedNode | null = null;
  /** The last node placed: a "Deskriptory:" list belongs to the goal right above it. */
  private lastPlaced: ParsedNode | null = null;

  read(text: string, line: number): void {
    if (isBlank(text)) return;
    const clean = cleanText(text);
    if (!this.titleSkipped && KONCEPCE_TITLE.test(clean)) {
      this.titleSkipped = true;
      return this.report.skip('title');
    }
    if (PAGE_HEADER_FOOTER.some((pattern) => pattern.test(clean))) return this.report.skip('page-header-footer');
    if (this.descriptorsOf !== null && DESCRIPTOR_LINE.test(clean)) {
      (this.descriptorsOf.descriptors ??= []).push(clean);
      return;
    }
    this.descriptorsOf = null;
    const placement = this.place(clean, line);
    if (placement !== null) this.report.unplaced(line, text, placement);
  }

  finish(): { tree: StrategyTreeBuilder; report: ParseReport } {
    return { tree: this.tree, report: this.report };
  }

  private place(clean: string, line: number): Placement {
    if (DESCRIPTORS_HEADING.test(clean)) return this.startDescriptors();
    const measure = MEASURE_LINE.exec(clean);
    if (measure) return this.placeMeasure(measure, line);
    const goal = GOAL_LINE.exec(clean);
    if (goal) return this.placeGoal(goal, line);
    const area = AREA_LINE.exec(clean);
    if (area) return this.placeArea(area, line);
    return 'not an area, goal, measure or descriptor line';
  }

  private startDescriptors(): Placement {
    if (this.lastPlaced?.level !== 'subgoal') return '"Deskriptory:" does not follow a goal';
    this.descriptorsOf = this.lastPlaced;
    return null;
  }

  private placeArea([, written, priorityNumber, letter, name]: RegExpExecArray, line: number): Placement {
    const priorityCode = String(Number.parseInt(priorityNumber, 10));
    const missingPriority = this.ensurePriority(priorityCode, line);
    if (missingPriority !== null) return missingPriority;
    const code = `${priorityCode}.${letter}`;
    return this.placed(makeNode('area', code, name, line, sourceCodeIfDifferent(written, code)), priorityCode);
  }

  private placeGoal([, written, , , goalNumber, name]: RegExpExecArray, line: number): Placement {
    const code = String(Number.parseInt(goalNumber, 10));
    const areaCode = written.slice(0, written.lastIndexOf('.'));
    return this.placed(makeNode('subgoal', code, name, line, sourceCodeIfDifferent(written, code)), areaCode);
  }

  private placeMeasure([, written, , , goalNumber, ordinal, name]: RegExpExecArray, line: number): Placement {
    const roman = ordinalAsRoman(ordinal);
    if (roman === null) return `measure ordinal ${ordinal} is not a Roman numeral`;
    const goal = this.tree.currentNode('subgoal');
    const goalWritten = written.slice(0, written.lastIndexOf('.'));
    // The goal's number alone is ambiguous across areas; its full written code must match too.
    if (goal !== undefined && (goal.sourceCode ?? goal.code) !== goalWritten) {
      return `measure ${written} belongs to goal ${goalWritten}, but it follows goal ${goal.sourceCode ?? goal.code}`;
    }
    const goalCode = String(Number.parseInt(goalNumber, 10));
    const code = `${goalCode}.${roman}`;
    return this.placed(makeNode('measure', code, name, line, sourceCodeIfDifferent(written, code)), goalCode);
  }

  /** Priorities are not listed: the first area of each priority brings it into the tree. */
  private ensurePriority(priorityCode: string, line: number): Placement {
    if (this.tree.currentNode('priority')?.code === priorityCode) return null;
    const name = PRIORITY_NAMES[Number.parseInt(priorityCode, 10) - 1];
    if (name === undefined) return `priority ${priorityCode} does not exist (the Koncepce has ${PRIORITY_NAMES.length})`;
    return this.tree.addPriority(makeNode('priority', priorityCode, name, line));
  }

  private placed(node: ParsedNode, expectedParentCode: string): Placement {
    const placement = this.tree.addChild(node, expectedParentCode);
    if (placement === null) this.lastPlaced = node;
    return placement;
  }
}
