// Numbering rules shared by both documents. The canonical form is the action plan's:
// sub-goal '13', measure '13.II' (Roman ordinal), activity '13.II.1'. The source writes measure
// ordinals in Arabic as often as in Roman ('6.1', '1.1.2', 'OPATŘENÍ 3.1'), so both are accepted.

const ROMAN_DIGITS: readonly (readonly [number, string])[] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
// Sub-goals have at most a handful of measures; 39 keeps the Roman numerals to I, V and X.
const MAX_ORDINAL = 39;

export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > MAX_ORDINAL) {
    throw new RangeError(`measure ordinal out of range: ${value}`);
  }
  let rest = value;
  let roman = '';
  for (const [amount, digits] of ROMAN_DIGITS) {
    while (rest >= amount) {
      roman += digits;
      rest -= amount;
    }
  }
  return roman;
}

/** Accepts '2' or 'II'; returns 'II', or null when the token is not a valid ordinal. */
export function ordinalAsRoman(token: string): string | null {
  if (/^\d+$/.test(token)) {
    const value = Number.parseInt(token, 10);
    return value >= 1 && value <= MAX_ORDINAL ? toRoman(value) : null;
  }
  // A Roman token is valid only in its canonical spelling (rejects 'IIII', 'VX' …).
  for (let value = 1; value <= MAX_ORDINAL; value += 1) {
    if (toRoman(value) === token) return token;
  }
  return null;
}

/** The numbering as written, without the trailing period the source often adds ('1.I.1.'). */
export function sourceCodeIfDifferent(written: string, code: string): string | undefined {
  const cleaned = written.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return cleaned === code ? undefined : cleaned;
}

export interface CodeMatch {
  code: string;
  sourceCode?: string;
  /** Code of the node this one must hang under. */
  parentCode: string;
  /** Text after the code on the same cell (usually the name). */
  rest: string;
}

// "OPATŘENÍ 13.II", "Opatření 2.1", "6.1", "5.I" — followed by whitespace or the end of the cell.
const MEASURE_TOKEN = /^((?:OPATŘENÍ|Opatření|opatření)\s+)?(\d{1,2})\.(\d{1,2}|[IVX]{1,6})\.?(?=\s|$)/u;
// "13.II.1", "1.1.2.", "20.II.2."
const ACTIVITY_TOKEN = /^(\d{1,2})\.(\d{1,2}|[IVX]{1,6})\.(\d{1,2})\.?(?=\s|$)/u;

/** Measure numbering at the start of a cell; '6.1' → '6.I'. */
export function matchMeasureCode(cell: string): CodeMatch | null {
  const match = MEASURE_TOKEN.exec(cell);
  if (!match) return null;
  const [written, , subgoal, ordinal] = match;
  const roman = ordinalAsRoman(ordinal);
  if (roman === null) return null;
  const parentCode = String(Number.parseInt(subgoal, 10));
  return withSourceCode({ code: `${parentCode}.${roman}`, parentCode, rest: cell.slice(written.length).trim() }, written);
}

/** Activity numbering at the start of a cell; '1.1.2.' → '1.I.2'. */
export function matchActivityCode(cell: string): CodeMatch | null {
  const match = ACTIVITY_TOKEN.exec(cell);
  if (!match) return null;
  const [written, subgoal, ordinal, sequence] = match;
  const roman = ordinalAsRoman(ordinal);
  if (roman === null) return null;
  const parentCode = `${Number.parseInt(subgoal, 10)}.${roman}`;
  const code = `${parentCode}.${Number.parseInt(sequence, 10)}`;
  return withSourceCode({ code, parentCode, rest: cell.slice(written.length).trim() }, written);
}

function withSourceCode(match: CodeMatch, written: string): CodeMatch {
  const sourceCode = sourceCodeIfDifferent(written, match.code);
  return sourceCode === undefined ? match : { ...match, sourceCode };
}
