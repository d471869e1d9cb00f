/**
 * The auditor's part of `bench:portal`: the trace explorer over the ten-year history of `bench:reports`
 * (its `seed`, run into the portal system's own database: --auditor-per-call applications per call, 3 calls
 * a year for 10 years), in Chromium, signed in as the demo auditor:
 *   auditor_node_ms  a measure's page, cold (fresh page, session from the cookie), until it is interactive:
 *                    its amounts and the first project's link on screen (median; p95 printed too)
 *   auditor_tree_ms  the explorer's tree (sub-goals) of the action plan with the whole history, same measure
 * Target: a node's page interactive under 1 s. `measureAuditorPortal()` is run by scripts/bench-portal.ts.
 */
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { seed } from './bench-reports.js';

const AUDITOR = { email: 'auditor@demo.praha.eu', password: 'Demo-heslo-2023!' };

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
};

/** Ten years of history in the system's database, as bench:reports makes it (not measured). Returns measures with money. */
async function seedHistory(databaseUrl: string, perCall: number, say: (line: string) => void): Promise<{ measures: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [plan],
    } = await client.query<{ id: string }>(`SELECT id FROM strategy_version WHERE kind = 'action-plan' ORDER BY year DESC LIMIT 1`);
    const { rows: activities } = await client.query<{ id: string }>(
      `SELECT id FROM strategy_node WHERE version_id = $1 AND level = 'activity' AND funded_by_grant_programme ORDER BY position, code`,
      [plan.id],
    );
    const {
      rows: [staff, approver],
    } = await client.query<{ id: string }>(
      `INSERT INTO app_user (id, email, display_name, password_hash, roles, language, is_active, created_at, updated_at)
       VALUES (gen_random_uuid(), 'referent@bench.praha.eu', 'Referent', 'x', '{staff}', 'cs', true, now(), now()),
              (gen_random_uuid(), 'schvalovatel@bench.praha.eu', 'Schvalovatel', 'x', '{staff}', 'cs', true, now(), now()) RETURNING id`,
    );
    const started = performance.now();
    await seed(
      client,
      { years: 10, calls: 3, perCall },
      activities.map((a) => a.id),
      staff.id,
      approver.id,
    );
    const {
      rows: [counts],
    } = await client.query<{ applications: string; ledger: string }>(`SELECT (SELECT count(*) FROM application) AS applications, (SELECT count(*) FROM ledger_entry) AS ledger`);
    say(`auditor: history seeded, ${counts.applications} applications, ${counts.ledger} ledger entries (${Math.round((performance.now() - started) / 1000)} s)`);
    const { rows: measures } = await client.query<{ id: string }>(
      `SELECT DISTINCT n.parent_id AS id FROM strategy_node n WHERE n.version_id = $1 AND n.level = 'activity' AND n.funded_by_grant_programme`,
      [plan.id],
    );
    return { measures: measures.map((m) => m.id) };
  } finally {
    await client.end();
  }
}

async function timed(page: Page, path: string, ready: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await page.goto(path, { waitUntil: 'commit' });
  await ready();
  return Date.now() - started;
}

export async function measureAuditorPortal(
  baseUrl: string,
  browser: Browser,
  databaseUrl: string,
  options: { perCall: number; runs: number },
  say: (line: string) => void,
): Promise<{ auditor_node_ms: number; auditor_node_p95_ms: number; auditor_tree_ms: number }> {
  const { measures } = await seedHistory(databaseUrl, options.perCall, say);
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'cs-CZ' });
  try {
    const page = await context.newPage();
    await page.goto('/prihlaseni');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(AUDITOR.email);
    await page.getByLabel('Heslo', { exact: true }).fill(AUDITOR.password);
    await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
    await page.getByRole('banner').getByText('Karel Kontrolor').waitFor();
    await page.close();

    // Each load is a new page (nothing in memory: the session comes back from the refresh cookie), with and without a year filter.
    const node = async (i: number) => {
      const tab = await context.newPage();
      const search = i % 2 === 0 ? '' : `?rok=${2016 + (i % 10)}`;
      const ms = await timed(tab, `/kontrola/strategie/${measures[i % measures.length]}${search}`, async () => {
        await tab.getByRole('table', { name: 'Peníze uzlu' }).waitFor();
        await tab
          .getByRole('region', { name: /^Projekty \(\d+\)$/ })
          .getByRole('link')
          .first()
          .waitFor();
      });
      await tab.close();
      return ms;
    };
    await node(0); // warm the server, not the page
    const nodeTimes: number[] = [];
    for (let i = 1; i <= options.runs * 2; i++) nodeTimes.push(await node(i));
    const treeTimes: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const tab = await context.newPage();
      treeTimes.push(
        await timed(tab, '/kontrola/strategie', () =>
          tab
            .getByRole('region', { name: /^Strom: / })
            .getByRole('link')
            .first()
            .waitFor(),
        ),
      );
      await tab.close();
    }
    const result = { auditor_node_ms: quantile(nodeTimes, 0.5), auditor_node_p95_ms: quantile(nodeTimes, 0.95), auditor_tree_ms: quantile(treeTimes, 0.5) };
    say(`auditor: node page ${nodeTimes.join(', ')} ms (median ${result.auditor_node_ms}, p95 ${result.auditor_node_p95_ms}; target < 1000), tree ${treeTimes.join(', ')} ms`);
    return result;
  } finally {
    await context.close();
  }
}
