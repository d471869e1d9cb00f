/**
 * The settlement and a breach of budget discipline in the browser (issue 17, "Settlement"). Arranged through the
 * API: a decided call, an effective agreement of 150 000 Kč, its tranche paid (ordered by one officer, approved by
 * another). In the browser the recipient fills the settlement (autosave proven by a reload), uploads a scan,
 * chooses an output from the offered indicators and submits; staff check it with one document ineligible, read the
 * computed return and download the return call; then a breach gets its levy, the letter, the payment and the
 * penalty computed by the server (days × 0,4 ‰ × levy). Every page passes axe.
 */
import type { Browser, Page } from '@playwright/test';
import { ApiActor } from './commission-helpers.js';
import type { Person } from './commission-helpers.js';
import { baseURL, checkPage, expect, PASSWORD, test } from './fixtures.js';
import { effectiveAgreement, payTranche, prepareDecidedCall } from './lifecycle.js';
import { addDays, pragueDate, systemNow } from './staff-helpers.js';

const SCAN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** Czech money as the portal prints it ("50 000,00 Kč", with no-break spaces). */
const kc = (whole: string) => new RegExp(`${whole.replace(/ /g, '\\s')},00\\sKč`);

async function open(browser: Browser, person: Person, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() });
  const page = await context.newPage();
  await page.goto(path);
  const signedIn = page.getByRole('banner').getByText(person.displayName);
  const form = page.getByRole('textbox', { name: 'E-mail' });
  await expect(signedIn.or(form)).toBeVisible();
  if (await form.isVisible()) {
    const czech = page.getByRole('banner').getByRole('button', { name: 'Čeština' });
    if (await czech.isVisible()) await czech.click();
    await form.fill(person.email);
    await page.getByLabel('Heslo', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
    await expect(signedIn).toBeVisible();
    if (new URL(page.url()).pathname !== path) await page.goto(path);
  }
  return page;
}

test('the recipient settles with autosave and a scan, staff check it into a return, and a breach gets its levy, letter and penalty', async ({ browser }) => {
  test.setTimeout(600_000);
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const api = await ApiActor.start(baseURL());
  let agreementId: string;
  let staff: Person;
  let applicant: Person;
  try {
    const prepared = await prepareDecidedCall(api, suffix, { count: 1, memberCount: 0, amount: '150000.00' });
    staff = prepared.staff;
    applicant = prepared.applications[0].applicant;
    const second = await api.createUser('referent2', ['staff'], `Referent ${suffix}`);
    agreementId = await effectiveAgreement(api, staff, prepared.applications[0].id, ['150000.00']);
    await payTranche(api, staff, second, agreementId, 1, '150000.00');
  } finally {
    await api.dispose();
  }
  const today = pragueDate(await systemNow(baseURL()));

  // The recipient: from "what needs my attention" to the settlement form.
  const recipient = await open(browser, applicant, '/zadosti');
  await recipient.getByRole('link', { name: /podejte vyúčtování/ }).click();
  await expect(recipient.getByRole('heading', { level: 1, name: /Vyúčtování dotace – smlouva/ })).toBeVisible();
  await checkPage(recipient, 'settlement-applicant-empty');

  await recipient.getByRole('button', { name: 'Přidat doklad' }).click();
  const first = recipient.getByRole('group', { name: 'Doklad 1' });
  await expect(first.getByLabel('Položka rozpočtu')).toBeFocused();
  await first.getByLabel('Položka rozpočtu').selectOption({ label: 'PERSONAL – Odměny tlumočníků (DPP)' });
  await first.getByLabel('Číslo dokladu').fill('DPP-01');
  await first.getByLabel('Dodavatel').fill('Tlumočnice Olena K.');
  await first.getByLabel('Datum vystavení').fill('2023-05-31');
  await first.getByLabel('Částka (Kč)').fill('100 000');
  await first.getByLabel('Datum úhrady').fill('2023-06-05');

  await recipient.getByRole('button', { name: 'Přidat doklad' }).click();
  const secondDocument = recipient.getByRole('group', { name: 'Doklad 2' });
  await secondDocument.getByLabel('Položka rozpočtu').selectOption({ label: 'SERVICES – Pronájem prostor' });
  await secondDocument.getByLabel('Číslo dokladu').fill('FV-2023-117');
  await secondDocument.getByLabel('Dodavatel').fill('Catering Praha s.r.o.');
  await secondDocument.getByLabel('Datum vystavení').fill('2023-09-15');
  await secondDocument.getByLabel('Částka (Kč)').fill('30000,00');

  // Outputs are chosen from the offered indicators, not typed.
  await recipient.getByRole('checkbox', { name: 'počet podpořených žáků (žák)' }).check();
  await recipient.getByLabel('Dosaženo – počet podpořených žáků (žák)').fill('134');

  // Submitted too early, the server names the gap at its field; the summary's link leads there.
  await recipient.getByRole('button', { name: 'Podat vyúčtování' }).click();
  await recipient.getByRole('dialog', { name: 'Podat vyúčtování?' }).getByRole('button', { name: 'Podat', exact: true }).click();
  const summary = recipient.getByRole('alert').filter({ has: recipient.getByRole('heading') });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: 'Doklad 2 – Datum úhrady: Vyplňte datum úhrady.' }).click();
  await expect(secondDocument.getByLabel('Datum úhrady')).toBeFocused();
  await expect(secondDocument.getByLabel('Datum úhrady')).toHaveAccessibleDescription('Vyplňte datum úhrady.');
  await secondDocument.getByLabel('Datum úhrady').fill('2023-09-20');

  // The lines' remaining amounts follow the documents live: 150 000 paid, 130 000 documented.
  const lines = recipient.getByRole('table', { name: 'Rozpočet podle smlouvy a doklady k jednotlivým položkám' });
  await expect(lines.getByRole('row', { name: /Celkem/ })).toContainText(kc('130 000'));
  await expect(lines.getByRole('row', { name: /Celkem/ })).toContainText(/nevyčerpáno 20\s000,00\sKč/);
  await expect(recipient.getByRole('status').filter({ hasText: /^Uloženo v/ })).toBeVisible();
  await checkPage(recipient, 'settlement-applicant-filled');

  // Autosave: after a reload everything is back from the server.
  await recipient.reload();
  await expect(recipient.getByRole('group', { name: 'Doklad 2' }).getByLabel('Číslo dokladu')).toHaveValue('FV-2023-117');
  await expect(recipient.getByRole('group', { name: 'Doklad 1' }).getByLabel('Částka (Kč)')).toHaveValue(/100\s000,00/);
  await expect(recipient.getByRole('checkbox', { name: 'počet podpořených žáků (žák)' })).toBeChecked();
  await expect(recipient.getByLabel('Dosaženo – počet podpořených žáků (žák)')).toHaveValue('134');

  // A scan per document.
  await recipient.getByRole('group', { name: 'Doklad 1' }).getByLabel('Sken dokladu 1').setInputFiles({ name: 'dohoda-dpp-01.pdf', mimeType: 'application/pdf', buffer: SCAN });
  await expect(recipient.getByText('Sken dohoda-dpp-01.pdf je nahraný.')).toBeVisible();
  await expect(recipient.getByRole('list', { name: 'Nahrané skeny dokladu 1' })).toContainText('dohoda-dpp-01.pdf');

  // Submit after the confirmation.
  await recipient.getByRole('button', { name: 'Podat vyúčtování' }).click();
  const dialog = recipient.getByRole('dialog', { name: 'Podat vyúčtování?' });
  await expect(dialog).toContainText('2 doklady');
  await dialog.getByRole('button', { name: 'Podat', exact: true }).click();
  await expect(recipient.getByText('Podáno, čeká na kontrolu')).toBeVisible();
  await expect(recipient.getByRole('table', { name: 'Vykázané výstupy proti slíbeným' }).getByRole('row', { name: /počet podpořených žáků/ })).toContainText(/120\s*134/);
  await checkPage(recipient, 'settlement-applicant-submitted');
  await recipient.context().close();

  // Staff: the list, the check with one ineligible document, the computed return and its letter.
  const officer = await open(browser, staff, '/sprava/vyuctovani?stav=submitted');
  await expect(officer.getByRole('heading', { level: 1, name: 'Vyúčtování dotací' })).toBeVisible();
  const row = officer.getByRole('row', { name: new RegExp(suffix) });
  await expect(row).toContainText('Podáno, čeká na kontrolu');
  await checkPage(officer, 'settlement-staff-list');
  await row.getByRole('link').click();
  await expect(officer.getByRole('heading', { level: 1, name: /Kontrola vyúčtování – smlouva/ })).toBeVisible();
  await checkPage(officer, 'settlement-staff-check');

  const dpp = officer.getByRole('group', { name: /^Doklad DPP-01/ });
  await expect(dpp.getByRole('button', { name: 'Otevřít sken dohoda-dpp-01.pdf' })).toBeVisible();
  await dpp.getByRole('radio', { name: 'Uznatelný', exact: true }).check();
  const catering = officer.getByRole('group', { name: /^Doklad FV-2023-117/ });
  await catering.getByRole('radio', { name: 'Neuznatelný' }).check();
  await catering.getByLabel('Důvod neuznání dokladu FV-2023-117').fill('Pohoštění není uznatelným nákladem podle podmínek výzvy.');
  await officer.getByLabel('Lhůta k vrácení').fill(addDays(today, 30));
  await officer.getByRole('button', { name: 'Uložit kontrolu a spočítat vratku' }).click();
  await officer.getByRole('dialog', { name: 'Uložit kontrolu?' }).getByRole('button', { name: 'Uložit kontrolu' }).click();

  const computation = officer.getByRole('region', { name: 'Výpočet vratky' });
  await expect(computation).toContainText(/K vrácení\s*50\s000,00\sKč/);
  await expect(computation).toContainText(/Nevyčerpáno\s*20\s000,00\sKč/);
  await expect(computation).toContainText(/Neuznatelné \(včetně přesunů nad toleranci\)\s*30\s000,00\sKč/);
  await expect(computation).toContainText('27-5157998/6000');
  await expect(officer.getByText('Zkontrolováno, čeká se na vratku')).toBeVisible();
  const returnCall = officer.waitForEvent('download');
  await computation.getByRole('button', { name: 'Stáhnout výzvu k vrácení (PDF s QR platbou)' }).click();
  expect((await returnCall).suggestedFilename()).toMatch(/\.pdf$/);
  await checkPage(officer, 'settlement-staff-checked');

  // A breach on the same agreement: levy, its letter, the payment 100 days after the breach and the penalty.
  await officer.getByRole('link', { name: 'Porušení rozpočtové kázně u této smlouvy' }).click();
  await expect(officer.getByRole('heading', { level: 1, name: /Porušení rozpočtové kázně – smlouva/ })).toBeVisible();
  await checkPage(officer, 'settlement-breaches-empty');
  await officer.getByLabel('Popis porušení').fill('Část dotace byla použita na úhradu pohoštění, které není uznatelným nákladem.');
  await officer.getByLabel('Datum porušení').fill(addDays(today, -100));
  await officer.getByLabel('Neoprávněně použito nebo zadrženo (Kč)').fill('50 000');
  await officer.getByRole('button', { name: 'Zaevidovat porušení' }).click();
  const breach = officer.getByRole('region', { name: /^Porušení 1 ze dne/ });
  await expect(breach.getByRole('heading', { level: 2, name: /^Porušení 1 ze dne .*: otevřeno$/ })).toBeVisible();

  await breach.getByLabel('Splatnost odvodu').fill(addDays(today, 30));
  await breach.getByRole('button', { name: 'Uložit odvod' }).click();
  await officer.getByRole('dialog', { name: 'Uložit odvod?' }).getByRole('button', { name: 'Uložit odvod' }).click();
  await expect(breach.getByRole('heading', { level: 2, name: /^Porušení 1 ze dne .*: uložen odvod$/ })).toBeVisible();
  await expect(breach).toContainText(/Odvod\s*50\s000,00\sKč/);
  await expect(breach).toContainText('Odvod se stanoví ve výši neoprávněně použitých');
  const letter = officer.waitForEvent('download');
  await breach.getByRole('button', { name: 'Stáhnout výzvu k odvodu (PDF s QR platbou)' }).click();
  expect((await letter).suggestedFilename()).toMatch(/\.pdf$/);

  await expect(breach.getByLabel('Odvod uhrazen dne')).toHaveValue(today);
  await breach.getByRole('button', { name: 'Zaznamenat úhradu a spočítat penále' }).click();
  await officer.getByRole('dialog', { name: 'Zaznamenat úhradu odvodu?' }).getByRole('button', { name: 'Zaznamenat úhradu a spočítat penále' }).click();
  await expect(breach.getByRole('heading', { level: 2, name: /^Porušení 1 ze dne .*: odvod uhrazen$/ })).toBeVisible();
  // 100 days × 0,4 ‰ × 50 000 Kč = 2 000 Kč, above the 1 000 Kč threshold, below the cap.
  await expect(breach).toContainText(/Penále\s*2\s000,00\sKč/);
  await expect(breach).toContainText(/100\sdní × 0,4\s‰ × 50\s000,00\sKč = 2\s000,00\sKč/);
  await checkPage(officer, 'settlement-breach-paid');
  await officer.context().close();
});
