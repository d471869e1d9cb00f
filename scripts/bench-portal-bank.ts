/**
 * The bank part of `bench:portal` (issue 17): a camt.053 statement of `--bank-lines` lines imported and matched.
 * It runs `npm run bench:bank`'s script (scripts/bench-bank.ts, its own database `grants_bench_bank`, 200 orders
 * taken through the real services to one pain.001 batch, the statement imported through BankFilesService and
 * imported again to prove nothing changes) as a child process, so its Nest context and environment stay out of
 * this one, relays its lines and returns the figures of its RESULT line:
 *   bank_lines, bank_import_ms, bank_lines_per_s, bank_matched, bank_unmatched
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BankFigures {
  bank_lines: number;
  bank_import_ms: number;
  bank_lines_per_s: number;
  bank_matched: number;
  bank_unmatched: number;
}

/** Reads `RESULT bench=bank lines=… import_ms=… lines_per_s=… matched=… unmatched=…`; null when the line is not there. */
export function bankFigures(output: string): BankFigures | null {
  const line = output.split('\n').find((l) => l.startsWith('RESULT bench=bank '));
  if (!line) return null;
  const value = (name: string) => {
    const found = new RegExp(`\\b${name}=(\\d+)\\b`).exec(line);
    if (!found) throw new Error(`bench:bank's RESULT has no ${name}: ${line}`);
    return Number(found[1]);
  };
  return {
    bank_lines: value('lines'),
    bank_import_ms: value('import_ms'),
    bank_lines_per_s: value('lines_per_s'),
    bank_matched: value('matched'),
    bank_unmatched: value('unmatched'),
  };
}

export async function measureBankImport(lines: number, say: (line: string) => void): Promise<BankFigures> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench-bank.js');
  const child = spawn(process.execPath, [script, '--lines', String(lines)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const line of complete) if (line.trim() !== '') say(`bank: ${line.trim()}`);
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  const figures = code === 0 ? bankFigures(output) : null;
  if (!figures) throw new Error(`bench:bank failed (exit ${code}):\n${errors || output}`);
  return figures;
}
