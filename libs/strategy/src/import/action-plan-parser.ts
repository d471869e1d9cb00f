import { ACTIVITY_COLUMNS, activityDetailsFromCells } from './activity-fields.js';
import { matchActivityCode, matchMeasureCode, type CodeMatch } from './codes.js';
import { ACTION_PLAN_TITLE, findTitleLine } from './document-kind.js';
import { ParseReport } from './parse-report.js';
import { cleanText, isBlank, joinText, sentenceCase, splitCells, splitLines, withoutTrailingEmptyCells } from './text.js';
import { makeNode, StrategyTreeBuilder, type Placement } from './tree-builder.js';
import type { ParsedDocument } from './types.js';

// Reads the action plan (PDF-to-text export). Its body is a sequence of headings on lines of
// their own (PRIORITA …, "A Name", "Dílčí cíl N. Name") and tab-separated table rows: a measure
// header ("OPATŘENÍ 13.II⇥name"), the measure's detail rows ("Popis opatření a aktivit⇥…"),
// an activity table header and activity rows ("13.II.1 name⇥guarantor + partners⇥…", 7 columns).
// Rows wrap: the export continues a row on later lines (often after a blank line) that repeat
// the column layout with only the overflowing cells filled; those are joined cell by cell.

// ---- headings (never contain a tab) ----
const PRIORITY_HEADING = /^PRIORITA\s+(\S.*)$/u;
// Areas are lettered from A within each priority; the name starts with a capital letter.
const AREA_HEADING = /^([A-H])\s+(\p{Lu}.*)$/u;
const SUBGOAL_HEADING = /^Dílčí cíl\s+(\d{1,2})\.?\s+(\S.*)$/iu;

// ---- table rows ----
const ACTIVITY_TABLE_HEADER = /^Aktivit[ay]$/u;
// Markdown-like separators the export draws between table parts: "----⇥---", "--⇥--⇥--".
const TABLE_RULE = /^(?=.*--)[-\s]+$/u;
const DESCRIPTION_LABEL = /^Popis opatření a aktivit$/iu;
const NATURE_LABEL = /^(?:průběžné|procesní|jednorázové)(?:\/(?:průběžné|procesní|jednorázové))?\s+opatření(?:\s*,\s*\S.*)?$/iu;
// A lookahead instead of \b: \b does not see Czech letters as word characters.
const TARGET_STATE_LABEL = /^Cílový stav\s+(?:opatření|dílčího cíle)(?=\s|$)/iu;
const COMPLETE_TARGET_STATE_LABEL = /^Cílový stav\s+(?:opatření|dílčího cíle)\s+(?:po naplnění AP|za období)\s+\d{4}\s*-\s*\d{4}$/iu;

// ---- page furniture (none survives in the 2023 seed, but a fresh export may carry it) ----
const PAGE_HEADER_FOOTER: readonly RegExp[] = [/^\d{1,3}$/u, /^(?:Strana|Stránka)\s+\d+(?:\s+z\s+\d+)?$/iu];

// ---- front matter: everything before the first PRIORITA heading ----
type FrontMatterSection = 'table-of-contents' | 'abbreviations' | 'introduction';
const FRONT_MATTER_HEADINGS: readonly { heading: RegExp; section: FrontMatterSection }[] = [
  { heading: /^Obsah$/u, section: 'table-of-contents' },
  // The seed spells this heading "Seznam zkratk".
  { heading: /^Seznam zkrat\p{L}*$/u, section: 'abbreviations' },
  { heading: /^Úvod$/u, section: 'introduction' },
];
// The shape every line of a front-matter section has; anything else there is reported.
const FRONT_MATTER_LINE: Readonly<Record<FrontMatterSection, RegExp>> = {
  'table-of-contents': /\t\s*\d+\s*$/u, // "B Financování oblasti integrace cizinců.....⇥9"
  abbreviations: /^[^\t]+\t[^\t]+$/u, // "MČ⇥městské části"
  introduction: /\S/u, // free prose describing the plan, outside the strategy tree
};

type MeasureDetailField = 'description' | 'nature' | 'targetState';
type RowKind = 'measure' | 'measure-detail' | 'activity-table-header' | 'activity';

interface SourceLine {
  line: number;
  text: string;
}

interface OpenRow {
  kind: RowKind;
  cells: string[];
  lines: SourceLine[];
}

type Heading = { level: 'priority'; name: string } | { level: 'area'; letter: string; name: string } | { level: 'subgoal'; number: number; name: string };

export function parseActionPlan(text: string): ParsedDocument {
  const lines = splitLines(text);
  const title = findTitleLine(lines, ACTION_PLAN_TITLE);
  if (title === null) throw new Error('Not an action plan: no title line "Akční plán Koncepce … pro rok YYYY".');
  const year = Number.parseInt(title.captures[0], 10);

  const reader = new ActionPlanReader(year);
  lines.forEach((line, index) => reader.read(line, index + 1));
  const { tree, report } = reader.finish();

  return {
    kind: 'action-plan',
    title: title.title,
    year,
    periodFrom: year,
    periodTo: year,
    roots: tree.roots,
    counts: tree.counts(),
    unplaced: report.unplacedSorted,
    skipped: report.skipped,
  };
}

class ActionPlanReader {
  private readonly tree = new StrategyTreeBuilder();
  private readonly report = new ParseReport();
  private section: FrontMatterSection | 'start' | 'body' = 'start';
  private titleSkipped = false;
  private openRow: OpenRow | null = null;
  private prioritiesSeen = 0;

  constructor(private readonly planYear: number) {}

  read(text: string, line: number): void {
    if (isBlank(text)) return;
    if (this.section !== 'body' && this.readFrontMatter(text, line)) return;
    this.readBody(text, line);
  }

  finish(): { tree: StrategyTreeBuilder; report: ParseReport } {
    this.closeRow();
    return { tree: this.tree, report: this.report };
  }

  /** Returns false once the body starts, so that the first PRIORITA heading is read as body. */
  private readFrontMatter(text: string, line: number): boolean {
    const clean = cleanText(text);
    if (!text.includes('\t') && PRIORITY_HEADING.test(clean)) {
      this.section = 'body';
      return false;
    }
    if (!this.titleSkipped && ACTION_PLAN_TITLE.test(clean)) {
      this.titleSkipped = true;
      this.report.skip('title');
      return true;
    }
    const heading = FRONT_MATTER_HEADINGS.find((candidate) => candidate.heading.test(clean));
    if (heading !== undefined) {
      this.section = heading.section;
      this.report.skip(heading.section);
      return true;
    }
    this.readFrontMatterLine(text, line);
    return true;
  }

  private readFrontMatterLine(text: string, line: number): void {
    const section = this.section;
    if (section === 'start' || section === 'body') {
      this.report.unplaced(line, text, 'front-matter text outside the table of contents, abbreviations and introduction');
    } else if (FRONT_MATTER_LINE[section].test(text)) {
      this.report.skip(section);
    } else {
      this.report.unplaced(line, text, `in the ${section} but not shaped like its entries`);
    }
  }

  private readBody(text: string, line: number): void {
    if (TABLE_RULE.test(text)) return this.report.skip('table-rule');
    const clean = cleanText(text);
    if (PAGE_HEADER_FOOTER.some((pattern) => pattern.test(clean))) return this.report.skip('page-header-footer');

    const heading = text.includes('\t') ? null : matchHeading(clean);
    if (heading !== null) {
      this.closeRow();
      this.reportIfUnplaced([{ line, text }], this.placeHeading(heading, line));
      return;
    }

    const cells = splitCells(text);
    const kind = rowKindOf(cells);
    if (kind !== null) {
      this.closeRow();
      this.openRow = { kind, cells, lines: [{ line, text }] };
    } else if (this.openRow !== null && continuesRow(this.openRow, cells)) {
      appendContinuation(this.openRow, cells, { line, text });
    } else {
      this.report.unplaced(line, text, this.whyNotPlaced());
    }
  }

  private whyNotPlaced(): string {
    if (this.openRow === null) return 'not a heading, measure, measure detail or activity row';
    const { kind, lines } = this.openRow;
    return `not a heading or row, and its columns do not fit as a continuation of the ${kind} row from line ${lines[0].line}`;
  }

  private placeHeading(heading: Heading, line: number): Placement {
    switch (heading.level) {
      case 'priority':
        // Priorities are not numbered in the text; their order is their number.
        this.prioritiesSeen += 1;
        return this.tree.addPriority(makeNode('priority', String(this.prioritiesSeen), sentenceCase(heading.name), line));
      case 'area': {
        const priority = this.tree.currentNode('priority');
        if (priority === undefined) return `area ${heading.letter} appears before any priority`;
        const code = `${priority.code}.${heading.letter}`;
        return this.tree.addChild(makeNode('area', code, heading.name, line, heading.letter), priority.code);
      }
      case 'subgoal':
        return this.tree.addChild(makeNode('subgoal', String(heading.number), heading.name, line));
    }
  }

  private closeRow(): void {
    const row = this.openRow;
    if (row === null) return;
    this.openRow = null;
    switch (row.kind) {
      case 'activity-table-header':
        return this.report.skip('activity-table-header', row.lines.length);
      case 'measure':
        return this.reportIfUnplaced(row.lines, this.placeMeasure(row));
      case 'measure-detail':
        return this.reportIfUnplaced(row.lines, this.placeMeasureDetail(row));
      case 'activity':
        return this.reportIfUnplaced(row.lines, this.placeActivity(row));
    }
  }

  private placeMeasure(row: OpenRow): Placement {
    const match = measureCodeOf(row);
    return this.tree.addChild(makeNode('measure', match.code, measureNameOf(row), row.lines[0].line, match.sourceCode), match.parentCode);
  }

  private placeActivity(row: OpenRow): Placement {
    const width = withoutTrailingEmptyCells(row.cells).length;
    if (width > ACTIVITY_COLUMNS.length) return `activity row has ${width} columns, the activity table has ${ACTIVITY_COLUMNS.length}`;
    const match = matchActivityCode(cleanText(row.cells[0])) as CodeMatch;
    const node = makeNode('activity', match.code, match.rest, row.lines[0].line, match.sourceCode);
    node.activity = activityDetailsFromCells(row.cells, this.planYear);
    return this.tree.addChild(node, match.parentCode);
  }

  // The three "Cílový stav dílčího cíle" rows (sub-goals 1–3) describe the sub-goal, but each of
  // those sub-goals has a single measure and the row sits inside its block, so it is kept there.
  private placeMeasureDetail(row: OpenRow): Placement {
    const measure = this.tree.currentNode('measure');
    if (measure === undefined) return 'measure detail row outside any measure';
    const cells = withoutTrailingEmptyCells(row.cells);
    const label = cleanText(cells[0]);
    const text = joinText(...cells.slice(1));
    const details = (measure.measureDetails ??= { description: null, nature: null, natureNote: null, targetState: null });
    const field = measureDetailField(label) as MeasureDetailField;
    if (field === 'nature') {
      details.nature = appendText(details.nature, label);
      details.natureNote = appendText(details.natureNote, text);
    } else {
      details[field] = appendText(details[field], text);
    }
    return null;
  }

  private reportIfUnplaced(lines: readonly SourceLine[], placement: Placement): void {
    if (placement === null) return;
    for (const { line, text } of lines) this.report.unplaced(line, text, placement);
  }
}

function matchHeading(clean: string): Heading | null {
  const priority = PRIORITY_HEADING.exec(clean);
  if (priority) return { level: 'priority', name: priority[1] };
  const subgoal = SUBGOAL_HEADING.exec(clean);
  if (subgoal) return { level: 'subgoal', number: Number.parseInt(subgoal[1], 10), name: subgoal[2] };
  const area = AREA_HEADING.exec(clean);
  if (area) return { level: 'area', letter: area[1], name: area[2] };
  return null;
}

function rowKindOf(cells: readonly string[]): RowKind | null {
  const first = cleanText(cells[0]);
  if (matchActivityCode(first)) return 'activity';
  if (matchMeasureCode(first)) return 'measure';
  // Labels alone on a line are prose, not table rows.
  if (cells.length < 2) return null;
  if (ACTIVITY_TABLE_HEADER.test(first)) return 'activity-table-header';
  if (measureDetailField(first) !== null) return 'measure-detail';
  return null;
}

/** Only called for rows that rowKindOf classified as measures. */
function measureCodeOf(row: OpenRow): CodeMatch {
  return matchMeasureCode(cleanText(row.cells[0])) as CodeMatch;
}

/** The name follows the code in the first cell or sits in the next one. */
function measureNameOf(row: OpenRow): string {
  return joinText(measureCodeOf(row).rest, ...row.cells.slice(1));
}

function measureDetailField(label: string): MeasureDetailField | null {
  if (DESCRIPTION_LABEL.test(label)) return 'description';
  if (NATURE_LABEL.test(label)) return 'nature';
  if (TARGET_STATE_LABEL.test(label)) return 'targetState';
  return null;
}

/**
 * Whether a line that starts nothing new is the wrapped remainder of the open row. Each row kind
 * accepts only the shape its wraps take in the export, so stray text is reported, not swallowed.
 */
function continuesRow(row: OpenRow, cells: readonly string[]): boolean {
  switch (row.kind) {
    case 'activity':
      // Wrapped activity rows repeat the full table layout: "⇥⇥⇥⇥⇥⇥rest of the indicators".
      return cells.length === ACTIVITY_COLUMNS.length;
    case 'activity-table-header':
      // "Garant +" wrapped onto the next line as "⇥spolupráce⇥⇥…".
      return cells.length === ACTIVITY_COLUMNS.length && row.cells.some((cell) => cell.trim().endsWith('+'));
    case 'measure':
      // "OPATŘENÍ 27.II" alone on its line, its name on the next text line.
      return cells.length === 1 && measureNameOf(row) === '';
    case 'measure-detail':
      return continuesMeasureDetail(row, withoutTrailingEmptyCells(cells));
  }
}

function continuesMeasureDetail(row: OpenRow, cells: readonly string[]): boolean {
  // The text cell wrapped: "⇥more text".
  if (cells.length === 2 && cells[0].trim() === '') return true;
  // The label wrapped: "Cílový stav opatření" + "po naplnění AP 2022-2023".
  if (cells.length === 1) {
    const label = cleanText(row.cells[0]);
    return !COMPLETE_TARGET_STATE_LABEL.test(label) && COMPLETE_TARGET_STATE_LABEL.test(joinText(label, cells[0]));
  }
  return false;
}

/** Joins a wrapped line into its row cell by cell (the export keeps the column positions). */
function appendContinuation(row: OpenRow, cells: readonly string[], source: SourceLine): void {
  cells.forEach((cell, index) => {
    if (cell.trim() === '') return;
    while (row.cells.length <= index) row.cells.push('');
    row.cells[index] = joinText(row.cells[index], cell);
  });
  row.lines.push(source);
}

function appendText(existing: string | null, addition: string): string | null {
  if (addition === '') return existing;
  return existing === null ? addition : `${existing} ${addition}`;
}
