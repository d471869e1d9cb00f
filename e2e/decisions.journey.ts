/**
 * Decisions in the portal (issue 17): a call in evaluation with three applications and a small allocation (area I:
 * 300 000 Kč) is arranged through the API; in the browser staff assemble the Council's resolution without a commission
 * session (the reason field shows because the proposal says so), one row is refused over the allocation and the
 * refusal shows at that row, it is fixed and recorded with the signed PDF; the letters are previewed and their
 * sending record shows. An agreement with a paid tranche is arranged through the API; then, in English, a decision is
 * changed: before/after, a new amount below what was paid shown as needing a return and refused at its row, a valid
 * change recorded with what it does to the agreement. An auditor reads the same page without any action. axe and
 * screenshots on every page; elements by role and accessible name only.
 */
import type { Browser, Page } from '@playwright/test';
import { baseURL, checkPage, expect, expectNoHorizontalScroll, test } from './fixtures.js';
import { ApiActor, PASSWORD, prepareCallInEvaluation } from './commission-helpers.js';
import type { Person } from './commission-helpers.js';
import { effectiveAgreement, payTranche } from './lifecycle.js';
import { messages, PDF_BYTES } from './staff-helpers.js';

const cs = messages('cs');
const en = messages('en');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function signIn(browser: Browser, person: Person, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByRole('textbox', { name: cs('auth.email') }).fill(person.email);
  await page.getByLabel(cs('auth.password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: cs('auth.signIn.submit'), exact: true }).click();
  await expect(page.getByRole('banner').getByText(person.displayName)).toBeVisible();
  return page;
}

/** Confirms the dialog that every resolution goes through. */
async function confirmRecord(page: Page, t: typeof cs): Promise<void> {
  const dialog = page.getByRole('dialog', { name: t('decisions.confirm.title') });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: t('decisions.confirm.yes'), exact: true }).click();
}

test('staff assemble the Council resolution (a row refused over the allocation), see the letters sent, and change a decision', async ({ browser }) => {
  const api = await ApiActor.start(baseURL());
  const suffix = `D${Date.now().toString(36).slice(-5).toUpperCase()}`;
  try {
    const prepared = await prepareCallInEvaluation(api, suffix, {
      count: 3,
      call: {
        totalAllocation: '1000000.00',
        maxGrant: '500000.00',
        budgetAreas: [
          { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '300000.00' },
          { code: 'II', name: 'Okruh II – publikace', allocation: '700000.00' },
        ],
      },
    });
    const [a, b, c] = prepared.applications;
    const staff = prepared.staff;
    const page = await signIn(browser, staff, `/sprava/vyzvy/${prepared.callId}`);

    // The call's overview offers the decisions among what staff can do now.
    await page.getByRole('link', { name: cs('decisions.overview.link') }).click();
    await expect(page.getByRole('heading', { level: 1, name: cs('decisions.title', { code: prepared.callCode }) })).toBeVisible();
    await expect(page.getByText(cs('decisions.noSession'))).toBeVisible();
    const council = page.getByRole('region', { name: cs('decisions.proposal.title', { body: cs('decisions.body.council') }) });
    for (const application of prepared.applications) await expect(council.getByRole('rowheader', { name: new RegExp(escape(application.number)) })).toBeVisible();
    await expect(council.getByText('§ 68 odst. 2 písm. l)', { exact: false }).first()).toBeVisible();
    await checkPage(page, 'decisions-overview');
    await expectNoHorizontalScroll(page, 390);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The Council's resolution: three rows prefilled from the proposal (170 000 Kč each asked).
    await page.getByRole('link', { name: /^Sestavit usnesení Rady/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: cs('decisions.form.title', { body: cs('decisions.body.council'), code: prepared.callCode }) })).toBeVisible();
    await page.getByRole('textbox', { name: cs('decisions.form.number') }).fill(`USN RHMP ${suffix}/2026`);
    // No commission session: the reason is asked for.
    await page.getByRole('textbox', { name: cs('decisions.form.withoutReason') }).fill('Komise v tomto průchodu nezasedala; Rada rozhoduje bez jejího doporučení.');
    await page.getByLabel(cs('decisions.form.file')).setInputFiles({ name: `usneseni-${suffix}.pdf`, mimeType: 'application/pdf', buffer: PDF_BYTES });
    const rowOf = (application: { number: string; organisation: string }) => page.getByRole('group', { name: `${application.number} – ${application.organisation}` });
    await rowOf(c)
      .getByRole('radio', { name: cs('decisions.row.reject') })
      .check();
    await page.getByRole('textbox', { name: cs('decisions.row.reasonOf', { number: c.number }) }).fill('Projekt nedosáhl potřebného počtu bodů.');
    // Live: 2 × 170 000 Kč in area I, whose allocation is 300 000 Kč.
    const live = page.getByRole('complementary', { name: cs('decisions.live.title') });
    await expect(live.getByText(cs('decisions.live.over', { areas: 'I' }))).toBeVisible();
    await checkPage(page, 'decisions-resolution-over');
    await page.getByRole('button', { name: cs('decisions.form.submit') }).click();
    await confirmRecord(page, cs);
    // The server refuses it at the row that crosses the allocation (the second approval), with the summary linking there.
    const amountOfB = page.getByRole('textbox', { name: cs('decisions.row.amountOf', { number: b.number }) });
    await expect(amountOfB).toHaveAttribute('aria-invalid', 'true');
    await expect(rowOf(b).getByText(/Schválení by překročilo alokaci okruhu/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: cs('decisions.row.amountOf', { number: a.number }) })).not.toHaveAttribute('aria-invalid', 'true');
    const summary = page.getByRole('alert').filter({ hasText: cs('common.error.summaryTitle') });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: new RegExp(`^${escape(b.number)} – částka`) }).click();
    await expect(amountOfB).toBeFocused();
    await checkPage(page, 'decisions-resolution-refused');
    await expectNoHorizontalScroll(page, 390);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Fixed at its row: 130 000 Kč leaves area I exactly spent.
    await amountOfB.fill('130 000');
    await expect(live.getByText(/Po usnesení zbude z alokace výzvy 700\s000,00\sKč\./)).toBeVisible();
    await page.getByRole('button', { name: cs('decisions.form.submit') }).click();
    await confirmRecord(page, cs);
    await expect(page.getByRole('heading', { level: 1, name: cs('decisions.title', { code: prepared.callCode }) })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: cs('decisions.recorded', { number: `USN RHMP ${suffix}/2026` }) })).toBeVisible();
    const decisions = page.getByRole('region', { name: cs('decisions.list.title') });
    // The letters: the worker sends them; the page refreshes until each shows when it went.
    await expect(decisions.getByText(/^Odesláno \d/)).toHaveCount(3, { timeout: 60_000 });
    await expect(decisions.getByText(cs('decisions.letter.kind.rejection'))).toHaveCount(1);
    await expect(decisions.getByRole('listitem').filter({ hasText: /@e2e\.praha\.eu: odesláno/ })).toHaveCount(3);
    const download = page.waitForEvent('download');
    await decisions.getByRole('button', { name: cs('decisions.letter.previewOf', { number: c.number, resolution: `USN RHMP ${suffix}/2026` }) }).click();
    expect((await download).suggestedFilename()).toMatch(/^oznameni-o-neposkytnuti-.*\.pdf$/);
    const funding = page.getByRole('region', { name: cs('decisions.funding.title') });
    await expect(funding.getByRole('row', { name: /^I Okruh I –/ })).toContainText(/0,00\sKč$/);
    await checkPage(page, 'decisions-letters-sent');

    // Arranged through the API: A's agreement is effective and its first tranche (100 000 Kč) paid.
    const approver = await api.createUser('schvalovatel', ['staff'], `Schvalovatel ${suffix}`);
    const agreementId = await effectiveAgreement(api, staff, a.id, ['100000.00', '70000.00']);
    await payTranche(api, staff, approver, agreementId, 1, '100000.00');

    // In English: change A's decision.
    await page.reload();
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: en('decisions.title', { code: prepared.callCode }) })).toBeVisible();
    await page.getByRole('link', { name: en('decisions.changeOf', { number: a.number }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: en('decisions.form.changeTitle', { code: prepared.callCode }) })).toBeVisible();
    const change = page.getByRole('region', { name: en('decisions.change.title', { number: a.number }) });
    await expect(change).toContainText(/Approved CZK\s170,000\.00/);
    const amountOfA = page.getByRole('textbox', { name: en('decisions.row.amountOf', { number: a.number }) });
    await amountOfA.fill('90,000.00');
    // Below what is paid: the page says a return would be needed, and the server refuses it at the row.
    await expect(change.getByText(/the difference of CZK\s10,000\.00 would be a return/)).toBeVisible();
    await page.getByRole('textbox', { name: en('decisions.form.number') }).fill(`USN RHMP ${suffix}-Z/2026`);
    await page.getByRole('textbox', { name: en('decisions.form.withoutReason') }).fill('The commission did not sit in this run; the Council decides without it.');
    await checkPage(page, 'decisions-change-en-below-paid');
    await page.getByRole('button', { name: en('decisions.form.submitChange') }).click();
    await confirmRecord(page, en);
    await expect(amountOfA).toHaveAttribute('aria-invalid', 'true');
    await expect(rowOf(a).getByText(/already paid or ordered; a decision cannot take the grant below that/)).toBeVisible();

    await amountOfA.fill('120,000.00');
    await expect(change.getByText(/CZK\s50,000\.00 goes back to the allocation\./)).toBeVisible();
    await expect(change.getByText(/changes from CZK\s170,000\.00 to CZK\s120,000\.00/)).toBeVisible();
    await page.getByRole('button', { name: en('decisions.form.submitChange') }).click();
    await confirmRecord(page, en);
    await expect(page.getByRole('status').filter({ hasText: en('decisions.recorded', { number: `USN RHMP ${suffix}-Z/2026` }) })).toBeVisible();
    const rowsOfA = page.getByRole('region', { name: en('decisions.list.title') }).getByRole('row', { name: new RegExp(escape(a.number)) });
    await expect(rowsOfA).toHaveCount(2);
    await expect(rowsOfA.filter({ hasText: en('decisions.superseded') })).toContainText(/Approved CZK\s170,000\.00/);
    await expect(rowsOfA.filter({ hasText: en('decisions.effective') })).toContainText(/Agreement .* for CZK\s120,000\.00; paid CZK\s100,000\.00/);
    await checkPage(page, 'decisions-changed-en');
    await page.context().close();

    // An auditor reads the same page without any action.
    const auditor = await api.createUser('auditor', ['auditor'], `Auditorka ${suffix}`);
    const auditorPage = await signIn(browser, auditor, `/sprava/vyzvy/${prepared.callId}/rozhodnuti`);
    await expect(auditorPage.getByRole('heading', { level: 1, name: cs('decisions.title', { code: prepared.callCode }) })).toBeVisible();
    await expect(auditorPage.getByRole('region', { name: cs('decisions.list.title') }).getByRole('row', { name: new RegExp(escape(a.number)) })).toHaveCount(2);
    await expect(auditorPage.getByRole('link', { name: /Změnit rozhodnutí|Sestavit usnesení/ })).toHaveCount(0);
    await checkPage(auditorPage, 'decisions-auditor');
    await auditorPage.context().close();
  } finally {
    await api.dispose();
  }
});
