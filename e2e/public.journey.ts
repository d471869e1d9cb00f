import { checkPage, expect, expectNoHorizontalScroll, test } from './fixtures.js';

test('a visitor finds the open call, reads it, searches the strategy and downloads open data', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dotace na integraci cizinců' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Otevřené výzvy \(1\)$/ })).toBeVisible();
  await checkPage(page, 'public-home');

  // The call opened today by the demo data.
  const callLink = page.getByRole('link', { name: /^Dotační program hl\. m\. Prahy pro oblast integrace cizinců pro rok \d{4}$/ }).first();
  const title = (await callLink.textContent()) ?? '';
  await callLink.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { name: /Náležitosti výzvy \(§ 10c odst\. 2/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Kritéria hodnocení' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Váha' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Harmonogram' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Podat žádost' })).toBeVisible();
  // Money and dates in Czech.
  await expect(page.getByText(/^\d{1,3}(\s\d{3})*,\d{2}\sKč$/).first()).toBeVisible();
  await checkPage(page, 'public-call');

  // The call page works at 320 px: nothing to scroll sideways, the apply button still there.
  await expectNoHorizontalScroll(page, 320);
  await expect(page.getByRole('link', { name: 'Podat žádost' })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });

  // Apply without an account: sign in first, then come back.
  await page.getByRole('link', { name: 'Podat žádost' }).click();
  await expect(page).toHaveURL(/\/prihlaseni\?dalsi=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Přihlášení' })).toBeVisible();

  // The strategy browser: diacritics-insensitive search through the API.
  await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Koncepce a akční plán' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Koncepce a akční plán' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Struktura dokumentu' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Hledaný text' }).fill('vzdelavani');
  await page.getByRole('button', { name: 'Hledat' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /^Pro „vzdelavani“ nalezen/ })).toBeVisible();
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: /vzdělávání/i })
      .first(),
  ).toBeVisible();
  await checkPage(page, 'public-strategy');

  // Open data from the footer: downloads, the schema and the row count.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Otevřená data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Otevřená data' })).toBeVisible();
  await expect(page.getByText(/^(Data obsahují \d+ projekt(y|ů)?\.|Zatím žádný podpořený projekt\.)$/)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'castka_rozhodnuta' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV (UTF-8, oddělovač středník)' }).click();
  expect((await download).suggestedFilename()).toBe('dotace-integrace-cizincu.csv');
  await checkPage(page, 'public-open-data');

  await page.getByRole('contentinfo').getByRole('link', { name: 'Prohlášení o přístupnosti' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prohlášení o přístupnosti' })).toBeVisible();
  await checkPage(page, 'public-accessibility');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Kontakt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kontakt' })).toBeVisible();
  await checkPage(page, 'public-contact');
});
