/// <reference lib="dom" />
/**
 * The programme staff's part of `bench:portal`: the applications table of a call with 1 000 applications.
 *   staff_table_ms   cold load of /sprava/vyzvy/<id>/zadosti until all 1 000 are loaded and counted on screen
 *   staff_filter_ms  a status filter chosen → the table redrawn (median of runs; target < 200 ms)
 *   staff_sort_ms    a column header pressed → the table re-sorted (median; target < 200 ms)
 *   staff_search_ms  a search typed → the table redrawn (median; target < 200 ms)
 * The interactions are timed inside the page (event dispatched → next frame), so Playwright's own round trips do
 * not count. The 1 000 applications are seeded straight into the system's database (scripts/bench-seed.ts).
 */
import pg from 'pg';
import type { Browser, Page } from '@playwright/test';
import { seedCallInEvaluation } from './bench-seed.js';

const STAFF = 'referent@demo.praha.eu';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function seed(databaseUrl: string, n: number): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const seeded = await seedCallInEvaluation(client, {
      n,
      now: new Date(),
      areaAllocations: ['15000000.00', '1000000.00'],
      requested: (i) => `${20_000 + ((i * 7_919) % 480_000)}.00`,
      areaOf: (i) => (i % 5 === 0 ? 1 : 0),
    });
    // A realistic mix of states in the formal check.
    await client.query(
      `UPDATE application SET status = (ARRAY['submitted','submitted','accepted','remedy_requested','excluded'])[1 + (hashtext(id::text) & 2147483647) % 5] WHERE call_id = $1`,
      [seeded.callId],
    );
    await client.query('COMMIT');
    return seeded.callId;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** Times one interaction inside the page: from the event to the frame after React has redrawn. */
function timed(page: Page, action: 'filter' | 'sort' | 'search', value: string): Promise<number> {
  return page.evaluate(
    async ([kind, text]) => {
      const started = performance.now();
      if (kind === 'filter') {
        const select = document.getElementById('table-status') as HTMLSelectElement;
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, text);
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (kind === 'search') {
        const input = document.getElementById('table-search') as HTMLInputElement;
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        const button = [...document.querySelectorAll<HTMLButtonElement>('th button')].find((b) => b.textContent?.startsWith(text));
        button!.click();
      }
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - started;
    },
    [action, value] as const,
  );
}

export async function measureStaffPortal(base: string, browser: Browser, databaseUrl: string, runs = 5) {
  const callId = await seed(databaseUrl, 1_000);
  const demo = (await (await fetch(`${base}/api/v1/dev/demo-accounts`)).json()) as { password: string };
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 }, locale: 'cs-CZ' });
  const page = await context.newPage();
  await page.goto('/prihlaseni');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(STAFF);
  await page.getByLabel('Heslo', { exact: true }).fill(demo.password);
  await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/prihlaseni'));

  const loads: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = Date.now();
    await page.goto(`/sprava/vyzvy/${callId}/zadosti`);
    await page.getByText(/Nalezeno 1\s?000 žádostí/).waitFor(); // ICU formats the count: "1 000"
    loads.push(Date.now() - started);
  }
  const filter: number[] = [];
  const sort: number[] = [];
  const search: number[] = [];
  for (let i = 0; i < runs; i++) {
    filter.push(await timed(page, 'filter', i % 2 === 0 ? 'submitted' : ''));
    sort.push(await timed(page, 'sort', i % 2 === 0 ? 'Požadováno' : 'Žadatel'));
    search.push(await timed(page, 'search', i % 2 === 0 ? 'spolek pro integraci č. 7' : ''));
  }
  await context.close();
  const round = (n: number) => Math.round(n);
  return {
    staff_table_ms: median(loads),
    staff_filter_ms: round(median(filter)),
    staff_sort_ms: round(median(sort)),
    staff_search_ms: round(median(search)),
    worst_ms: round(Math.max(...filter, ...sort, ...search)),
  };
}
