/**
 * One CSV cell, semicolon-separated as Czech spreadsheets expect: quoted when needed, and a leading
 * = + - @ is neutralised so a spreadsheet never runs an applicant's text as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV line of cells, ended with CRLF. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(';') + '\r\n';
}
