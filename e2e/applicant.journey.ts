/**
 * The applicant's whole journey in a real Chromium against the running system: register, create an
 * organisation, fill every part of an application for the open demo call by keyboard, go offline mid-edit
 * and back, reload, submit twice quickly (one receipt), download the receipt; withdraw. Every page visited is
 * checked with axe (WCAG 2.1 A/AA, 0 violations) and photographed at 1280 and 390 px.
 * Elements are found by role and accessible name only.
 */
import type { Page } from '@playwright/test';
import { checkPage, expect, test } from './fixtures.js';

const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A valid IČO (modulo 11) that no other run uses. */
function freshIco(): string {
  for (;;) {
    const body = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
    const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(body[i]), 0);
    const check = (11 - (sum % 11)) % 10;
    return `${body}${check}`;
  }
}

async function openDemoCallId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/public/calls');
  const calls = (await response.json()) as { items: { id: string; status: string }[] };
  const open = calls.items.find((c) => c.status === 'open');
  if (!open) throw new Error('the demo data has no open call');
  return open.id;
}

test('cs: a new applicant registers, fills every part by keyboard, survives offline and reload, submits once, downloads the receipt, withdraws', async ({ page, context }) => {
  const email = `zadatel-${unique}@example.cz`;
  await page.goto('/registrace');
  await checkPage(page, 'applicant-registrace');
  await page.getByRole('textbox', { name: 'Jméno a příjmení' }).fill('Marie Žadatelová');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Nové heslo').fill('Velmi-dlouhe-heslo-2026');
  await page.getByRole('button', { name: 'Založit účet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moje žádosti' })).toBeVisible();

  // Start from the open call's "Apply": no organisation yet, so register one first.
  const callId = await openDemoCallId(page);
  await page.goto(`/zadosti?vyzva=${callId}`);
  await page.getByRole('link', { name: 'Zaregistrovat organizaci' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moje organizace' })).toBeVisible();
  await checkPage(page, 'applicant-organizace');
  const ico = page.getByRole('textbox', { name: 'IČO' });
  await ico.fill('12345678');
  await expect(ico).toHaveAccessibleDescription(/IČO není platné/); // immediate checksum feedback
  await ico.fill(freshIco());
  await expect(ico).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('textbox', { name: 'Název' }).fill(`Spolek Sousedé ${unique}`);
  await page.getByRole('textbox', { name: 'Ulice a číslo sídla' }).fill('Vinohradská 12');
  await page.getByRole('textbox', { name: 'PSČ' }).fill('120 00');
  const account = page.getByRole('textbox', { name: 'Číslo bankovního účtu' });
  await account.fill('19-2000145398/0800');
  await expect(account).toHaveAccessibleDescription(/neprošlo kontrolou/);
  await account.fill('19-2000145399/0800');
  await page.getByRole('button', { name: 'Zaregistrovat organizaci' }).press('Enter');

  await expect(page.getByRole('heading', { name: /Nová žádost do výzvy/ })).toBeVisible();
  await page.getByRole('button', { name: 'Začít žádost' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Části žádosti' })).toBeVisible();
  await checkPage(page, 'applicant-zadost-prehled');
  const applicationUrl = page.url();

  // Project, by keyboard: Tab from field to field.
  await page.getByRole('link', { name: 'Projekt' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Projekt' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Název projektu' }).focus();
  await page.keyboard.type('Sousedské čtení');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Čtení pro děti cizinců v knihovnách.');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown'); // budget area I
  await page.getByRole('textbox', { name: 'Účel dotace' }).fill('Podpora čtenářství dětí cizinců.');
  await page.getByRole('textbox', { name: 'Odůvodnění žádosti' }).fill('Děti cizinců potřebují podporu v češtině.');
  await page.getByLabel('Začátek realizace').fill('2027-02-01');
  await page.getByLabel('Konec realizace').fill('2027-11-30');
  await page.getByRole('textbox', { name: 'Místo realizace (městské části)' }).fill('Praha 3, Praha 9');
  await page.getByRole('textbox', { name: 'Cílové skupiny' }).fill('děti cizinců');
  await page.getByRole('button', { name: 'Přidat výstup' }).press('Enter');
  await page.getByRole('textbox', { name: 'Ukazatel 1' }).fill('počet podpořených dětí');
  await page.getByRole('textbox', { name: 'Jednotka ukazatele 1' }).fill('dítě');
  await page.getByRole('textbox', { name: 'Cílová hodnota ukazatele 1' }).fill('40');
  await page.getByRole('textbox', { name: 'Kontaktní osoba' }).fill('Marie Žadatelová');
  await page.getByRole('textbox', { name: 'E-mail kontaktní osoby' }).fill(email);
  await expect(page.getByRole('status').filter({ hasText: /Uloženo v \d{1,2}:\d{2}/ })).toBeVisible();
  await checkPage(page, 'applicant-cast-projekt');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).press('Enter');

  // Applicant and representatives.
  await expect(page.getByRole('heading', { level: 1, name: 'Žadatel a zástupci' })).toBeVisible();
  await page.getByRole('button', { name: 'Přidat zástupce' }).press('Enter');
  await page.getByRole('textbox', { name: 'Jméno zástupce 1' }).fill('Marie Žadatelová');
  await page.getByRole('textbox', { name: 'Funkce zástupce 1' }).fill('předsedkyně spolku');
  await page.getByRole('combobox', { name: 'Právní důvod zastoupení 1' }).selectOption('statutory');
  await page.getByRole('button', { name: 'Přidat skutečného majitele' }).press('Enter');
  await page.getByRole('textbox', { name: 'Jméno skutečného majitele 1' }).fill('Marie Žadatelová');
  await page.getByRole('checkbox', { name: 'Žadatel nemá podíl v žádné osobě' }).check();
  await checkPage(page, 'applicant-cast-zadatel');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).press('Enter');

  // Budget by keyboard, then offline mid-edit.
  await expect(page.getByRole('heading', { level: 1, name: 'Rozpočet' })).toBeVisible();
  await page.getByRole('button', { name: 'Přidat položku' }).press('Enter');
  await expect(page.getByRole('combobox', { name: 'Kategorie, položka 1' })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // first category
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lektorka čtení');
  await page.keyboard.press('Tab');
  await page.keyboard.type('hodina');
  await page.keyboard.press('Tab');
  await page.keyboard.type('100');
  await page.keyboard.press('Tab');
  await page.keyboard.type('450,00');
  await page.keyboard.press('Tab');
  await page.keyboard.type('4 500');
  await expect(page.getByRole('row', { name: /Součty/ })).toContainText('40 500,00 Kč');
  await expect(page.getByRole('status').filter({ hasText: /Uloženo v/ })).toBeVisible();

  // Offline mid-edit: the edit waits in IndexedDB and goes out, in order, when the connection returns.
  await context.setOffline(true);
  await page.getByRole('textbox', { name: 'Popis, položka 1' }).fill('Lektorka čtení a tlumočení');
  await expect(page.getByRole('status').filter({ hasText: /Bez připojení/ })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: /Uloženo v/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Popis, položka 1' })).toHaveValue('Lektorka čtení a tlumočení');

  // The server unreachable and the page reloaded before the edit was sent: nothing typed is lost.
  await page.route('**/api/v1/applications/*', (route) => (route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue()));
  await page.getByRole('textbox', { name: 'Jednotka, položka 1' }).fill('hodina výuky');
  await expect(page.getByRole('status').filter({ hasText: /Bez připojení/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Jednotka, položka 1' })).toHaveValue('hodina výuky');
  await page.unroute('**/api/v1/applications/*');
  await expect(page.getByRole('status').filter({ hasText: /Uloženo v/ })).toBeVisible();
  await checkPage(page, 'applicant-cast-rozpocet');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).press('Enter');

  // Activities: search, pick, shares to 100 %.
  await expect(page.getByRole('heading', { level: 1, name: 'Aktivity akčního plánu' })).toBeVisible();
  await page.getByRole('searchbox', { name: /Hledat aktivitu/ }).fill('informovanosti');
  await page.getByRole('checkbox').first().check();
  await expect(page.getByText('Součet podílů je 100 %.')).toBeVisible();
  await checkPage(page, 'applicant-cast-aktivity');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).press('Enter');

  // Annexes: limits shown before upload; the server's verdict per file.
  await expect(page.getByRole('heading', { level: 1, name: 'Přílohy' })).toBeVisible();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const uploads = page.getByLabel(/Nahrát soubor:/);
  const count = await uploads.count();
  for (let i = 0; i < Math.min(count, 2); i++) {
    await page
      .getByLabel(/Nahrát soubor:/)
      .nth(i)
      .setInputFiles({ name: `priloha-${i}.pdf`, mimeType: 'application/pdf', buffer: pdf });
    await expect(page.getByText(`Soubor priloha-${i}.pdf přijat`)).toBeVisible();
  }
  await checkPage(page, 'applicant-cast-prilohy');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).press('Enter');

  // Declarations.
  await expect(page.getByRole('heading', { level: 1, name: 'Čestná prohlášení' })).toBeVisible();
  for (const checkbox of await page.getByRole('checkbox').all()) await checkbox.check();
  await checkPage(page, 'applicant-cast-prohlaseni');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).press('Enter');

  // Check your answers, then two quick submits: one receipt.
  await expect(page.getByRole('heading', { level: 1, name: 'Zkontrolujte své odpovědi' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Před podáním doplňte/ })).toHaveCount(0);
  await checkPage(page, 'applicant-kontrola');
  const submit = page.getByRole('button', { name: 'Podat žádost' });
  await submit.dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Žádost byla podána' })).toBeVisible();
  await checkPage(page, 'applicant-potvrzeni');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Stáhnout potvrzení (PDF)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^potvrzeni-.+\.pdf$/);

  await page.goto(applicationUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Průběh žádosti' })).toBeVisible();
  await expect(page.getByRole('list').filter({ hasText: 'podaná' }).getByRole('listitem')).toHaveCount(1);

  // Withdrawal with a reason.
  await page.getByRole('button', { name: 'Stáhnout žádost' }).click();
  await page.getByRole('button', { name: 'Stáhnout žádost definitivně' }).click();
  await expect(page.getByRole('alert')).toContainText('Uveďte důvod stažení');
  await page.getByRole('textbox', { name: 'Důvod stažení' }).fill('Projekt zajistíme z jiných zdrojů.');
  await page.getByRole('button', { name: 'Stáhnout žádost definitivně' }).click();
  await expect(page.getByText('stažená žadatelem').first()).toBeVisible();
  await checkPage(page, 'applicant-stazena');
});
