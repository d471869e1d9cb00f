// The PDF-to-text export leaves a few HTML fragments inside cells (<p>, <i>, <ul style=…>);
// they carry no meaning for the strategy tree.
const HTML_TAG = /<\/?[a-zA-Z][^>]*>/g;
const WHITESPACE_RUN = /[\s\u00a0]+/g;
// A cell holding only dashes means "not applicable" in the action plan's tables.
const PLACEHOLDER = /^[-–]+$/;

/** Strips HTML fragments and collapses all whitespace (including non-breaking spaces). */
export function cleanText(raw: string): string {
  return raw.replace(HTML_TAG, ' ').replace(WHITESPACE_RUN, ' ').trim();
}

/** Joins the fragments of a wrapped cell with single spaces. */
export function joinText(...fragments: string[]): string {
  return cleanText(fragments.join(' '));
}

/** Cleans a cell; an empty or dash-only cell becomes null. */
export function cellOrNull(raw: string | undefined): string | null {
  const text = cleanText(raw ?? '');
  return text === '' || PLACEHOLDER.test(text) ? null : text;
}

/** 'INSTITUCIONÁLNÍ ZÁZEMÍ A INFRASTRUKTURA' → 'Institucionální zázemí a infrastruktura'. */
export function sentenceCase(text: string): string {
  const lower = text.toLocaleLowerCase('cs');
  return lower.charAt(0).toLocaleUpperCase('cs') + lower.slice(1);
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}

export function splitCells(line: string): string[] {
  return line.split('\t');
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** Rows exported from a table often end in empty cells that only pad the row to the table's width. */
export function withoutTrailingEmptyCells(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1].trim() === '') end -= 1;
  return cells.slice(0, end);
}
