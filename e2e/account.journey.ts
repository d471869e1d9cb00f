import type { Page } from '@playwright/test';
import { waitForMail } from './mail.js';
import { checkPage, expect, PASSWORD, test, uniqueEmail } from './fixtures.js';

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Heslo', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
}

test('a new applicant registers, is signed in, signs out, signs in again and out', async ({ page }) => {
  const email = uniqueEmail('registrace');
  await page.goto('/prihlaseni');
  await expect(page.getByRole('heading', { level: 1, name: 'Přihlášení' })).toBeVisible();
  await checkPage(page, 'auth-sign-in');

  // A sign-in with nothing filled in: the error summary takes focus and links to the fields.
  await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Formulář obsahuje chyby' });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Heslo: Zadejte heslo.' }).click();
  await expect(page.getByLabel('Heslo', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Heslo', { exact: true })).toHaveAccessibleDescription('Zadejte heslo.');
  await checkPage(page, 'auth-sign-in-errors');

  await page.getByRole('link', { name: 'Založit účet žadatele' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Založení účtu žadatele' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Jméno a příjmení' }).fill('Alena Nováková');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Nové heslo').fill('kratke');
  await page.getByRole('button', { name: 'Založit účet' }).click();
  await expect(page.getByLabel('Nové heslo')).toHaveAccessibleDescription(/Alespoň 12 znaků.*Heslo musí mít alespoň 12 znaků\./);
  await checkPage(page, 'auth-register-errors');
  await page.getByLabel('Nové heslo').fill(PASSWORD);
  await page.getByRole('button', { name: 'Založit účet' }).click();

  // Signed in straight away, in the applicant's area.
  await expect(page.getByRole('heading', { level: 1, name: 'Moje žádosti' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Alena Nováková');
  await expect(page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Moje žádosti' })).toBeVisible();

  // The same e-mail cannot register twice: the API's field error is shown at the field.
  await page.getByRole('banner').getByRole('button', { name: 'Odhlásit se' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Přihlášení' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Byli jste odhlášeni.' })).toBeVisible();
  await page.goto('/registrace');
  await page.getByRole('textbox', { name: 'Jméno a příjmení' }).fill('Alena Nováková');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Nové heslo').fill(PASSWORD);
  await page.getByRole('button', { name: 'Založit účet' }).click();
  await expect(page.getByRole('textbox', { name: 'E-mail' })).toHaveAccessibleDescription(`Účet s e-mailem ${email} už existuje.`);
  await expect(page.getByRole('alert')).toBeFocused();

  // Sign-out ended the server's session: the signed-in page sends an anonymous visitor to sign in, and back.
  await page.goto('/zadosti');
  await expect(page).toHaveURL(/\/prihlaseni\?dalsi=%2Fzadosti/);
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'Moje žádosti' })).toBeVisible();
  await checkPage(page, 'applicant-home');
  await page.getByRole('banner').getByRole('button', { name: 'Odhlásit se' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Přihlásit se' })).toBeVisible();
  // A reload does not bring the session back: the cookie went with it.
  await page.reload();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Přihlásit se' })).toBeVisible();
});

test('a forgotten password is reset through the link in the e-mail', async ({ page, request }) => {
  const email = uniqueEmail('heslo');
  await request.post('/api/v1/auth/register', { data: { email, displayName: 'Bohumil Zapomnětlivý', password: PASSWORD } });
  await page.goto('/prihlaseni');
  await page.getByRole('link', { name: 'Zapomněli jste heslo?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Obnova hesla' })).toBeVisible();
  await checkPage(page, 'auth-forgot-password');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('button', { name: 'Poslat odkaz' }).click();
  await expect(page.getByRole('status')).toContainText(`Pokud u nás účet s e-mailem ${email} existuje`);

  const [link] = await waitForMail(email, /https?:\/\/\S+\/obnova-hesla\?token=[^\s>]+/);
  const url = new URL(link);
  await page.goto(`${url.pathname}${url.search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Nastavení nového hesla' })).toBeVisible();
  await checkPage(page, 'auth-reset-password');
  const newPassword = 'Nove-heslo-po-obnove-42';
  await page.getByLabel('Nové heslo', { exact: true }).fill(newPassword);
  await page.getByLabel('Nové heslo znovu').fill(newPassword);
  await page.getByRole('button', { name: 'Nastavit heslo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Heslo bylo změněno.' })).toBeVisible();

  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('alert')).toContainText('Nesprávný e-mail nebo heslo.');
  await signIn(page, email, newPassword);
  await expect(page.getByRole('banner')).toContainText('Bohumil Zapomnětlivý');

  // The link works once.
  await page.goto(`${url.pathname}${url.search}`);
  await page.getByLabel('Nové heslo', { exact: true }).fill(newPassword);
  await page.getByLabel('Nové heslo znovu').fill(newPassword);
  await page.getByRole('button', { name: 'Nastavit heslo' }).click();
  await expect(page.getByRole('alert')).toContainText('Odkaz pro obnovu hesla je neplatný, již použitý nebo vypršel.');
});

test('the language switch turns the portal into English and back, and the profile remembers it', async ({ page, request, browser }) => {
  await page.goto('/');
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grants for the integration of foreigners' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Open calls (1)' })).toBeVisible();
  await checkPage(page, 'public-home-en');

  const email = uniqueEmail('jazyk');
  await request.post('/api/v1/auth/register', { data: { email, displayName: 'Jane Smith', password: PASSWORD } });
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Her profile said Czech (registered so): the signed-in portal follows the profile.
  await expect(page.getByRole('banner').getByRole('button', { name: 'English' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: 'Čeština' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();

  // Another browser (nothing in its storage): after sign-in the portal is in English, from the profile.
  const other = await browser.newContext({ baseURL: page.url() });
  const second = await other.newPage();
  await second.goto('/prihlaseni');
  await second.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await second.getByLabel('Heslo', { exact: true }).fill(PASSWORD);
  await second.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Grants for the integration of foreigners' })).toBeVisible();
  await second.getByRole('banner').getByRole('button', { name: 'Čeština' }).click();
  await expect(second.getByRole('heading', { level: 1, name: 'Dotace na integraci cizinců' })).toBeVisible();
  await other.close();
});
