import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import type { Browser, Locator, Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser.js';
import { positiveIntegerFlags } from './bench-database.js';
import { measureApplicantPortal } from './bench-portal-applicant.js';
import { measureStaffPortal } from './bench-portal-staff.js';
import { measureCommissionPortal } from './bench-portal-commission.js';
import { measureAuditorPortal } from './bench-portal-auditor.js';
import { measureBankImport } from './bench-portal-bank.js';
import { startPortalSystem } from './portal-system.js';

/**
 * `npm run bench:portal`: cold loads of the portal's pages in Chromium (a fresh browser context each time:
 * no cache, no cookies), measured from navigation to the first meaningful content (the page's data on
 * screen), and the JavaScript each page needed, gzipped. Uses the system at BENCH_PORTAL_URL if set,
 * else starts one (as `npm start` does, with the demo data). Median of `--runs` loads per page.
 * Then the applicant's pages (scripts/bench-portal-applicant.ts): form load, typing in a 100-line budget, autosave.
 * Then the staff's table of 1 000 applications (scripts/bench-portal-staff.ts): load, filter, sort, search.
 * Then the commission's scoring page of a long application (scripts/bench-portal-commission.ts); with
 * BENCH_PORTAL_ONLY=scoring only that page (BENCH_PORTAL_TRACE=1 adds the timeline of its requests).
 * Then the auditor's trace explorer over ten years of history (scripts/bench-portal-auditor.ts; only on a system it started).
 * Then a camt.053 statement of --bank-lines lines imported and matched (scripts/bench-portal-bank.ts runs bench:bank's script).
 *   RESULT bench=portal home_ms=… call_ms=… js_kb_max=… form_ms=… budget_input_p95_ms=… autosave_p95_ms=… staff_table_ms=… staff_filter_ms=… staff_sort_ms=… staff_search_ms=… scoring_ms=… scoring_input_p95_ms=… auditor_node_ms=… auditor_node_p95_ms=… auditor_tree_ms=… bank_lines=… bank_import_ms=… bank_lines_per_s=… bank_matched=… bank_unmatched=…
 */
const say = (line = '') => process.stdout.write(`${line}\n`);
const options = positiveIntegerFlags(process.argv.slice(2), { runs: 5, auditorPerCall: 1000, bankLines: 10_000 });

interface Load {
  ms: number;
  jsGzipBytes: number;
}

async function coldLoad(browser: Browser, baseUrl: string, path: string, meaningful: (page: Page) => Locator): Promise<Load> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'cs-CZ' });
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script')
      scripts.push(
        response.body().then(
          (body) => gzipSync(body).length,
          () => 0,
        ),
      );
  });
  const started = Date.now();
  await page.goto(path, { waitUntil: 'commit' });
  await meaningful(page).waitFor({ state: 'visible' });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  const jsGzipBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  await context.close();
  return { ms, jsGzipBytes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const external = process.env.BENCH_PORTAL_URL;
  say(external ? `Using the running system at ${external}` : 'Starting the system (demo data) …');
  // As for the journeys: the bench signs the same people in again and again (a fresh browser per cold load), which the
  // credential limiter's default of 5 a minute per address and e-mail would refuse; it measures pages, not the limiter.
  const system = external ? null : await startPortalSystem('bench_portal', { LOGIN_ATTEMPTS_PER_MINUTE: '50' });
  const baseUrl = external ?? system!.baseUrl;
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    if (process.env.BENCH_PORTAL_ONLY === 'scoring') {
      // Only the scoring page (where its time goes: BENCH_PORTAL_TRACE=1 prints each request of the last load).
      const commission = await measureCommissionPortal(baseUrl, browser, options.runs, process.env.BENCH_PORTAL_TRACE === '1' ? say : undefined);
      say(`RESULT bench=portal scoring_ms=${commission.scoring_ms} scoring_input_p95_ms=${commission.scoring_input_p95_ms}`);
      return;
    }
    const calls = (await (await fetch(`${baseUrl}/api/v1/public/calls`)).json()) as { items: { id: string; status: string }[] };
    const open = calls.items.find((c) => c.status === 'open') ?? calls.items[0];
    if (!open) throw new Error('No published call to load: load the demo data first.');
    const pages: { name: string; path: string; meaningful: (page: Page) => Locator }[] = [
      { name: 'home', path: '/', meaningful: (page) => page.getByRole('link', { name: /Dotační program/ }).first() },
      { name: 'call', path: `/vyzvy/${open.id}`, meaningful: (page) => page.getByRole('table', { name: 'Kritéria hodnocení' }) },
    ];
    const results: Record<string, { ms: number; kb: number }> = {};
    for (const target of pages) {
      await coldLoad(browser, baseUrl, target.path, target.meaningful); // warm the server, not the browser
      const loads: Load[] = [];
      for (let i = 0; i < options.runs; i++) loads.push(await coldLoad(browser, baseUrl, target.path, target.meaningful));
      results[target.name] = { ms: median(loads.map((l) => l.ms)), kb: Math.max(...loads.map((l) => l.jsGzipBytes)) / 1024 };
      say(
        `${target.name.padEnd(6)} first meaningful content ${loads.map((l) => l.ms).join(', ')} ms (median ${results[target.name].ms}), JavaScript ${results[target.name].kb.toFixed(1)} kB gzipped`,
      );
    }
    const applicant = await measureApplicantPortal(baseUrl, browser);
    say(
      `applicant: form ${applicant.form_ms} ms, typing p95 ${applicant.budget_input_p95_ms} ms, autosave p95 ${applicant.autosave_p95_ms} ms, JavaScript ${applicant.js_kb_max} kB`,
    );
    const databaseUrl = system?.databaseUrl ?? process.env.BENCH_PORTAL_DATABASE_URL;
    if (!databaseUrl) throw new Error('BENCH_PORTAL_URL needs BENCH_PORTAL_DATABASE_URL too (the staff table seeds 1 000 applications into it).');
    const staff = await measureStaffPortal(baseUrl, browser, databaseUrl, options.runs);
    say(
      `staff: table of 1 000 loaded in ${staff.staff_table_ms} ms; after load filter ${staff.staff_filter_ms} ms, sort ${staff.staff_sort_ms} ms, search ${staff.staff_search_ms} ms (medians; worst ${staff.worst_ms} ms)`,
    );
    const commission = await measureCommissionPortal(baseUrl, browser, options.runs);
    say(`commission: scoring page of a long application interactive ${commission.scoring_ms} ms, score keystroke → total p95 ${commission.scoring_input_p95_ms} ms`);
    // The auditor's part seeds ten years of history into the system's database: only into a system started here.
    const auditor = system ? await measureAuditorPortal(baseUrl, browser, system.databaseUrl, { perCall: options.auditorPerCall, runs: options.runs }, say) : null;
    // The bank's statement import needs no browser and no running portal: its own database, the real services.
    const bank = await measureBankImport(options.bankLines, say);
    say(`bank: ${bank.bank_lines} statement lines imported and matched in ${bank.bank_import_ms} ms → ${bank.bank_lines_per_s} lines/s (${bank.bank_matched} matched)`);
    const jsKbMax = Math.max(applicant.js_kb_max, ...Object.values(results).map((r) => r.kb));
    say(
      `RESULT bench=portal home_ms=${results.home.ms} call_ms=${results.call.ms} js_kb_max=${jsKbMax.toFixed(1)} form_ms=${applicant.form_ms} budget_input_p95_ms=${applicant.budget_input_p95_ms} autosave_p95_ms=${applicant.autosave_p95_ms} staff_table_ms=${staff.staff_table_ms} staff_filter_ms=${staff.staff_filter_ms} staff_sort_ms=${staff.staff_sort_ms} staff_search_ms=${staff.staff_search_ms} scoring_ms=${commission.scoring_ms} scoring_input_p95_ms=${commission.scoring_input_p95_ms}` +
        (auditor ? ` auditor_node_ms=${auditor.auditor_node_ms} auditor_node_p95_ms=${auditor.auditor_node_p95_ms} auditor_tree_ms=${auditor.auditor_tree_ms}` : '') +
        ` bank_lines=${bank.bank_lines} bank_import_ms=${bank.bank_import_ms} bank_lines_per_s=${bank.bank_lines_per_s} bank_matched=${bank.bank_matched} bank_unmatched=${bank.bank_unmatched}`,
    );
  } finally {
    await browser.close();
    await system?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
