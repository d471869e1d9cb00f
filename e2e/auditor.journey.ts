import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures.js';

const AUDITOR = { email: 'auditor@demo.praha.eu', password: 'Demo-heslo-2023!' };

/** What an auditor may press: reading only (filters, downloads, the chain check) and their own session and language. */
const READING_BUTTONS = new Set([
  'English',
  'Čeština',
  'Odhlásit se',
  'Sign out',
  'Použít filtry',
  'Apply filters',
  'Hledat',
  'Search',
  'Stáhnout CSV',
  'Download CSV',
  'Stáhnout PDF',
  'Download PDF',
  'Ověřit řetězec',
  'Verify the chain',
]);

async function expectReadOnly(page: Page): Promise<void> {
  const names = await page.getByRole('button').evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? '').trim()));
  expect(
    names.filter((n) => !READING_BUTTONS.has(n)),
    `action buttons on ${page.url()}`,
  ).toEqual([]);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const bytes = await readFile(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

/** The first row of a trace table at this level with money requested: its code, name and the requested amount as the CSV writes it. */
async function nodeWithMoney(table: Locator, level: string): Promise<{ code: string; name: string; requested: string }> {
  await expect(table.getByRole('rowheader').first()).toBeVisible();
  // Read the table once (a role query per row is slow on a tree this size), then act by role.
  const rows = await table.getByRole('row').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())));
  const row = rows.find(([header, requested]) => header.startsWith(`${level} `) && requested !== undefined && !/^0,00\sKč/.test(requested));
  expect(row, `a ${level} with money requested`).toBeDefined();
  const [code, ...name] = row![0].slice(level.length).trim().split(/\s+/);
  return { code, name: name.join(' '), requested: row![1].replace(/\s|Kč/g, '') };
}

test('an auditor walks from a measure to a ledger entry, exports it, and checks the audit log; nothing can be changed', async ({ page }) => {
  await page.goto('/prihlaseni');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(AUDITOR.email);
  await page.getByLabel('Heslo', { exact: true }).fill(AUDITOR.password);
  await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
  await expect(page.getByRole('banner')).toContainText('Karel Kontrolor');
  // Full reloads in a row (each refreshes the session, the cookie rotating) keep the auditor signed in. The journeys' system
  // allows 50 credential attempts a minute; test/session-reloads.e2e-spec.ts proves the same at the default 5.
  for (let reload = 0; reload < 7; reload++) {
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/refresh'));
    await page.reload();
    expect((await refreshed).status()).toBe(200);
    await expect(page.getByRole('banner')).toContainText('Karel Kontrolor');
  }

  await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Kontrola' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontrola' })).toBeVisible();
  await expectReadOnly(page);
  await checkPage(page, 'auditor-home');

  // The action plan's fulfilment report: money per priority (numbers as text, bars only for the eye), each activity's indicators, PDF and CSV.
  await page.getByRole('link', { name: 'Naplňování akčního plánu' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Naplňování akčního plánu' })).toBeVisible();
  await expect(page).toHaveURL(/\/kontrola\/plneni/);
  const chart = page.getByRole('table', { name: /^Schválené a vyplacené částky podle priorit/ });
  await expect(chart.getByRole('columnheader')).toHaveText(['Priorita', 'Schváleno', 'Vyplaceno']);
  // The Koncepce has five priorities; each amount is written out in the cell.
  await expect(chart.getByRole('rowheader')).toHaveCount(5);
  await expect(chart.getByRole('row').nth(1).getByRole('cell').first()).toHaveText(/^\d[\d\s]*,\d{2}\sKč$/);
  const activitiesHeading = page.getByRole('heading', { level: 2, name: /^\d+ aktivit financovaných z programu$/ });
  await expect(activitiesHeading).toBeVisible();
  const activitiesTitle = ((await activitiesHeading.textContent()) ?? '').trim();
  const fundedActivities = Number(activitiesTitle.split(' ')[0]);
  const activitiesTable = page.getByRole('region', { name: activitiesTitle, exact: true });
  await expect(activitiesTable.getByRole('rowheader')).toHaveCount(fundedActivities);
  await expect(activitiesTable.getByRole('columnheader', { name: 'Ukazatele: žádáno a vykázáno' })).toBeVisible();
  await expectReadOnly(page);
  await checkPage(page, 'auditor-fulfilment');
  const reportPdf = await downloaded(page, () => page.getByRole('button', { name: 'Stáhnout PDF' }).click());
  expect(reportPdf.name).toBe('zprava-o-naplnovani-akcniho-planu.pdf');
  expect(reportPdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const reportCsv = await downloaded(page, () => page.getByRole('button', { name: 'Stáhnout CSV' }).click());
  expect(reportCsv.name).toBe('naplnovani-akcniho-planu.csv');
  expect(reportCsv.text.startsWith('\uFEFFaktivita;nazev;priorita;ukazatele_akcniho_planu;podporene_projekty;schvaleno;vyplaceno;vyuctovano;')).toBe(true);
  // One row per activity at least (more where an activity reported several outputs).
  expect(reportCsv.text.trim().split('\r\n').length - 1).toBeGreaterThanOrEqual(fundedActivities);
  await page.getByRole('link', { name: '← Kontrola' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontrola' })).toBeVisible();

  // The trace explorer: the strategy tree with its money; the filters go into the URL.
  await page.getByRole('link', { name: 'Stopa peněz' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stopa peněz' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Rok výzvy' }).fill('2023');
  await page.getByRole('button', { name: 'Použít filtry' }).click();
  await expect(page).toHaveURL(/[?&]rok=2023/);
  const tree = page.getByRole('region', { name: /^Strom: / });
  // The demo's 2023 round asked for money: the tree (down to sub-goals) shows where.
  const subgoal = await nodeWithMoney(tree, 'Dílčí cíl');
  await expectReadOnly(page);
  await checkPage(page, 'auditor-trace');

  // The tree's CSV holds what the table shows.
  const treeCsv = await downloaded(page, () => page.getByRole('button', { name: 'Stáhnout CSV' }).click());
  expect(treeCsv.name).toBe('stopa-penez-strategie.csv');
  expect(treeCsv.text.startsWith('\uFEFFuroven;kod;nazev;pozadovano;schvaleno;nasmlouvano;vyplaceno;vyuctovano;vraceno;sankce\r\n')).toBe(true);
  expect(treeCsv.text).toContain(`Dílčí cíl;${subgoal.code};${subgoal.name};${subgoal.requested};`);

  // A sub-goal broken down into its measures, then one measure.
  await tree.getByRole('link', { name: subgoal.name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: subgoal.name })).toBeVisible();
  const measure = await nodeWithMoney(page.getByRole('region', { name: 'Členění uzlu' }), 'Opatření');
  const measureName = measure.name;
  await page.getByRole('region', { name: 'Členění uzlu' }).getByRole('link', { name: measureName, exact: true }).click();

  // A measure: its money and the projects behind it, the filters kept.
  await expect(page.getByRole('heading', { level: 1, name: measureName })).toBeVisible();
  await expect(page).toHaveURL(/\/kontrola\/strategie\/[0-9a-f-]{36}\?.*rok=2023/);
  await expect(page.getByRole('table', { name: 'Peníze uzlu' }).getByRole('row', { name: /^Požadováno/ })).not.toContainText(/^Požadováno\s*0,00\sKč$/);
  const projects = page.getByRole('region', { name: /^Projekty \(\d+\)$/ });
  const firstProject = projects.getByRole('rowheader').first().getByRole('link');
  const projectNumber = ((await firstProject.textContent()) ?? '').trim();
  await expectReadOnly(page);
  await checkPage(page, 'auditor-node');

  // One project's dossier, down to each ledger entry with who and why.
  await firstProject.click();
  await expect(page.getByRole('heading', { level: 1, name: /^Spis projektu: / })).toBeVisible();
  await expect(page.getByText(projectNumber, { exact: false }).first()).toBeVisible();
  const entries = page.getByRole('region', { name: 'Účetní záznamy (kdo a proč)' });
  const requestedEntry = entries.getByRole('row').filter({ hasText: 'Požadováno' }).first();
  await expect(requestedEntry).toBeVisible();
  const entryAmount = ((await requestedEntry.getByRole('cell').nth(2).textContent()) ?? '').replace(/\s/g, '').replace('Kč', '');
  await expect(requestedEntry.getByRole('link', { name: 'Podání žádosti' })).toBeVisible();
  await expectReadOnly(page);
  await checkPage(page, 'auditor-dossier');

  const entriesCsv = await downloaded(page, () => entries.getByRole('button', { name: 'Stáhnout CSV' }).click());
  expect(entriesCsv.name).toBe(`zaznamy-${projectNumber}.csv`);
  const lines = entriesCsv.text.replace('\uFEFF', '').trim().split('\r\n');
  expect(lines[0]).toBe('datum_cas;druh;castka;aktivita;kdo;proc;zdroj_id;udalost_id;zaznam_id');
  expect(lines).toHaveLength((await entries.getByRole('row').count()) - 1 + 1);
  expect(lines.some((l) => l.split(';')[1] === 'Požadováno' && l.split(';')[2] === entryAmount && l.split(';')[5] === 'Podání žádosti')).toBe(true);

  // The application's history in the audit log, from the dossier's audit trail.
  await page.getByRole('region', { name: 'Auditní stopa všech záznamů projektu' }).getByRole('link', { name: 'application' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Auditní záznam' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Historie objektu [0-9a-f-]{36}$/ })).toBeVisible();
  await expect(page).toHaveURL(/[?&]objekt=/);
  const history = page.getByRole('region', { name: /^Historie objektu / });
  await expect(history.getByRole('cell', { name: 'application.version_submitted' }).first()).toBeVisible();
  await expect(history.getByRole('cell', { name: 'report.dossier_viewed' }).first()).toBeVisible();
  await expectReadOnly(page);
  await checkPage(page, 'auditor-object-history');

  // Search the log: our own looks at the trace are on record.
  await page.getByRole('link', { name: 'Celý auditní záznam' }).click();
  await expect(page).not.toHaveURL(/objekt=/);
  await page.getByRole('textbox', { name: 'Akce (začátek názvu)' }).fill('report.trace');
  await page.getByRole('button', { name: 'Hledat' }).click();
  await expect(page).toHaveURL(/[?&]akce=report\.trace/);
  const results = page.getByRole('region', { name: /^\d+ záznam/ });
  await expect(results.getByRole('cell', { name: 'report.trace_viewed' }).first()).toBeVisible();
  await expect(results.getByRole('cell', { name: /^application\./ })).toHaveCount(0);

  // The chain verification, explained.
  await page.getByRole('button', { name: 'Ověřit řetězec' }).click();
  await expect(page.getByText('Řetězec je neporušený.')).toBeVisible();
  await expect(page.getByText(/^Ověřené záznamy: \d+, poslední má pořadí \d+\.$/)).toBeVisible();
  await expectReadOnly(page);
  await checkPage(page, 'auditor-audit-log');

  // The same page in English (the choice is stored in the profile: switched back afterwards).
  await page.getByRole('button', { name: 'English' }).click();
  try {
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify the chain' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Action (beginning of its name)' })).toHaveValue('report.trace');
    await expectReadOnly(page);
    await checkPage(page, 'auditor-en-audit-log');
  } finally {
    await page.getByRole('button', { name: 'Čeština' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Auditní záznam' })).toBeVisible();
  }

  // Shared pages: the open call offers the auditor no way to apply.
  await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Výzvy' }).click();
  await page
    .getByRole('link', { name: /^Dotační program hl\. m\. Prahy pro oblast integrace cizinců pro rok \d{4}$/ })
    .first()
    .click();
  await expect(page.getByText('Jako kontrolor výzvu jen prohlížíte; žádost podávají žadatelé.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Podat žádost' })).toHaveCount(0);
  await expectReadOnly(page);

  // And the server refuses an auditor's writes anyway.
  const login = await page.request.post('/api/v1/auth/login', { data: AUDITOR });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const refused = await page.request.post('/api/v1/calls', { headers, data: {} });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { code: string }).code).toBe('PERMISSION_DENIED');
  const organisations = (await (await page.request.get('/api/v1/organisations?pageSize=1', { headers })).json()) as { items: { id: string }[] };
  const patch = await page.request.patch(`/api/v1/organisations/${organisations.items[0].id}`, { headers, data: { name: 'Přejmenováno kontrolorem' } });
  expect(patch.status()).toBe(403);
});
