/// <reference lib="dom" />
/**
 * The commission's part of `bench:portal`, against the system and browser the portal bench runs:
 *   scoring_ms          cold load (fresh context, no cache) of the scoring page of a long application until the
 *                       application's last section is on screen AND the score sheet answers a keystroke (the live
 *                       total changes): "application + sheet interactive" — the target is under 1 s
 *   scoring_input_p95_ms keystroke in a score field → the live weighted total repainted
 * The long application: 100 budget lines, 40 outputs, long texts. Prepared through the API (e2e/commission-helpers.ts;
 * the clock moves and is reset). `measureCommissionPortal()` is run by `npm run bench:portal`.
 */
import type { Browser } from '@playwright/test';
import { ApiActor, PASSWORD, prepareCallInEvaluation } from '../e2e/commission-helpers.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
};

function longSections(): Record<string, unknown> {
  const paragraph = 'Projekt propojuje školy, rodiny a komunitní tlumočníky; podrobně popisuje harmonogram, rizika a jejich řízení. ';
  return {
    purpose: paragraph.repeat(20),
    justification: paragraph.repeat(40),
    project: { title: 'Dlouhá žádost pro měření hodnoticí stránky', summary: paragraph.repeat(10) },
    outputs: Array.from({ length: 40 }, (_, i) => ({ indicator: `Výstup ${i + 1}: počet podpořených osob`, unit: 'osoba', target: 10 + i })),
    budgetLines: Array.from({ length: 100 }, (_, i) => ({
      category: i % 2 ? 'PERSONAL' : 'SERVICES',
      description: `Položka rozpočtu ${i + 1}`,
      totalCost: '2000.00',
      requested: '1700.00',
      otherSources: '300.00',
    })),
  };
}

export async function measureCommissionPortal(
  baseUrl: string,
  browser: Browser,
  runs = 5,
  trace?: (line: string) => void,
): Promise<{ scoring_ms: number; scoring_input_p95_ms: number }> {
  const api = await ApiActor.start(baseUrl);
  try {
    const suffix = `b${Date.now().toString(36)}`;
    const prepared = await prepareCallInEvaluation(api, suffix, { count: 1, memberCount: 1, sections: longSections });
    const [member] = prepared.members;
    const [application] = prepared.applications;
    const staff = await api.as(prepared.staff.email);
    const commission = await api.http.post(`/api/v1/calls/${prepared.callId}/commission`, {
      headers: staff,
      data: { name: `Komise ${suffix}`, chairUserId: member.id, secretaryUserId: prepared.staff.id, memberUserIds: [member.id], reviewersPerApplication: 1 },
    });
    if (!commission.ok()) throw new Error(`commission: ${await commission.text()}`);
    const { id: commissionId } = (await commission.json()) as { id: string };
    const headers = await api.as(member.email);
    const declared = await api.http.put(`/api/v1/commissions/${commissionId}/declarations`, {
      headers,
      data: { declarations: [{ organisationId: application.organisationId, conflict: false }] },
    });
    if (!declared.ok()) throw new Error(`declaration: ${await declared.text()}`);
    const assigned = await api.http.post(`/api/v1/commissions/${commissionId}/assignments/auto`, { headers: staff });
    if (!assigned.ok()) throw new Error(`assignment: ${await assigned.text()}`);

    const path = `/hodnoceni/${prepared.callId}/zadosti/${application.id}`;
    const loads: number[] = [];
    const inputs: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'cs-CZ' });
      // The refresh cookie, as signing in leaves it; the page itself starts cold.
      const login = await context.request.post('/api/v1/auth/login', { headers: { 'X-Grants-Portal': '1' }, data: { email: member.email, password: PASSWORD } });
      if (!login.ok()) throw new Error(`sign-in: ${await login.text()}`);
      const page = await context.newPage();
      const timeline: string[] = [];
      if (trace && run === runs) {
        page.on('requestfinished', (request) => {
          const timing = request.timing();
          const url = new URL(request.url());
          timeline.push(
            `  ${String(Math.round(Date.now() - started)).padStart(5)} ms done  ${request.method()} ${url.pathname}  (started +${Math.round(timing.startTime - startedEpoch)} ms, waiting ${Math.round(timing.responseStart - timing.requestStart)} ms, body ${Math.round(timing.responseEnd - timing.responseStart)} ms)`,
          );
        });
      }
      const startedEpoch = Date.now();
      const started = Date.now();
      await page.goto(path, { waitUntil: 'commit' });
      const points = page.getByRole('textbox', { name: /^Body za K1/ });
      await page.getByRole('heading', { name: 'Přílohy' }).waitFor({ state: 'visible' });
      await points.waitFor({ state: 'visible' });
      await points.fill(String((run % 20) + 1));
      await page.getByText(/Průběžný vážený součet/).waitFor({ state: 'visible' });
      const ms = Date.now() - started;
      if (run > 0) loads.push(ms); // the first load warms the server, not the browser
      if (trace && run === runs) {
        trace(`scoring page, last load: interactive at ${ms} ms; requests as they finished:`);
        for (const line of timeline) trace(line);
      }
      // Keystrokes: type into K2 and wait for the total to change each time.
      const k2 = page.getByRole('textbox', { name: /^Body za K2/ });
      for (let i = 0; i < 6; i++) {
        await k2.fill('');
        const before = await page.locator('.sheet-total strong').textContent();
        const t0 = Date.now();
        await k2.press(String((i % 9) + 1));
        await page.waitForFunction((text) => document.querySelector('.sheet-total strong')?.textContent !== text, before);
        if (run > 0) inputs.push(Date.now() - t0);
      }
      await context.close();
    }
    return { scoring_ms: median(loads), scoring_input_p95_ms: p95(inputs) };
  } finally {
    await api.dispose();
  }
}
