/**
 * Agreements in a real Chromium against the running system (issue 17, "Agreements"; the template penalty of issue 16).
 * Arranged through the API: a call decided by the Council (two approved applications of 150 000 Kč, over the register
 * threshold), the call's agreement template, and a person of the first recipient organisation. In the browser: staff
 * set a penalty on a minor condition in a draft call's template editor; draw the two agreements from the waiting list
 * (a minor condition with its penalty, two tranches summed live), preview the PDF in the page and send them; the
 * recipient finds the agreement on the dashboard, downloads it and uploads the signed copy; staff counter-sign that
 * copy and record the register publication; one amendment with before/after, signed and published; the waiting list
 * shows the other agreement (signed through the API) with its clock, and 21 days later its warning (the clock moved
 * and reset in `finally`), with the CSV. axe on every page; elements by role and accessible name only.
 */
import type { Browser, Page } from '@playwright/test';
import { ApiActor, prepareDecidedCall } from './lifecycle.js';
import type { Person } from './commission-helpers.js';
import { baseURL, checkPage, expect, PASSWORD, test } from './fixtures.js';
import { messages, pragueDate } from './staff-helpers.js';

const t = messages('cs');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function open(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() });
  return context.newPage();
}

/** Opens `path` as `person`, signing in when the portal asks (an idle page is signed out by the portal's rule). */
async function visit(page: Page, person: Person, path: string): Promise<void> {
  await page.goto(path);
  const signedIn = page.getByRole('banner').getByText(person.displayName);
  const form = page.getByRole('textbox', { name: t('auth.email') });
  await expect(signedIn.or(form)).toBeVisible();
  if (await form.isVisible()) {
    await form.fill(person.email);
    await page.getByLabel(t('auth.password'), { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: t('auth.signIn.submit'), exact: true }).click();
    await expect(signedIn).toBeVisible();
    if (new URL(page.url()).pathname !== new URL(path, page.url()).pathname) await page.goto(path);
  }
}

test('agreements: drawn, previewed and sent by staff, signed by the recipient in the portal, counter-signed, published, amended; the register clock on the waiting list', async ({
  browser,
}) => {
  const api = await ApiActor.start(baseURL());
  const suffix = `SML${Date.now().toString(36).slice(-5).toUpperCase()}`;
  const prepared = await prepareDecidedCall(api, suffix, { count: 2, memberCount: 0 });
  const [first, second] = prepared.applications;
  const staff = prepared.staff;
  const staffHeaders = async () => api.as(staff.email);
  // The call's template: one condition every agreement carries, minor with a fixed levy.
  const template = await api.http.post(`/api/v1/calls/${prepared.callId}/agreement-templates`, {
    headers: await staffHeaders(),
    data: {
      conditions: [{ text: 'Příjemce oznámí poskytovateli každou změnu údajů do 15 dnů.', minor: true, penalty: { kind: 'fixed', amount: '2000.00' } }],
      transformationDuties: ['Před přeměnou příjemce vypořádá dotaci s poskytovatelem.'],
    },
  });
  expect(template.status(), await template.text()).toBe(201);
  // A person of the first recipient organisation, added by staff: they sign for it.
  const recipient = await api.createUser('prijemce', ['applicant'], `Příjemce ${suffix}`);
  const member = await api.http.post(`/api/v1/organisations/${first.organisationId}/members`, {
    headers: await staffHeaders(),
    data: { email: recipient.email, role: 'member' },
  });
  expect(member.status(), await member.text()).toBe(201);

  const staffPage = await open(browser);

  // Issue 16's leftover: the template editor of a draft call sets the penalty of a minor condition.
  const draftCall = await api.http.post('/api/v1/calls', { headers: await staffHeaders(), data: { code: `D-${suffix}`, year: 2027, title: `Návrh výzvy ${suffix}` } });
  expect(draftCall.status(), await draftCall.text()).toBe(201);
  const draftCallId = ((await draftCall.json()) as { id: string }).id;
  await visit(staffPage, staff, `/sprava/vyzvy/${draftCallId}`);
  await staffPage.getByRole('button', { name: t('agreements.conditions.add') }).click();
  await expect(staffPage.getByRole('textbox', { name: t('agreements.conditions.text', { number: 1 }) })).toBeFocused();
  await staffPage.getByRole('textbox', { name: t('agreements.conditions.text', { number: 1 }) }).fill('Příjemce uvede logo hl. m. Prahy na všech materiálech.');
  await staffPage.getByRole('checkbox', { name: t('agreements.conditions.minor', { number: 1 }) }).check();
  await staffPage.getByRole('radio', { name: t('agreements.penalty.kind.percentage-range') }).check();
  await staffPage.getByRole('textbox', { name: t('agreements.penalty.minPercent', { number: 1 }) }).fill('1');
  await staffPage.getByRole('button', { name: t('staff.template.save') }).click();
  // Without the upper bound the penalty is incomplete: said at its field before anything is sent.
  await expect(staffPage.getByRole('alert').getByRole('link', { name: t('agreements.error.penaltyMissing') })).toBeVisible();
  await staffPage.getByRole('textbox', { name: t('agreements.penalty.maxPercent', { number: 1 }) }).fill('5');
  await staffPage.getByRole('button', { name: t('staff.template.save') }).click();
  await expect(staffPage.getByRole('status').filter({ hasText: t('staff.template.saved', { version: 1 }) })).toBeVisible();
  await checkPage(staffPage, 'agreements-template-editor');
  const savedTemplate = await api.http.get(`/api/v1/calls/${draftCallId}/agreement-template`, { headers: await staffHeaders() });
  expect(((await savedTemplate.json()) as { conditions: unknown[] }).conditions).toEqual([
    { text: 'Příjemce uvede logo hl. m. Prahy na všech materiálech.', minor: true, penalty: { kind: 'percentage-range', minPercent: '1', maxPercent: '5' } },
  ]);

  // Staff find the call's approved applications without an agreement and draw the first.
  await visit(staffPage, staff, '/sprava');
  await staffPage
    .getByRole('navigation', { name: t('common.nav.label') })
    .getByRole('link', { name: t('agreements.nav') })
    .click();
  await expect(staffPage.getByRole('heading', { level: 1, name: t('agreements.list.title') })).toBeVisible();
  await staffPage.getByRole('combobox', { name: t('agreements.list.status') }).selectOption({ label: t('agreements.list.all') });
  await staffPage.getByRole('combobox', { name: t('agreements.list.call') }).selectOption({ value: prepared.callId });
  await expect(staffPage.getByRole('link', { name: t('agreements.list.draw', { number: first.number }) })).toBeVisible();
  await checkPage(staffPage, 'agreements-list-call');
  await staffPage.getByRole('link', { name: t('agreements.list.draw', { number: first.number }) }).click();
  await expect(staffPage.getByRole('heading', { level: 1, name: t('agreements.new.title', { number: first.number }) })).toBeVisible();
  // Prefilled: the purpose and period from the application, one tranche of the whole grant; the template's condition included.
  await expect(staffPage.getByLabel(t('agreements.field.purposeFrom'), { exact: true })).toHaveValue('2023-01-01');
  await expect(staffPage.getByText('Příjemce oznámí poskytovateli každou změnu údajů do 15 dnů.')).toBeVisible();
  await staffPage.getByLabel(t('agreements.field.settlementDeadline'), { exact: true }).fill('2024-01-31');
  await staffPage.getByRole('button', { name: t('agreements.conditions.add') }).click();
  await staffPage.getByRole('textbox', { name: t('agreements.conditions.text', { number: 1 }) }).fill('Příjemce zveřejní výstupy projektu na svém webu.');
  await staffPage.getByRole('checkbox', { name: t('agreements.conditions.minor', { number: 1 }) }).check();
  await staffPage.getByRole('radio', { name: t('agreements.penalty.kind.percentage') }).check();
  await staffPage.getByRole('textbox', { name: t('agreements.penalty.percent', { number: 1 }) }).fill('2');
  // Two tranches: the sum is checked live against the grant, exactly.
  await staffPage.getByRole('textbox', { name: t('agreements.tranches.amount', { number: 1 }) }).fill('100 000');
  await staffPage.getByRole('button', { name: t('agreements.tranches.add') }).click();
  await expect(staffPage.getByRole('textbox', { name: t('agreements.tranches.amount', { number: 2 }) })).toBeFocused();
  await expect(staffPage.getByText('Splátky dávají 100 000,00 Kč, dotace činí 150 000,00 Kč.')).toBeVisible();
  await staffPage.getByRole('textbox', { name: t('agreements.tranches.amount', { number: 2 }) }).fill('50 000,00');
  await staffPage.getByLabel(t('agreements.tranches.dueDate', { number: 2 }), { exact: true }).fill('2023-06-30');
  await expect(staffPage.getByText('Splátky dávají 150 000,00 Kč, tedy celou dotaci.')).toBeVisible();
  await checkPage(staffPage, 'agreements-new');
  await staffPage.getByRole('button', { name: t('agreements.new.submit') }).click();
  await expect(staffPage.getByRole('heading', { level: 1, name: new RegExp(`^Smlouva SML-${escape(first.number)}`) })).toBeVisible();
  const firstId = staffPage.url().split('/smlouvy/')[1];
  await expect(staffPage.getByText(t('agreements.status.draft'), { exact: true })).toBeVisible();
  await expect(staffPage.getByText('Příjemce zveřejní výstupy projektu na svém webu. (méně závažná; odvod 2 % dotace)')).toBeVisible();

  // Preview the PDF in the page, then send (confirmed first).
  await staffPage.getByRole('button', { name: t('agreements.documents.preview') }).click();
  await expect(staffPage.getByTitle(/^Smlouva SML-.*\(PDF\)$/)).toBeVisible();
  await checkPage(staffPage, 'agreements-draft');
  await staffPage.getByRole('button', { name: t('agreements.send.button') }).click();
  const sendDialog = staffPage.getByRole('dialog', { name: t('agreements.send.confirmTitle', { number: `SML-${first.number}` }) });
  await expect(sendDialog).toBeVisible();
  await sendDialog.getByRole('button', { name: t('agreements.send.confirm') }).click();
  await expect(staffPage.getByRole('status').filter({ hasText: t('agreements.send.done') })).toBeFocused();
  await expect(staffPage.getByText(t('agreements.status.awaiting_signature'), { exact: true })).toBeVisible();

  // The second agreement: drawn with the prefilled values and sent the same way.
  await visit(staffPage, staff, `/sprava/smlouvy?stav=vse&vyzva=${prepared.callId}`);
  await staffPage.getByRole('link', { name: t('agreements.list.draw', { number: second.number }) }).click();
  await staffPage.getByLabel(t('agreements.field.settlementDeadline'), { exact: true }).fill('2024-01-31');
  await staffPage.getByRole('button', { name: t('agreements.new.submit') }).click();
  await expect(staffPage.getByRole('heading', { level: 1, name: new RegExp(`^Smlouva SML-${escape(second.number)}`) })).toBeVisible();
  const secondId = staffPage.url().split('/smlouvy/')[1];
  await staffPage.getByRole('button', { name: t('agreements.send.button') }).click();
  await staffPage
    .getByRole('dialog')
    .getByRole('button', { name: t('agreements.send.confirm') })
    .click();
  await expect(staffPage.getByText(t('agreements.status.awaiting_signature'), { exact: true })).toBeVisible();

  // The recipient: the dashboard says what to do; the agreement is downloaded and the signed copy uploaded.
  const recipientPage = await open(browser);
  await visit(recipientPage, recipient, '/zadosti');
  const todo = recipientPage.getByRole('region', { name: t('applicant.dashboard.needsAction') });
  const signLink = todo.getByRole('link', { name: new RegExp(`^Smlouva SML-${escape(first.number)} k žádosti ${escape(first.number)}`) });
  await expect(signLink).toBeVisible();
  await expect(recipientPage.getByRole('table', { name: t('agreements.dashboard.title') })).toContainText(`SML-${first.number}`);
  await checkPage(recipientPage, 'agreements-recipient-dashboard');
  await signLink.click();
  await expect(recipientPage.getByRole('heading', { level: 1, name: new RegExp(`^Smlouva SML-${escape(first.number)}`) })).toBeVisible();
  await expect(recipientPage.getByRole('heading', { level: 2, name: t('agreements.sign.title') })).toBeVisible();
  await expect(recipientPage.getByRole('heading', { name: t('agreements.actions.title') })).toHaveCount(0);
  await checkPage(recipientPage, 'agreements-recipient-sign');
  const download = recipientPage.waitForEvent('download');
  await recipientPage.getByRole('button', { name: t('agreements.documents.download') }).click();
  expect((await download).suggestedFilename()).toBe(`SML-${first.number.replace(/[^A-Za-z0-9-]/g, '_')}-v1.pdf`);
  // Not a PDF: refused at the field; then the signed PDF.
  await recipientPage.getByLabel(t('agreements.sign.file')).setInputFiles({ name: 'smlouva.pdf', mimeType: 'application/pdf', buffer: Buffer.from('toto není PDF') });
  await recipientPage.getByRole('button', { name: t('agreements.sign.submit') }).click();
  await expect(recipientPage.getByRole('alert').getByRole('link', { name: /Podepsanou smlouvu nahrajte jako PDF/ })).toBeVisible();
  await recipientPage.getByLabel(t('agreements.sign.file')).setInputFiles({ name: 'smlouva podepsaná.pdf', mimeType: 'application/pdf', buffer: PDF });
  await recipientPage.getByRole('button', { name: t('agreements.sign.submit') }).click();
  await expect(recipientPage.getByRole('status').filter({ hasText: t('agreements.sign.done') })).toBeVisible();
  await expect(recipientPage.getByText(/Podepsanou smlouvu jste nahráli/)).toBeVisible();
  await checkPage(recipientPage, 'agreements-recipient-signed');

  // Staff counter-sign the recipient's copy (no file needed) and record the publication: the agreement takes effect.
  await visit(staffPage, staff, `/smlouvy/${firstId}`);
  await expect(staffPage.getByText(t('agreements.actions.recipientSigned'))).toBeVisible();
  await staffPage.getByRole('textbox', { name: t('agreements.signature.signatories') }).fill('Jana Nováková (předsedkyně spolku); Jana Referentová (MHMP)');
  await staffPage.getByRole('button', { name: t('agreements.signature.submit') }).click();
  await expect(staffPage.getByRole('status').filter({ hasText: t('agreements.signature.done') })).toBeFocused();
  await expect(staffPage.getByText(t('agreements.register.pending'))).toBeVisible();
  await expect(staffPage.getByText(/^Den 0 od uzavření/)).toBeVisible();
  await checkPage(staffPage, 'agreements-signed');
  await staffPage.getByRole('textbox', { name: t('agreements.publication.registerId') }).fill(`R-${suffix}`);
  await staffPage.getByRole('button', { name: t('agreements.publication.submit') }).click();
  await staffPage
    .getByRole('dialog', { name: t('agreements.publication.confirmTitle') })
    .getByRole('button', { name: t('agreements.publication.confirm') })
    .click();
  await expect(staffPage.getByRole('status').filter({ hasText: t('agreements.publication.done') })).toBeVisible();
  await expect(staffPage.getByText(t('agreements.status.effective'), { exact: true })).toBeVisible();
  await expect(staffPage.getByText(t('agreements.register.published'), { exact: true })).toBeVisible();

  // One amendment: the period is extended; before/after previewed, then listed; signed and published like the agreement.
  await staffPage.getByRole('textbox', { name: t('agreements.amendments.reasonLabel') }).fill('Prodloužení realizace projektu o čtvrt roku.');
  await staffPage.getByRole('textbox', { name: t('agreements.amendments.changesLabel') }).fill('Období realizace se prodlužuje do 31. 3. 2024.');
  await staffPage.getByLabel(t('agreements.field.purposeTo'), { exact: true }).fill('2024-03-31');
  const preview = staffPage.getByRole('table', { name: t('agreements.amendments.preview') });
  await expect(preview.getByRole('row', { name: /Konec období realizace 31\. 12\. 2023 31\. 3\. 2024/ })).toBeVisible();
  await checkPage(staffPage, 'agreements-amendment-form');
  await staffPage.getByRole('button', { name: t('agreements.amendments.submit') }).click();
  await expect(staffPage.getByRole('status').filter({ hasText: t('agreements.amendments.proposed', { number: 1 }) })).toBeVisible();
  const changes = staffPage.getByRole('table', { name: t('agreements.amendments.caption', { number: 1 }) });
  await expect(changes.getByRole('row', { name: /Konec období realizace 31\. 12\. 2023 31\. 3\. 2024/ })).toBeVisible();
  // The recipient signs the amendment in the portal like the agreement; staff counter-sign that copy without a file.
  await visit(recipientPage, recipient, '/zadosti');
  await recipientPage
    .getByRole('region', { name: t('applicant.dashboard.needsAction') })
    .getByRole('link', { name: new RegExp(`^Dodatek č\\. 1 ke smlouvě SML-${escape(first.number)}`) })
    .click();
  await expect(recipientPage.getByRole('heading', { level: 2, name: t('agreements.sign.titleAmendment', { number: 1 }) })).toBeVisible();
  await expect(recipientPage.getByRole('table', { name: t('agreements.amendments.caption', { number: 1 }) })).toBeVisible();
  await recipientPage.getByLabel(t('agreements.sign.fileAmendment', { number: 1 })).setInputFiles({ name: 'dodatek podepsaný.pdf', mimeType: 'application/pdf', buffer: PDF });
  await recipientPage.getByRole('button', { name: t('agreements.sign.submitAmendment', { number: 1 }) }).click();
  await expect(recipientPage.getByRole('status').filter({ hasText: t('agreements.sign.doneAmendment', { number: 1 }) })).toBeVisible();
  await checkPage(recipientPage, 'agreements-recipient-amendment');
  await visit(staffPage, staff, `/smlouvy/${firstId}`);
  await expect(staffPage.getByText(/^Příjemce dodatek podepsal v portálu/)).toBeVisible();
  const amendmentSignature = staffPage.getByRole('form', { name: t('agreements.amendments.sign', { number: 1 }) });
  await amendmentSignature.getByRole('textbox', { name: t('agreements.signature.signatories') }).fill('Jana Nováková; Jana Referentová');
  await amendmentSignature.getByRole('button', { name: t('agreements.signature.submit') }).click();
  await expect(staffPage.getByRole('status').filter({ hasText: t('agreements.amendments.signed', { number: 1 }) })).toBeVisible();
  const amendmentPublication = staffPage.getByRole('form', { name: t('agreements.amendments.publish', { number: 1 }) });
  await amendmentPublication.getByRole('textbox', { name: t('agreements.publication.registerId') }).fill(`R-${suffix}-D1`);
  await amendmentPublication.getByRole('button', { name: t('agreements.publication.submit') }).click();
  await staffPage
    .getByRole('dialog')
    .getByRole('button', { name: t('agreements.publication.confirm') })
    .click();
  await expect(staffPage.getByRole('status').filter({ hasText: t('agreements.amendments.published', { number: 1 }) })).toBeVisible();
  // In effect: the agreement's next version carries the new period.
  await expect(staffPage.getByRole('heading', { level: 1, name: new RegExp(`^Smlouva SML-${escape(first.number)} \\(verze 2\\)`) })).toBeVisible();
  await checkPage(staffPage, 'agreements-amended');

  // The second agreement signed on paper (staff upload the copy both signed, through the API): it waits for the register.
  // A fresh API actor: the first one's tokens (90 s in the journeys) have expired by now.
  const late = await ApiActor.start(baseURL());
  const headers = await late.as(staff.email);
  const current = (await (await late.http.get(`/api/v1/agreements/${secondId}`, { headers })).json()) as { version: number };
  const today = pragueDate(new Date(((await (await late.http.get('/api/v1/system/clock')).json()) as { now: string }).now));
  const signed = await late.http.post(`/api/v1/agreements/${secondId}/signature`, {
    headers,
    multipart: {
      version: String(current.version),
      signedOn: today,
      signatories: 'Statutár; referent MHMP',
      file: { name: 'smlouva.pdf', mimeType: 'application/pdf', buffer: PDF },
    },
  });
  expect(signed.status(), await signed.text()).toBe(200);
  await visit(staffPage, staff, '/sprava/smlouvy');
  const waiting = staffPage.getByRole('table', { name: t('agreements.list.waitingCaption') });
  const row = waiting.getByRole('row', { name: new RegExp(`SML-${escape(second.number)}`) });
  await expect(row).toContainText(t('agreements.register.pending'));
  await expect(row).toContainText('Den 0 od uzavření');
  await expect(waiting.getByRole('row', { name: new RegExp(`SML-${escape(first.number)}`) })).toHaveCount(0);
  await checkPage(staffPage, 'agreements-waiting');

  // 21 days later: the warning, on the server's clock (the browser signs in again: the session would have expired).
  await staffPage
    .getByRole('banner')
    .getByRole('button', { name: t('common.header.signOut') })
    .click();
  try {
    await late.moveClock(new Date(Date.parse(`${today}T10:00:00Z`) + 21 * DAY), `Smlouvy ${suffix}: den 21 lhůty registru`);
    await visit(staffPage, staff, '/sprava/smlouvy');
    const later = staffPage.getByRole('table', { name: t('agreements.list.waitingCaption') }).getByRole('row', { name: new RegExp(`SML-${escape(second.number)}`) });
    await expect(later).toContainText(t('agreements.register.warning'));
    await expect(later).toContainText('Den 21 od uzavření');
    const csv = staffPage.waitForEvent('download');
    await staffPage.getByRole('button', { name: t('agreements.list.csv') }).click();
    expect((await csv).suggestedFilename()).toBe('smlouvy.csv');
    await checkPage(staffPage, 'agreements-waiting-day21');
    await row.getByRole('link', { name: `SML-${second.number}` }).click();
    await expect(staffPage.getByText(t('agreements.register.warning'))).toBeVisible();
    await checkPage(staffPage, 'agreements-warning');
  } finally {
    // Again a fresh actor: whatever happened above, the reset signs in anew.
    const reset = await ApiActor.start(baseURL());
    await reset.moveClock(null, `Smlouvy ${suffix}: zpět na skutečný čas`);
    await Promise.all([reset.dispose(), late.dispose(), api.dispose()]);
  }
});
