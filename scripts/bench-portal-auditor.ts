/**
 * The auditor's part of `bench:portal`: the trace explorer over the ten-year history of `bench:reports`
 * (its `seed`, run into the portal system's own database: --auditor-per-call applications per call, 3 calls
 * a year for 10 years), in Chromium, signed in as the demo auditor:
 *   auditor_node_ms  a measure's page, opened from the tree's link, until it is interactive: its amounts and its
 *                    projects on screen (median over different measures; p95 too)
 *   auditor_tree_ms  the explorer's tree (down to measures) of the action plan with the whole history, a full load of its
 *                    address until the first measure is on screen (median)
 * Target: a node's page interactive under 1 s. `measureAuditorPortal()` is run by scripts/bench-portal.ts.
 */
import { performance } from 'node:perf_hooks';
import type { Browser } from '@playwright/test';
import pg from 'pg';
import { historyPrerequisites, seed } from './bench-reports.js';

const AUDITOR = { email: 'auditor@demo.praha.eu', password: 'Demo-heslo-2023!' };

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
};

/** Ten years of history in the system's database, as bench:reports makes it (not measured). Returns measures with money. */
async function seedHistory(databaseUrl: string, perCall: number, say: (line: string) => void): Promise<{ planId: string; measures: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { planId, activities, staffId, approverId } = await historyPrerequisites(client);
    const started = performance.now();
    await seed(client, { years: 10, calls: 3, perCall }, activities, staffId, approverId);
    const {
      rows: [counts],
    } = await client.query<{ applications: string; ledger: string }>(`SELECT (SELECT count(*) FROM application) AS applications, (SELECT count(*) FROM ledger_entry) AS ledger`);
    say(`auditor: history seeded, ${counts.applications} applications, ${counts.ledger} ledger entries (${Math.round((performance.now() - started) / 1000)} s)`);
    const { rows: measures } = await client.query<{ id: string }>(
      `SELECT DISTINCT n.parent_id AS id FROM strategy_node n WHERE n.version_id = $1 AND n.level = 'activity' AND n.funded_by_grant_programme`,
      [planId],
    );
    return { planId, measures: measures.map((m) => m.id) };
  } finally {
    await client.end();
  }
}

export async function measureAuditorPortal(
  baseUrl: string,
  browser: Browser,
  databaseUrl: string,
  options: { perCall: number; runs: number },
  say: (line: string) => void,
): Promise<{ auditor_node_ms: number; auditor_node_p95_ms: number; auditor_tree_ms: number }> {
  const { planId } = await seedHistory(databaseUrl, options.perCall, say);
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'cs-CZ' });
  try {
    const page = await context.newPage();
    await page.goto('/prihlaseni');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(AUDITOR.email);
    await page.getByLabel('Heslo', { exact: true }).fill(AUDITOR.password);
    await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
    await page.getByRole('banner').getByText('Karel Kontrolor').waitFor();

    // The tree of the action plan with the whole history, down to measures: a full load of its address each time
    // (each signs in silently by the refresh cookie), until its first measure is on screen; the first load warms the server.
    const tree = page.getByRole('region', { name: /^Strom: / });
    const treeTimes: number[] = [];
    for (let i = 0; i <= options.runs; i++) {
      const started = Date.now();
      await page.goto(`/kontrola/strategie?verze=${planId}&uroven=measure`);
      await tree
        .getByRole('rowheader', { name: /^Opatření / })
        .first()
        .waitFor();
      if (i > 0) treeTimes.push(Date.now() - started);
    }
    // In the running app, each measure's page is opened by its link in the tree and timed until interactive, then back.
    const names = (
      await tree
        .getByRole('rowheader', { name: /^Opatření / })
        .getByRole('link')
        .allTextContents()
    ).map((n) => n.trim());
    const nodeTimes: number[] = [];
    for (let i = 0; i <= options.runs * 2; i++) {
      const started = Date.now();
      await tree
        .getByRole('link', { name: names[(i * 7) % names.length], exact: true })
        .first()
        .click();
      await page.getByRole('table', { name: 'Peníze uzlu' }).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Projekty \(\d+\)$/ }).waitFor();
      await page
        .getByRole('region', { name: /^Projekty \(\d+\)$/ })
        .or(page.getByText('Pod tímto uzlem nejsou při zvolených filtrech žádné projekty.'))
        .first()
        .waitFor();
      if (i > 0) nodeTimes.push(Date.now() - started); // the first warms the server
      await page.goBack();
      await tree.getByRole('link').first().waitFor();
    }
    const result = { auditor_node_ms: quantile(nodeTimes, 0.5), auditor_node_p95_ms: quantile(nodeTimes, 0.95), auditor_tree_ms: quantile(treeTimes, 0.5) };
    say(`auditor: node page ${nodeTimes.join(', ')} ms (median ${result.auditor_node_ms}, p95 ${result.auditor_node_p95_ms}; target < 1000), tree ${treeTimes.join(', ')} ms`);
    return result;
  } finally {
    await context.close();
  }
}
