import type { BrowserContext, Page, Response, Route } from '@playwright/test';
import { checkPage, expect, PASSWORD, test, uniqueEmail } from './fixtures.js';

const isRefresh = (response: Response) => response.url().endsWith('/api/v1/auth/refresh') && response.request().method() === 'POST';

async function registerAndSignIn(page: Page, name: string): Promise<string> {
  const email = uniqueEmail('relace');
  await page.request.post('/api/v1/auth/register', { data: { email, displayName: name, password: PASSWORD } });
  await page.goto('/prihlaseni');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Heslo', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
  await expect(page.getByRole('banner')).toContainText(name);
  return email;
}

/** Holds the next `count` refresh requests until all of them are on their way, so they truly race with one cookie. */
async function holdRefreshes(context: BrowserContext, count: number): Promise<void> {
  const held: Route[] = [];
  const hold = async (route: Route) => {
    held.push(route);
    if (held.length === count) {
      await Promise.all(held.map((r) => r.continue()));
      await context.unroute('**/api/v1/auth/refresh', hold);
    }
  };
  await context.route('**/api/v1/auth/refresh', hold);
}

test('two tabs that refresh the session at the same moment both stay signed in', async ({ page, context }) => {
  await registerAndSignIn(page, 'Karel Dvouokenní');
  const [first, second] = [await context.newPage(), await context.newPage()];
  // Both tabs load at once; each signs in silently with the same refresh cookie at the same moment.
  await holdRefreshes(context, 2);
  const refreshes = Promise.all([first.waitForResponse(isRefresh), second.waitForResponse(isRefresh)]);
  await Promise.all([first.goto('/'), second.goto('/')]);
  const [a, b] = await refreshes;
  expect(await a.request().headerValue('cookie')).toBe(await b.request().headerValue('cookie'));
  expect([a.status(), b.status()]).toEqual([200, 200]);
  expect(((await b.json()) as { accessToken: string }).accessToken).toBe(((await a.json()) as { accessToken: string }).accessToken);
  for (const tab of [first, second]) await expect(tab.getByRole('banner')).toContainText('Karel Dvouokenní');
  await checkPage(first, 'session-two-tabs');

  // And again, with the rotated cookie: both still signed in, and the first tab too after a reload.
  await holdRefreshes(context, 2);
  const again = Promise.all([first.waitForResponse(isRefresh), second.waitForResponse(isRefresh)]);
  await Promise.all([first.reload(), second.reload()]);
  expect((await again).map((r) => r.status())).toEqual([200, 200]);
  await page.reload();
  for (const tab of [first, second, page]) await expect(tab.getByRole('banner')).toContainText('Karel Dvouokenní');
});

test('before an idle session ends a warning lets the user stay signed in, and focus returns', async ({ page }) => {
  await registerAndSignIn(page, 'Ivana Nečinná');
  await page.goto('/koncepce');
  await expect(page.getByRole('heading', { level: 1, name: 'Koncepce a akční plán' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Hledaný text' });
  await search.focus();
  // The test system's access token lives 90 s; an idle page warns 45 s before it ends (no key pressed since).
  const dialog = page.getByRole('alertdialog', { name: 'Blíží se automatické odhlášení' });
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  await expect(dialog).toHaveAccessibleDescription(/budete za .*odhlášeni/);
  const stay = dialog.getByRole('button', { name: 'Zůstat přihlášen(a)' });
  await expect(stay).toBeFocused();
  await checkPage(page, 'session-warning');
  const refreshed = page.waitForResponse(isRefresh);
  await page.keyboard.press('Enter');
  expect((await refreshed).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(search).toBeFocused();
  await expect(page.getByRole('banner')).toContainText('Ivana Nečinná');
});
