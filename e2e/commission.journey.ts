/**
 * The commission in a real Chromium against the running system. Through the API: a call whose two applications
 * passed the formal check (the clock moves for that and is put back). In the browser: the secretary sets up the
 * commission (members found by name, the chair, reviewers per application); two members declare — the chair
 * declares a conflict with applicant A and never sees A anywhere in the portal; the secretary assigns
 * automatically (A is short of reviewers, highlighted); member 2 scores both applications by keyboard in Czech
 * (one criterion "not applicable"); the chair does their part in English and reopens member 2's sheet; the
 * secretary runs the session (attendance, quorum, discussion, votes of the members present) to its close and
 * downloads the minutes. axe on every page (checkPage).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { ApiActor, prepareCallInEvaluation } from './commission-helpers.js';
import type { Person, PreparedCall } from './commission-helpers.js';
import { baseURL, checkPage, expect, expectNoHorizontalScroll, PASSWORD, test } from './fixtures.js';

type Code = 'cs' | 'en';
const MESSAGES = 'apps/web/src/i18n/messages';
function catalog(code: Code): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const file of readdirSync(MESSAGES).filter((name) => name.endsWith(`.${code}.json`))) {
    Object.assign(messages, JSON.parse(readFileSync(`${MESSAGES}/${file}`, 'utf8')) as Record<string, string>);
  }
  return messages;
}
const CS = catalog('cs');
const EN = catalog('en');
/** A message with its simple {placeholders} filled (plural forms are not used in what the journey clicks). */
function message(messages: Record<string, string>, key: string, values: Record<string, string | number> = {}): string {
  const text = messages[key];
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
}
const cs = (key: string, values?: Record<string, string | number>) => message(CS, key, values);
const en = (key: string, values?: Record<string, string | number>) => message(EN, key, values);

async function signIn(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseURL() });
  const page = await context.newPage();
  await visit(page, person, '/hodnoceni', 'cs');
  return page;
}

/**
 * Opens `path` as `person` in `language`. A page left idle while others act is signed out by the portal's idle
 * rule (short tokens in the journeys), so the person signs in again when the sign-in form shows.
 */
async function visit(page: Page, person: Person, path: string, language: Code): Promise<void> {
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
  const switchTo = page.getByRole('banner').getByRole('button', { name: language === 'en' ? 'English' : 'Čeština' });
  if (await switchTo.isVisible()) await switchTo.click();
  await expect(page.getByRole('banner').getByRole('button', { name: language === 'en' ? 'Čeština' : 'English' })).toBeVisible();
}

/** Scores one criterion by keyboard: points typed (or "not applicable" toggled with the space bar), justification typed. */
async function scoreByKeyboard(page: Page, t: typeof cs, code: string, points: number | 'na', justification: string): Promise<void> {
  if (points === 'na') {
    await page.getByRole('checkbox', { name: t('commission.sheet.notApplicable', { code }) }).focus();
    await page.keyboard.press('Space');
  } else {
    await page.getByRole('textbox', { name: new RegExp(`^${t('commission.sheet.points', { code, max: '\\d+' }).replace(/[()]/g, '\\$&')}`) }).focus();
    await page.keyboard.type(String(points));
  }
  await page.getByRole('textbox', { name: t('commission.sheet.justification', { code }) }).focus();
  await page.keyboard.type(justification);
}

test('a commission is set up, declares, scores by keyboard, reopens a sheet, runs its session to the close and downloads the minutes', async ({ browser }) => {
  test.setTimeout(1_200_000);
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const api = await ApiActor.start(baseURL());
  let prepared: PreparedCall;
  try {
    prepared = await prepareCallInEvaluation(api, suffix);
  } finally {
    await api.dispose();
  }
  const [chair, member2] = prepared.members;
  const [a, b] = prepared.applications;

  // The secretary sets the commission up.
  const secretary = await signIn(browser, prepared.staff);
  await secretary
    .getByRole('navigation')
    .getByRole('link', { name: cs('common.nav.commission') })
    .click();
  await expect(secretary.getByRole('heading', { level: 1, name: cs('commission.list.title') })).toBeVisible();
  await checkPage(secretary, 'commission-list-secretary');
  await secretary.getByRole('link', { name: new RegExp(prepared.callCode) }).click();
  await expect(secretary.getByRole('heading', { name: cs('commission.setup.title') })).toBeVisible();
  await checkPage(secretary, 'commission-setup');
  await secretary.getByRole('textbox', { name: cs('commission.setup.name') }).fill(`Komise ${suffix}`);
  for (const person of [chair, member2]) {
    const search = secretary.getByRole('textbox', { name: cs('commission.setup.searchLabel') });
    await search.fill(person.displayName);
    await search.press('Enter');
    await secretary.getByRole('button', { name: cs('commission.setup.add', { name: person.displayName }) }).click();
  }
  await secretary.getByRole('radio', { name: cs('commission.setup.makeChair', { name: chair.displayName }) }).check();
  await secretary.getByRole('textbox', { name: cs('commission.setup.reviewersPerApplication') }).fill('2');
  await secretary.getByRole('textbox', { name: cs('commission.setup.spreadLimit') }).fill('5');
  await checkPage(secretary, 'commission-setup-filled');
  await expectNoHorizontalScroll(secretary, 390);
  await secretary.setViewportSize({ width: 1280, height: 800 });
  await secretary.getByRole('button', { name: cs('commission.setup.create') }).click();
  await expect(secretary.getByRole('heading', { name: cs('commission.manage.members') })).toBeVisible();
  await checkPage(secretary, 'commission-manage');

  // The chair, in English: nothing but the declaration before declaring; a conflict with A.
  const chairPage = await signIn(browser, chair);
  await visit(chairPage, chair, '/hodnoceni', 'en');
  await chairPage.getByRole('link', { name: new RegExp(prepared.callCode) }).click();
  await expect(chairPage.getByRole('heading', { name: en('commission.declare.title') })).toBeVisible();
  await expect(chairPage.getByText(en('commission.declare.why'))).toBeVisible();
  await expect(chairPage.getByRole('heading', { name: en('commission.reviews.title') })).toHaveCount(0);
  await checkPage(chairPage, 'commission-en-declaration');
  await chairPage.getByRole('button', { name: en('commission.declare.submit') }).click();
  await expect(chairPage.getByRole('alert')).toContainText(en('commission.declare.choose'));
  await chairPage.getByRole('radio', { name: en('commission.declare.conflict', { name: a.organisation }), exact: true }).check();
  await chairPage.getByRole('textbox', { name: en('commission.declare.reason', { name: a.organisation }) }).fill('I sit on the board of this association.');
  await chairPage.getByRole('radio', { name: en('commission.declare.noConflict', { name: b.organisation }), exact: true }).check();
  await chairPage.getByRole('button', { name: en('commission.declare.submit') }).click();
  await expect(chairPage.getByRole('heading', { name: en('commission.reviews.title') })).toBeVisible();

  // Member 2 declares no conflict with anyone.
  const memberPage = await signIn(browser, member2);
  await visit(memberPage, member2, `/hodnoceni/${prepared.callId}`, 'cs');
  for (const application of [a, b]) await memberPage.getByRole('radio', { name: cs('commission.declare.noConflict', { name: application.organisation }), exact: true }).check();
  await memberPage.getByRole('button', { name: cs('commission.declare.submit') }).click();
  await expect(memberPage.getByRole('heading', { name: cs('commission.reviews.title') })).toBeVisible();

  // Automatic assignment: A has one eligible member of the two needed, and says so.
  await visit(secretary, prepared.staff, `/hodnoceni/${prepared.callId}`, 'cs');
  await secretary.getByRole('button', { name: cs('commission.assign.auto') }).click();
  await expect(secretary.getByRole('status').filter({ hasText: `${member2.displayName}: 2` })).toBeVisible();
  await expect(
    secretary
      .getByRole('row')
      .filter({ hasText: a.number })
      .filter({ hasText: cs('commission.assign.short', { eligible: 1, required: 2 }) }),
  ).toBeVisible();
  // The chair is not offered as a reviewer of A (the server would refuse them), and the row says why.
  const rowOfA = secretary.getByRole('row').filter({ hasText: a.number });
  await expect(rowOfA.getByRole('list', { name: cs('commission.assign.notOffered', { number: a.number }) })).toContainText(
    cs('commission.assign.notOfferedConflict', { name: chair.displayName }),
  );
  await expect(rowOfA.getByRole('option', { name: chair.displayName })).toHaveCount(0);
  await checkPage(secretary, 'commission-assigned');

  // Member 2 scores both applications by keyboard, B with K3 not applicable.
  await visit(memberPage, member2, `/hodnoceni/${prepared.callId}`, 'cs');
  await expect(memberPage.getByRole('status').filter({ hasText: /0 z 2/ })).toBeVisible();
  await checkPage(memberPage, 'commission-my-reviews');
  for (const [application, values] of [
    [b, [16, 12, 'na']],
    [a, [10, 10, 5]],
  ] as const) {
    await memberPage.getByRole('link', { name: cs('commission.reviews.score', { number: application.number }) }).click();
    await expect(memberPage.getByRole('heading', { level: 1, name: cs('commission.scoring.title', { title: application.title }) })).toBeVisible();
    await expect(memberPage.getByRole('heading', { name: cs('commission.application.title') })).toBeVisible();
    await scoreByKeyboard(memberPage, cs, 'K1', values[0], 'Projekt přímo naplňuje aktivitu akčního plánu.');
    await scoreByKeyboard(memberPage, cs, 'K2', values[1], 'Harmonogram je realistický, tým zkušený.');
    await scoreByKeyboard(memberPage, cs, 'K3', values[2], values[2] === 'na' ? 'Rozpočet posuzuje jiný orgán.' : 'Náklady jsou přiměřené rozsahu.');
    // The live total by the server's rule: B = (16·2 + 12·1) / (20·2 + 20·1) × 70 = 51,33; A = (20+10+5)/70 × 70 = 35,00.
    const expected = values[2] === 'na' ? '51,33' : '35,00';
    await expect(memberPage.getByText(new RegExp(`${expected} z 70,00`))).toBeVisible();
    await expect(memberPage.getByRole('status').filter({ hasText: /Uloženo v/ })).toBeVisible();
    await checkPage(memberPage, `commission-scoring-${application === b ? 'b' : 'a'}`);
    await memberPage.getByRole('button', { name: cs('commission.sheet.submit') }).click();
    await expect(memberPage.getByText(/je odevzdán .* a uzamčen/)).toBeVisible();
    await memberPage.getByRole('link', { name: cs('commission.scoring.back') }).click();
  }
  await expect(memberPage.getByRole('status').filter({ hasText: /2 z 2/ })).toBeVisible();

  // The chair scores B in English and never sees A: not in their reviews, not in the progress, not by its address.
  await visit(chairPage, chair, `/hodnoceni/${prepared.callId}`, 'en');
  await expect(chairPage.getByRole('heading', { name: en('commission.reviews.title') })).toBeVisible();
  await expect(chairPage.getByRole('main')).not.toContainText(a.number);
  await chairPage.getByRole('link', { name: en('commission.reviews.score', { number: b.number }) }).click();
  await scoreByKeyboard(chairPage, en, 'K1', 10, 'Partly in line with the action plan.');
  await scoreByKeyboard(chairPage, en, 'K2', 9, 'The schedule is tight but feasible.');
  await scoreByKeyboard(chairPage, en, 'K3', 8, 'Costs are reasonable for the scope.');
  await expect(chairPage.getByText(/Weighted total: 37\.00 of 70\.00/)).toBeVisible();
  await checkPage(chairPage, 'commission-en-scoring');
  await chairPage.getByRole('button', { name: en('commission.sheet.submit') }).click();
  await expect(chairPage.getByText(/was submitted .* and is locked/)).toBeVisible();
  await chairPage.getByRole('link', { name: en('commission.scoring.back') }).click();
  await expect(chairPage.getByRole('heading', { name: en('commission.progress.title') })).toBeVisible();
  await expect(chairPage.getByRole('main')).not.toContainText(a.number);
  await expect(chairPage.getByRole('main')).not.toContainText(a.organisation);
  await checkPage(chairPage, 'commission-en-chair-progress');
  // The spread of B (51.33 vs 37.00) is over the limit of 5: flagged.
  await expect(
    chairPage
      .getByRole('row')
      .filter({ hasText: b.number })
      .filter({ hasText: en('commission.progress.flagged') }),
  ).toBeVisible();
  // The chair reopens member 2's sheet of B with a reason.
  await chairPage.getByRole('button', { name: en('commission.progress.reopen', { name: member2.displayName, number: b.number }) }).click();
  await chairPage.getByRole('textbox', { name: en('commission.progress.reason') }).fill('Please reconsider K1 after the discussion.');
  await chairPage.getByRole('button', { name: en('commission.progress.reopenConfirm'), exact: true }).click();
  await expect(chairPage.getByRole('row').filter({ hasText: `${member2.displayName}: ${en('commission.status.draft')}` })).toBeVisible();
  await visit(chairPage, chair, `/hodnoceni/${prepared.callId}/zadosti/${a.id}`, 'en');
  await expect(chairPage.getByRole('alert')).toBeVisible();
  await expect(chairPage.getByRole('main')).not.toContainText(a.title);

  // Member 2 sees the reopened sheet as a draft and submits it again.
  await visit(memberPage, member2, `/hodnoceni/${prepared.callId}`, 'cs');
  await memberPage.getByRole('link', { name: cs('commission.reviews.continue', { number: b.number }) }).click();
  await memberPage.getByRole('button', { name: cs('commission.sheet.submit') }).click();
  await expect(memberPage.getByText(/je odevzdán .* a uzamčen/)).toBeVisible();

  // The secretary follows the progress and convenes the session.
  await visit(secretary, prepared.staff, `/hodnoceni/${prepared.callId}`, 'cs');
  await expect(secretary.getByRole('heading', { name: cs('commission.progress.title') })).toBeVisible();
  await secretary.getByRole('textbox', { name: cs('commission.sessions.number') }).fill(`1/${suffix}`);
  await secretary.getByLabel(cs('commission.sessions.heldAt')).fill('2026-12-20T10:00');
  await secretary.getByRole('textbox', { name: cs('commission.sessions.place'), exact: true }).fill('Mariánské nám. 2, Praha 1');
  await secretary.getByRole('button', { name: cs('commission.sessions.conveneButton'), exact: true }).click();
  await secretary.getByRole('link', { name: new RegExp(`1/${suffix}`) }).click();
  await expect(secretary.getByRole('heading', { level: 1, name: cs('commission.session.title', { number: `1/${suffix}` }) })).toBeVisible();
  await expect(
    secretary
      .getByRole('status')
      .filter({ hasText: cs('commission.session.quorumNotMet', { present: 0, total: 2, required: 2 }) })
      .first(),
  ).toBeVisible();
  await checkPage(secretary, 'commission-session-open');
  await expectNoHorizontalScroll(secretary, 390);
  await secretary.setViewportSize({ width: 1280, height: 800 });
  for (const person of [chair, member2]) await secretary.getByRole('checkbox', { name: new RegExp(person.displayName) }).check();
  await secretary.getByRole('button', { name: cs('commission.session.saveAttendance'), exact: true }).click();
  await expect(
    secretary
      .getByRole('status')
      .filter({ hasText: cs('commission.session.quorumMet', { present: 2, total: 2, required: 2 }) })
      .first(),
  ).toBeVisible();
  // B is flagged (reviewers far apart), so its discussion form is open already.
  await secretary.getByRole('textbox', { name: cs('commission.decision.discussionNotes', { number: b.number }) }).fill('Komise probrala rozdílná hodnocení K1.');
  await secretary.getByRole('button', { name: cs('commission.decision.save', { number: b.number }) }).click();
  await expect(secretary.getByRole('status').filter({ hasText: cs('commission.decision.saved') })).toBeVisible();

  // Members present vote; the chair sees only B on the agenda.
  const sessionUrl = secretary.url();
  await visit(chairPage, chair, new URL(sessionUrl).pathname, 'en');
  await expect(chairPage.getByRole('heading', { level: 1 })).toContainText(`1/${suffix}`);
  await expect(chairPage.getByRole('main')).not.toContainText(a.number);
  await chairPage.getByRole('button', { name: en('commission.session.vote.for', { number: b.number }) }).click();
  await expect(chairPage.getByRole('status').filter({ hasText: en('commission.session.voted', { vote: en('commission.session.voteName.for') }) })).toBeVisible();
  await checkPage(chairPage, 'commission-en-session-vote');
  await visit(memberPage, member2, new URL(sessionUrl).pathname, 'cs');
  for (const application of [a, b]) await memberPage.getByRole('button', { name: cs('commission.session.vote.for', { number: application.number }) }).click();
  await expect(memberPage.getByRole('status').filter({ hasText: cs('commission.session.voted', { vote: cs('commission.session.voteName.for') }) })).toHaveCount(2);
  await checkPage(memberPage, 'commission-session-vote');
  // After a reload the member still sees the votes they recorded.
  await memberPage.reload();
  await expect(memberPage.getByRole('status').filter({ hasText: cs('commission.session.voted', { vote: cs('commission.session.voteName.for') }) })).toHaveCount(2);
  await expect(memberPage.getByRole('button', { name: cs('commission.session.vote.for', { number: b.number }) })).toHaveAttribute('aria-pressed', 'true');

  // The secretary closes the session (what closing freezes is said first) and downloads the minutes.
  await visit(secretary, prepared.staff, new URL(sessionUrl).pathname, 'cs');
  await expect(secretary.getByText(cs('commission.close.freezeRecommendation'))).toBeVisible();
  await secretary.getByRole('textbox', { name: cs('commission.close.conclusion') }).fill('Komise doporučuje žádosti podle pořadí.');
  await secretary.getByRole('checkbox', { name: cs('commission.close.understood') }).check();
  await secretary.getByRole('button', { name: cs('commission.close.submit'), exact: true }).click();
  await expect(secretary.getByText(cs('commission.sessions.status.closed'), { exact: true })).toBeVisible();
  await checkPage(secretary, 'commission-session-closed');
  const download = secretary.waitForEvent('download');
  await secretary.getByRole('button', { name: cs('commission.session.minutes') }).click();
  expect((await download).suggestedFilename()).toMatch(/^zapis-.+\.pdf$/);
  const csv = secretary.waitForEvent('download');
  await secretary.getByRole('button', { name: cs('commission.session.csv') }).click();
  expect((await csv).suggestedFilename()).toBe('doporuceni-komise.csv');
});
