/**
 * The applicant's whole journey in a real Chromium against the running system: register, create an
 * organisation, fill every part of an application for the open demo call by keyboard, go offline mid-edit
 * and back, reload, submit twice quickly (one receipt), download the receipt; withdraw. Every page visited is
 * checked with axe (WCAG 2.1 A/AA, 0 violations) and photographed at 1280 and 390 px.
 * Elements are found by role and accessible name only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkPage, expect, expectResponsive, freshIco, test, uniqueEmail } from './fixtures.js';

type Code = 'cs' | 'en';
const MESSAGES = 'apps/web/src/i18n/messages';
/** The portal's own catalogs (every area's), so a label is asserted in the language the journey runs in. */
function catalog(code: Code): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const file of readdirSync(MESSAGES).filter((name) => name.endsWith(`.${code}.json`))) {
    Object.assign(messages, JSON.parse(readFileSync(`${MESSAGES}/${file}`, 'utf8')) as Record<string, string>);
  }
  return messages;
}

/** What differs per language beyond the catalogs: typed amounts, the formatted total, the API's status names. */
const LANGUAGES = [
  {
    code: 'cs',
    switchTo: null,
    unitPrice: '450,00',
    otherSources: '4 500',
    requested: '40 500,00 Kč',
    missing: /Před podáním doplňte/,
    submitted: 'podaná',
    withdrawn: 'stažená žadatelem',
  },
  {
    code: 'en',
    switchTo: 'English',
    unitPrice: '450.00',
    otherSources: '4500',
    requested: 'CZK 40,500.00',
    missing: /before submitting/,
    submitted: 'submitted',
    withdrawn: 'withdrawn',
  },
] as const;

/** A pattern that finds `text` anywhere (an accessible description also carries the field's hint). */
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/**
 * Staff verify who may act for the new organisation (its applications cannot be submitted before), as the
 * demo `referent@` would on their list of organisations waiting for verification.
 */
async function verifyAsStaff(page: Page, organisationName: string): Promise<void> {
  const login = await page.request.post('/api/v1/auth/login', { data: { email: 'referent@demo.praha.eu', password: 'Demo-heslo-2023!' } });
  const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const found = await page.request.get('/api/v1/organisations', { headers, params: { search: organisationName, verification: 'unverified' } });
  const [organisation] = ((await found.json()) as { items: { id: string }[] }).items;
  if (!organisation) throw new Error(`organisation ${organisationName} not found for verification`);
  const decided = await page.request.post(`/api/v1/organisations/${organisation.id}/verification/decision`, { headers, data: { decision: 'verified' } });
  expect(decided.status()).toBe(200);
}

async function openDemoCall(page: Page): Promise<{ id: string; title: string }> {
  const response = await page.request.get('/api/v1/public/calls');
  const calls = (await response.json()) as { items: { id: string; title: string; status: string }[] };
  const open = calls.items.find((c) => c.status === 'open');
  if (!open) throw new Error('the demo data has no open call');
  return open;
}

for (const language of LANGUAGES) {
  test(`${language.code}: a new applicant registers, fills every part by keyboard, survives offline and reload, submits once, downloads the receipt, withdraws`, async ({
    page,
    context,
  }) => {
    const messages = catalog(language.code);
    const t = (key: string, values: Record<string, string | number> = {}) => {
      const text = messages[key];
      if (text === undefined) throw new Error(`no message ${key} in ${language.code}`);
      return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
    };
    const cell = (column: string) => t('applicant.budget.cellLabel', { column: t(column), number: 1 });
    const saved = new RegExp(t('applicant.autosave.saved', { time: '\\d{1,2}:\\d{2}' }));
    const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const email = uniqueEmail(`zadatel-${language.code}`);
    await page.goto('/registrace');
    if (language.switchTo) {
      await page.getByRole('banner').getByRole('button', { name: language.switchTo }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', language.code);
    }
    await checkPage(page, `applicant-${language.code}-registrace`);
    await page.getByRole('textbox', { name: t('auth.displayName') }).fill('Marie Žadatelová');
    await page.getByRole('textbox', { name: t('auth.email') }).fill(email);
    await page.getByLabel(t('auth.newPassword')).fill('Velmi-dlouhe-heslo-2026');
    await page.getByRole('button', { name: t('auth.register.submit') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.dashboard.title') })).toBeVisible();

    // Start from the open call's "Apply": no organisation yet, so register one first.
    const call = await openDemoCall(page);
    const callTitle = call.title;
    await page.goto(`/zadosti?vyzva=${call.id}`);
    await page.getByRole('link', { name: t('applicant.start.createOrganisation') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.organisations.title') })).toBeVisible();
    await checkPage(page, `applicant-${language.code}-organizace`);
    const ico = page.getByRole('textbox', { name: t('applicant.organisations.ico') });
    await ico.fill('12345678');
    await expect(ico).toHaveAccessibleDescription(containing(t('applicant.organisations.icoInvalid'))); // immediate checksum feedback
    await ico.fill(freshIco());
    await expect(ico).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('textbox', { name: t('applicant.organisations.name'), exact: true }).fill(`Spolek Sousedé ${unique}`);
    await page.getByRole('textbox', { name: t('applicant.organisations.seatStreet') }).fill('Vinohradská 12');
    await page.getByRole('textbox', { name: t('applicant.organisations.seatPostalCode') }).fill('120 00');
    const account = page.getByRole('textbox', { name: t('applicant.organisations.bankAccount') });
    await account.fill('19-2000145398/0800');
    await expect(account).toHaveAccessibleDescription(containing(t('applicant.organisations.bankInvalid')));
    await account.fill('19-2000145399/0800');
    await page.getByRole('button', { name: t('applicant.organisations.createSubmit') }).press('Enter');

    await expect(page.getByRole('heading', { name: t('applicant.start.title', { call: callTitle }) })).toBeVisible();
    await verifyAsStaff(page, `Spolek Sousedé ${unique}`);
    await page.getByRole('button', { name: t('applicant.start.submit') }).press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: t('applicant.tasks.title') })).toBeVisible();
    await checkPage(page, `applicant-${language.code}-zadost-prehled`);
    const applicationUrl = page.url();

    // Project, by keyboard: Tab from field to field.
    await page.getByRole('link', { name: t('applicant.part.projekt') }).press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.part.projekt') })).toBeVisible();
    await page.getByRole('textbox', { name: t('applicant.project.title') }).focus();
    await page.keyboard.type('Sousedské čtení');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Čtení pro děti cizinců v knihovnách.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // budget area I
    await page.getByRole('textbox', { name: t('applicant.project.purpose') }).fill('Podpora čtenářství dětí cizinců.');
    await page.getByRole('textbox', { name: t('applicant.project.justification') }).fill('Děti cizinců potřebují podporu v češtině.');
    await page.getByLabel(t('applicant.project.periodFrom')).fill('2027-02-01');
    await page.getByLabel(t('applicant.project.periodTo')).fill('2027-11-30');
    // Lists typed key by key: the comma, the space and the line break stay where they were typed.
    const districts = page.getByRole('textbox', { name: t('applicant.project.districts') });
    await districts.pressSequentially('Praha 3, Praha 9');
    await expect(districts).toHaveValue('Praha 3, Praha 9');
    const groups = page.getByRole('textbox', { name: t('applicant.project.targetGroups') });
    await groups.pressSequentially('děti cizinců');
    await groups.press('Enter');
    await groups.pressSequentially('jejich rodiče');
    await expect(groups).toHaveValue('děti cizinců\njejich rodiče');
    await page.getByRole('button', { name: t('applicant.project.addOutput') }).press('Enter');
    await page.getByRole('textbox', { name: t('applicant.project.indicator', { number: 1 }), exact: true }).fill('počet podpořených dětí');
    await page.getByRole('textbox', { name: t('applicant.project.outputUnit', { number: 1 }) }).fill('dítě');
    await page.getByRole('textbox', { name: t('applicant.project.target', { number: 1 }) }).fill('40');
    await page.getByRole('textbox', { name: t('applicant.project.contactName') }).fill('Marie Žadatelová');
    await page.getByRole('textbox', { name: t('applicant.project.contactEmail') }).fill(email);
    await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();
    await checkPage(page, `applicant-${language.code}-cast-projekt`);
    await page.getByRole('button', { name: t('applicant.part.continue') }).press('Enter');

    // Applicant and representatives.
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.part.zadatel') })).toBeVisible();
    await page.getByRole('button', { name: t('applicant.applicant.addRepresentative') }).press('Enter');
    await page.getByRole('textbox', { name: t('applicant.applicant.repName', { number: 1 }) }).fill('Marie Žadatelová');
    await page.getByRole('textbox', { name: t('applicant.applicant.repFunction', { number: 1 }) }).fill('předsedkyně spolku');
    await page.getByRole('combobox', { name: t('applicant.applicant.repBasis', { number: 1 }) }).selectOption('statutory');
    await page.getByRole('button', { name: t('applicant.applicant.addOwner') }).press('Enter');
    await page.getByRole('textbox', { name: t('applicant.applicant.ownerName', { number: 1 }) }).fill('Marie Žadatelová');
    await page.getByRole('checkbox', { name: t('applicant.applicant.noHoldings') }).check();
    await checkPage(page, `applicant-${language.code}-cast-zadatel`);
    await page.getByRole('button', { name: t('applicant.part.continue') }).press('Enter');

    // Budget by keyboard, then offline mid-edit.
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.part.rozpocet') })).toBeVisible();
    await page.getByRole('button', { name: t('applicant.budget.add') }).press('Enter');
    await expect(page.getByRole('combobox', { name: cell('applicant.budget.category') })).toBeFocused();
    await page.keyboard.press('ArrowDown'); // first category
    await page.keyboard.press('Tab');
    await page.keyboard.type('Lektorka čtení');
    await page.keyboard.press('Tab');
    await page.keyboard.type('hodina');
    await page.keyboard.press('Tab');
    await page.keyboard.type('100');
    await page.keyboard.press('Tab');
    await page.keyboard.type(language.unitPrice);
    await page.keyboard.press('Tab');
    await page.keyboard.type(language.otherSources);
    await expect(page.getByRole('row', { name: t('applicant.budget.totals') })).toContainText(language.requested);
    await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();

    // Offline mid-edit: the edit waits in IndexedDB and goes out, in order, when the connection returns.
    await context.setOffline(true);
    await page.getByRole('textbox', { name: cell('applicant.budget.description') }).fill('Lektorka čtení a tlumočení');
    await expect(page.getByRole('status').filter({ hasText: t('applicant.autosave.offline') })).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: cell('applicant.budget.description') })).toHaveValue('Lektorka čtení a tlumočení');

    // The server unreachable and the page reloaded before the edit was sent: nothing typed is lost.
    await page.route('**/api/v1/applications/*', (route) => (route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue()));
    await page.getByRole('textbox', { name: cell('applicant.budget.unit') }).fill('hodina výuky');
    await expect(page.getByRole('status').filter({ hasText: t('applicant.autosave.offline') })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('textbox', { name: cell('applicant.budget.unit') })).toHaveValue('hodina výuky');
    await page.unroute('**/api/v1/applications/*');
    await expect(page.getByRole('status').filter({ hasText: saved })).toBeVisible();
    await checkPage(page, `applicant-${language.code}-cast-rozpocet`);
    // Project → budget → next page, by mouse this time: the next page must still answer (someone once saw it freeze).
    await page.getByRole('button', { name: t('applicant.part.continue') }).click();

    // Activities: search, pick, shares to 100 %.
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.part.aktivity') })).toBeVisible();
    await expectResponsive(page);
    await page.getByRole('searchbox', { name: t('applicant.activities.search') }).fill('informovanosti');
    await page.getByRole('checkbox').first().check();
    await expect(page.getByText(t('applicant.activities.totalOk'))).toBeVisible();
    await checkPage(page, `applicant-${language.code}-cast-aktivity`);
    await page.getByRole('button', { name: t('applicant.part.continue') }).press('Enter');

    // Annexes: limits shown before upload; the server's verdict per file.
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.part.prilohy') })).toBeVisible();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const uploads = page.getByLabel(t('applicant.annexes.choose', { name: '' }));
    const count = await uploads.count();
    for (let i = 0; i < Math.min(count, 2); i++) {
      await page
        .getByLabel(t('applicant.annexes.choose', { name: '' }))
        .nth(i)
        .setInputFiles({ name: `priloha-${i}.pdf`, mimeType: 'application/pdf', buffer: pdf });
      await expect(page.getByText(t('applicant.annexes.accepted', { name: `priloha-${i}.pdf`, type: '' }).split(' (')[0])).toBeVisible();
    }
    await checkPage(page, `applicant-${language.code}-cast-prilohy`);
    await page.getByRole('button', { name: t('applicant.part.continue') }).press('Enter');

    // Declarations.
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.part.prohlaseni') })).toBeVisible();
    for (const checkbox of await page.getByRole('checkbox').all()) await checkbox.check();
    await checkPage(page, `applicant-${language.code}-cast-prohlaseni`);
    await page.getByRole('button', { name: t('applicant.part.continue') }).press('Enter');

    // Check your answers, then two quick submits: one receipt.
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.review.title') })).toBeVisible();
    await expect(page.getByRole('heading', { name: language.missing })).toHaveCount(0);
    await checkPage(page, `applicant-${language.code}-kontrola`);
    const submit = page.getByRole('button', { name: t('applicant.review.submit') });
    await submit.dblclick();
    await expect(page.getByRole('heading', { level: 1, name: t('applicant.receipt.title') })).toBeVisible();
    await checkPage(page, `applicant-${language.code}-potvrzeni`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: t('applicant.receipt.download') }).click();
    expect((await download).suggestedFilename()).toMatch(/^potvrzeni-.+\.pdf$/);

    await page.goto(applicationUrl);
    await expect(page.getByRole('heading', { level: 2, name: t('applicant.history.title') })).toBeVisible();
    await expect(page.getByRole('list').filter({ hasText: language.submitted }).getByRole('listitem')).toHaveCount(1);

    // Withdrawal with a reason.
    await page.getByRole('button', { name: t('applicant.withdraw.open'), exact: true }).click();
    await page.getByRole('button', { name: t('applicant.withdraw.submit') }).click();
    await expect(page.getByRole('alert')).toContainText(t('applicant.withdraw.reasonRequired'));
    await page.getByRole('textbox', { name: t('applicant.withdraw.reason') }).fill('Projekt zajistíme z jiných zdrojů.');
    await page.getByRole('button', { name: t('applicant.withdraw.submit') }).click();
    await expect(page.getByText(language.withdrawn).first()).toBeVisible();
    await checkPage(page, `applicant-${language.code}-stazena`);
  });
}
