import { saveFile } from '../../api/client';

/**
 * CSV for the auditor's views, built in the browser from the very data on the screen (the API has no CSV
 * for the trace): UTF-8 with a BOM and semicolons, amounts with a decimal comma — what Czech spreadsheets
 * open as is, like the server's fulfilment CSV.
 */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** An amount as Czech spreadsheets read it: `1234.50` → `1234,50`. */
export const csvAmount = (amount: string) => amount.replace('.', ',');

export function downloadCsv(fileName: string, content: string): void {
  saveFile(new Blob([content], { type: 'text/csv;charset=utf-8' }), fileName);
}
