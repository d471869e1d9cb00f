/**
 * Payments in a real Chromium against the running system. Through the API: a decided call of three applications
 * with effective agreements; A's tranche is paid and A's settlement checked with 30 000 Kč to return. In the
 * browser: officer 1 orders the call's due tranches in bulk and cannot approve their own orders (the page says
 * why); officer 2 holds one with a reason, releases it, approves all three, exports them as pain.001.001.09 (the
 * file is validated against the official XSD) and finds the batch again; a camt.053 statement of those payments,
 * A's return and one stranger is imported (three confirmed, one return, one unmatched), imported again (nothing
 * changes), and the stranger's line is resolved with a reason. axe on every page (checkPage).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { APIResponse, Browser, Page } from '@playwright/test';
import { camt053Statement } from '../scripts/camt053-statement.js';
import { ISO20022_XSD, xsdErrors } from '../libs/testing/src/xsd.js';
import { ApiActor, effectiveAgreement, payTranche, prepareDecidedCall } from './lifecycle.js';
import type { Person } from './commission-helpers.js';
import { baseURL, checkPage, expect, expectNoHorizontalScroll, PASSWORD, test } from './fixtures.js';

const CS: Record<string, string> = JSON.parse(readFileSync('apps/web/src/i18n/messages/payments.cs.json', 'utf8')) as Record<string, string>;
/** A Czech message with its simple {placeholders} filled (plural messages are matched by their words instead). */
function cs(key: string, values: Record<string, string | number> = {}): string {
  const text = CS[key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

const today = () => new Date().toISOString().slice(0, 10);

async function signIn(browser: Browser, person: Person, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL(), acceptDownloads: true });
  const page = await context.newPage();
  await visit(page, person, path);
  return page;
}

/** Opens `path` as `person`, signing in again if the portal's idle rule signed them out meanwhile. */
async function visit(page: Page, person: Person, path: string): Promise<void> {
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
    if (new URL(page.url()).pathname + new URL(page.url()).search !== path) await page.goto(path);
  }
}

interface Arranged {
  callId: string;
  callCode: string;
  officer1: Person;
  officer2: Person;
  /** Variable symbols by application: A (owes the return), B and C (their tranches get ordered in the browser). */
  vs: { a: string; b: string; c: string };
  agreements: { b: string; c: string };
}

/** The call, its agreements, A's paid tranche and A's checked settlement with 30 000 Kč to return. */
async function arrange(api: ApiActor, suffix: string): Promise<Arranged> {
  const prepared = await prepareDecidedCall(api, suffix, { count: 3 });
  const officer1 = prepared.staff;
  const officer2 = await api.createUser('referent2', ['staff'], `Referentka Druhá ${suffix}`);
  const [a, b, c] = prepared.applications;
  const agreementA = await effectiveAgreement(api, officer1, a.id, ['150000.00']);
  const agreementB = await effectiveAgreement(api, officer1, b.id, ['100000.00', '50000.00']);
  const agreementC = await effectiveAgreement(api, officer1, c.id, ['150000.00']);
  await payTranche(api, officer1, officer2, agreementA, 1, '150000.00');

  // A's applicant settles 120 000 Kč of eligible costs; the check leaves 30 000 Kč to return.
  const staffHeaders = await api.as(officer1.email);
  const [member] = await ok<{ email: string }[]>(await api.http.get(`/api/v1/organisations/${a.organisationId}/members`, { headers: staffHeaders }), 'members');
  const applicant = await api.as(member.email);
  const [line] = await ok<{ id: string }[]>(await api.http.get(`/api/v1/applications/${a.id}/budget-lines`, { headers: applicant }), 'budget lines');
  const settlement = await ok<{ id: string; version: number; costDocuments: { id: string }[] }>(
    await api.http.post(`/api/v1/agreements/${agreementA}/settlement`, {
      headers: applicant,
      data: {
        costDocuments: [{ budgetLineId: line.id, number: 'FV-2023-001', issuedOn: '2023-05-31', supplier: 'Tlumočnice Nováková', amount: '120000.00', paidOn: '2023-06-05' }],
        report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 120 }],
      },
    }),
    'settlement',
  );
  const checked = await ok<{ returnDue: string }>(
    await api.http.post(`/api/v1/settlements/${settlement.id}/check`, {
      headers: staffHeaders,
      data: { reviews: [{ costDocumentId: settlement.costDocuments[0].id, review: 'eligible' }], returnDueDate: '2099-03-31', version: settlement.version },
    }),
    'settlement check',
  );
  expect(checked.returnDue).toBe('30000.00');
  const vsOf = (number: string) => number.replace(/\D/g, '').slice(-10);
  return {
    callId: prepared.callId,
    callCode: prepared.callCode,
    officer1,
    officer2,
    vs: { a: vsOf(a.number), b: vsOf(b.number), c: vsOf(c.number) },
    agreements: { b: agreementB, c: agreementC },
  };
}

/** The parts of a pain.001 file the journey reads. */
interface PainDocument {
  Document: {
    CstmrCdtTrfInitn: {
      GrpHdr: { MsgId: string; NbOfTxs: string; CtrlSum: string };
      PmtInf: {
        DbtrAcct: { Id: { IBAN: string } };
        CdtTrfTxInf: { PmtId: { EndToEndId: string }; Amt: { InstdAmt: { '#text': string } }; RmtInf: { Strd: { CdtrRefInf: { Ref: string } } } }[];
      };
    };
  };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('due tranches ordered in bulk, approved by the other officer, exported as pain.001, the camt.053 statement matched, imported again without change, the stranger resolved', async ({
  browser,
}) => {
  test.setTimeout(900_000);
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const api = await ApiActor.start(baseURL());
  let arranged: Arranged;
  try {
    arranged = await arrange(api, suffix);
  } finally {
    await api.dispose();
  }
  const { callId, officer1, officer2 } = arranged;

  // Officer 1: from the dashboard to the call's due tranches, all ordered in one go.
  const one = await signIn(browser, officer1, '/sprava');
  await one.getByRole('link', { name: cs('payments.dashboardLink') }).click();
  await expect(one.getByRole('heading', { level: 1, name: cs('payments.due.title') })).toBeVisible();
  await one.getByRole('combobox', { name: cs('payments.filter.call') }).selectOption(callId);
  await expect(one.getByRole('status').filter({ hasText: '3 splátky čekají na zadání příkazu, celkem 300 000,00 Kč.' })).toBeVisible();
  await expect(one.getByRole('table', { name: cs('payments.due.caption') }).getByRole('row')).toHaveCount(4);
  await checkPage(one, 'payments-due');
  await one.getByRole('button', { name: cs('payments.due.orderAll', { count: 3 }) }).click();
  // The report takes the focus and is announced.
  await expect(one.getByRole('status', { name: cs('payments.due.report', { ordered: 3, failed: 0 }) })).toBeFocused();
  await expect(one.getByRole('status').filter({ hasText: 'Žádná splátka nečeká na zadání příkazu.' })).toBeVisible();
  await checkPage(one, 'payments-due-ordered');

  // Officer 1 sees their own orders in the queue but cannot approve them, and is told why.
  await one.getByRole('link', { name: cs('payments.due.toApproval') }).click();
  await expect(one.getByRole('heading', { level: 1, name: cs('payments.orders.title') })).toBeVisible();
  await one.getByRole('combobox', { name: cs('payments.filter.call') }).selectOption(callId);
  const ownQueue = one.getByRole('table', { name: cs('payments.orders.caption') });
  await expect(ownQueue.getByText(cs('payments.orders.own'))).toHaveCount(3);
  await expect(ownQueue.getByRole('checkbox', { name: /^Vybrat příkaz/ })).toHaveCount(0);
  await expect(one.getByText(cs('payments.orders.fourEyes'))).toBeVisible();
  await expect(one.getByRole('button', { name: cs('payments.orders.approveSelected', { count: 0 }) })).toBeDisabled();
  await checkPage(one, 'payments-queue-own');

  // Officer 2: holds C's order with a reason (refused first without one), releases it, approves all three.
  const two = await signIn(browser, officer2, `/sprava/platby/prikazy?stav=ordered&vyzva=${callId}`);
  await expect(two.getByRole('heading', { level: 1, name: cs('payments.orders.title') })).toBeVisible();
  const queue = two.getByRole('table', { name: cs('payments.orders.caption') });
  await expect(queue.getByRole('checkbox', { name: /^Vybrat příkaz/ })).toHaveCount(3);
  const rowOfC = queue
    .getByRole('row')
    .filter({ has: two.getByRole('rowheader', { name: /./ }) })
    .filter({ hasText: '150 000,00 Kč' });
  const cName = (await rowOfC.getByRole('rowheader').innerText()).trim();
  const orderC = cs('payments.orders.orderName', { agreement: cName, tranche: 1 });
  await two.getByRole('button', { name: cs('payments.orders.holdNamed', { name: orderC }) }).click();
  const holdDialog = two.getByRole('dialog', { name: cs('payments.orders.holdTitle', { name: orderC }) });
  await expect(holdDialog).toBeVisible();
  await holdDialog.getByRole('button', { name: cs('payments.orders.hold') }).click();
  await expect(holdDialog.getByRole('alert')).toBeVisible();
  await expect(holdDialog.getByRole('textbox', { name: cs('payments.orders.reason') })).toHaveAttribute('aria-invalid', 'true');
  await holdDialog.getByRole('textbox', { name: cs('payments.orders.reason') }).fill('Ověřujeme číslo účtu příjemce.');
  await checkPage(two, 'payments-hold-dialog');
  await holdDialog.getByRole('button', { name: cs('payments.orders.hold') }).click();
  await expect(two.getByRole('status', { name: cs('payments.orders.done.hold', { name: orderC }) })).toBeFocused();
  await two.getByRole('combobox', { name: cs('payments.col.status') }).selectOption('held');
  await expect(queue.getByText(cs('payments.orders.holdReason', { reason: 'Ověřujeme číslo účtu příjemce.' }))).toBeVisible();
  await checkPage(two, 'payments-held');
  await two.getByRole('button', { name: cs('payments.orders.releaseNamed', { name: orderC }) }).click();
  await expect(two.getByRole('heading', { name: cs('payments.orders.done.release', { name: orderC }) })).toBeVisible();
  await two.getByRole('combobox', { name: cs('payments.col.status') }).selectOption('ordered');
  await expect(queue.getByRole('checkbox', { name: /^Vybrat příkaz/ })).toHaveCount(3);
  await two.getByRole('checkbox', { name: cs('payments.orders.selectPage') }).check();
  await expect(two.getByText('Vybrány 3 příkazy.')).toBeVisible();
  await two.getByRole('button', { name: cs('payments.orders.approveSelected', { count: 3 }) }).click();
  await expect(two.getByRole('status', { name: cs('payments.orders.approvedReport', { approved: 3, failed: 0 }) })).toBeFocused();
  await expect(two.getByText('Žádný příkaz.')).toBeVisible();
  await checkPage(two, 'payments-approved');
  // The wide table scrolls inside its region, never the page.
  await expectNoHorizontalScroll(two, 390);
  await two.setViewportSize({ width: 1280, height: 800 });

  // Officer 2 exports the call's orders as pain.001.001.09 (confirmed first); the file is valid by the official XSD.
  await two
    .getByRole('navigation', { name: cs('payments.nav.label') })
    .getByRole('link', { name: cs('payments.nav.bank') })
    .click();
  await expect(two.getByRole('heading', { level: 1, name: cs('payments.bank.title') })).toBeVisible();
  await two.getByRole('combobox', { name: cs('payments.filter.call') }).selectOption(callId);
  await two.getByRole('combobox', { name: cs('payments.bank.version') }).selectOption('pain.001.001.09');
  await expect(two.getByText('3 schválené příkazy čekají na export, celkem 300 000,00 Kč.')).toBeVisible();
  await checkPage(two, 'payments-bank');
  await two.getByRole('button', { name: cs('payments.bank.exportPain') }).click();
  const confirm = two.getByRole('dialog', { name: cs('payments.bank.confirmTitle') });
  await expect(confirm).toContainText('pain.001.001.09');
  const pain = await downloaded(two, () => confirm.getByRole('button', { name: cs('payments.bank.exportPain') }).click());
  expect(pain.name).toMatch(/^platebni-prikazy-HMP-\d{8}-[0-9A-F]{12}\.xml$/);
  expect(await xsdErrors(pain.text, ISO20022_XSD['pain.001.001.09'])).toEqual([]);
  await expect(two.getByRole('heading', { name: cs('payments.bank.exported', { file: pain.name }) })).toBeVisible();
  await expect(two.getByText('Žádný schválený příkaz nečeká na export.')).toBeVisible();
  const parsed = (new XMLParser({ parseTagValue: false, ignoreAttributes: false, isArray: (n) => n === 'CdtTrfTxInf' }).parse(pain.text) as PainDocument).Document.CstmrCdtTrfInitn;
  const messageId = parsed.GrpHdr.MsgId;
  expect(parsed.GrpHdr).toMatchObject({ NbOfTxs: '3', CtrlSum: '300000.00' });
  const cityIban = parsed.PmtInf.DbtrAcct.Id.IBAN;
  const transfers = parsed.PmtInf.CdtTrfTxInf;
  // The batch is listed and its orders show it.
  const batches = two.getByRole('table', { name: cs('payments.bank.batchesCaption') });
  await expect(batches.getByRole('rowheader', { name: messageId })).toBeVisible();
  await checkPage(two, 'payments-bank-exported');
  await two.getByRole('link', { name: cs('payments.bank.ordersNamed', { id: messageId }) }).click();
  await expect(two.getByRole('heading', { level: 1, name: cs('payments.orders.title') })).toBeVisible();
  await expect(queue.getByRole('cell', { name: messageId })).toHaveCount(3);
  await expect(queue.getByText(cs('payments.status.exported'))).toHaveCount(3);

  // The bank's statement: the three transfers by their end-to-end ids, A's return by its variable symbol, a stranger.
  const tag = messageId.slice(-8);
  const statementFile = path.join(os.tmpdir(), `vypis-${tag}.xml`);
  writeFileSync(
    statementFile,
    camt053Statement({
      id: `VYPIS-${messageId}`,
      iban: cityIban,
      entries: [
        ...transfers.map((x, i) => ({
          ref: `J-${tag}-${i + 1}`,
          direction: 'debit' as const,
          amount: x.Amt.InstdAmt['#text'],
          bookedOn: today(),
          endToEndId: x.PmtId.EndToEndId,
          variableSymbol: x.RmtInf.Strd.CdtrRefInf.Ref.replace(/^VS:/, ''),
        })),
        { ref: `J-${tag}-R`, direction: 'credit', amount: '30000.00', bookedOn: today(), variableSymbol: arranged.vs.a, counterpartyName: 'Spolek A', message: 'Vratka dotace' },
        { ref: `J-${tag}-X`, direction: 'credit', amount: '2500.00', bookedOn: today(), variableSymbol: '7777777777', counterpartyName: 'Neznámý plátce', message: 'Dar' },
      ],
    }),
  );
  await two
    .getByRole('navigation', { name: cs('payments.nav.label') })
    .getByRole('link', { name: cs('payments.nav.statements') })
    .click();
  await expect(two.getByRole('heading', { level: 1, name: cs('payments.statements.title') })).toBeVisible();
  await checkPage(two, 'payments-statements');
  // Nothing chosen: the error is at the file field.
  await two.getByRole('button', { name: cs('payments.statements.import') }).click();
  await expect(two.getByRole('alert')).toContainText(cs('payments.statements.fileRequired'));
  await two.getByLabel(cs('payments.statements.file')).setInputFiles(statementFile);
  await two.getByRole('button', { name: cs('payments.statements.import') }).click();
  const importReport = two.getByRole('status', { name: 'Výpis načten: 5 řádků' });
  await expect(importReport).toBeFocused();
  await expect(importReport.getByText(cs('payments.statements.matchedPayments', { count: 3 }))).toBeVisible();
  await expect(importReport.getByText(cs('payments.statements.matchedReturns', { count: 1 }))).toBeVisible();
  await expect(importReport.getByText(cs('payments.statements.unmatched', { count: 1 }))).toBeVisible();
  const lines = two.getByRole('table', { name: cs('payments.statements.caption') });
  await expect(lines.getByRole('rowheader', { name: `J-${tag}-X` })).toBeVisible();
  await expect(lines.getByRole('rowheader', { name: new RegExp(`^J-${escape(tag)}-[123R]$`) })).toHaveCount(0);
  await checkPage(two, 'payments-statement-imported');
  await expectNoHorizontalScroll(two, 390);
  await two.setViewportSize({ width: 1280, height: 800 });
  // Every line of this statement: the four matched with the stranger.
  await importReport.getByRole('button', { name: cs('payments.statements.showLines') }).click();
  await expect(two.getByText(cs('payments.statements.onlyThis'))).toBeVisible();
  await expect(lines.getByRole('rowheader', { name: new RegExp(`^J-${escape(tag)}-`) })).toHaveCount(5);
  await expect(lines.getByRole('row', { name: new RegExp(`J-${escape(tag)}-1`) })).toContainText(cs('payments.match.payment'));

  // The same file again: nothing changes.
  await two.getByLabel(cs('payments.statements.file')).setInputFiles(statementFile);
  await two.getByRole('button', { name: cs('payments.statements.import') }).click();
  await expect(two.getByRole('status', { name: cs('payments.statements.nothingChanged') })).toBeFocused();
  await expect(two.getByText('Tento výpis už byl načten dříve; 5 řádků bylo přeskočeno.')).toBeVisible();
  await checkPage(two, 'payments-statement-again');

  // The matched lines: three orders paid, A's return received.
  await two.getByRole('combobox', { name: cs('payments.col.status') }).selectOption('matched');
  await expect(lines.getByRole('rowheader', { name: new RegExp(`^J-${escape(tag)}-[123R]$`) })).toHaveCount(4);
  await expect(lines.getByRole('row', { name: new RegExp(`J-${escape(tag)}-R`) })).toContainText(cs('payments.match.settlement'));

  // The stranger resolved by a person: nothing chosen and no reason is refused at the fields, then recorded.
  await two.getByRole('combobox', { name: cs('payments.col.status') }).selectOption('unmatched');
  await two.getByRole('button', { name: cs('payments.statements.resolveNamed', { entry: `J-${tag}-X` }) }).click();
  const resolveHeading = two.getByRole('heading', { name: cs('payments.statements.resolveTitle', { entry: `J-${tag}-X` }) });
  await expect(resolveHeading).toBeFocused();
  await expect(two.getByRole('radio', { name: cs('payments.statements.notOurs') })).toBeVisible();
  await two.getByRole('button', { name: cs('payments.statements.saveResolution') }).click();
  await expect(two.getByRole('alert')).toContainText(cs('payments.statements.chooseRequired'));
  await expect(two.getByRole('alert')).toContainText(cs('payments.statements.noteRequired'));
  await checkPage(two, 'payments-resolve-errors');
  await two.getByRole('radio', { name: cs('payments.statements.notOurs') }).check();
  await two.getByRole('textbox', { name: cs('payments.statements.note') }).fill('Dar fyzické osoby, nesouvisí s dotací.');
  await two.getByRole('button', { name: cs('payments.statements.saveResolution') }).click();
  await expect(two.getByRole('status', { name: cs('payments.statements.resolved', { entry: `J-${tag}-X` }) })).toBeFocused();
  await expect(lines.getByRole('rowheader', { name: `J-${tag}-X` })).toHaveCount(0);
  await two.getByRole('combobox', { name: cs('payments.col.status') }).selectOption('resolved');
  await expect(lines.getByRole('row', { name: new RegExp(`J-${escape(tag)}-X`) })).toContainText('Dar fyzické osoby, nesouvisí s dotací.');
  await checkPage(two, 'payments-resolved');

  // The orders show paid, with the bank's date: the three of this journey and A's tranche paid before.
  await visit(two, officer2, `/sprava/platby/prikazy?stav=paid&vyzva=${callId}`);
  await expect(queue.getByText(cs('payments.status.paid'), { exact: true })).toHaveCount(4);
  await expect(queue.getByRole('cell', { name: messageId })).toHaveCount(3);
  await checkPage(two, 'payments-paid');
});
