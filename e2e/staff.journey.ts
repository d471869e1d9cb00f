/**
 * Programme staff run a call in a real Chromium against the running system: create a call and fill it in the
 * editor (autosaved), publication refused with the opening 29 days ahead and accepted at 30, an amendment
 * (a change the law refuses explained at its field, then an allowed one); then — the clock moved into and past
 * the application period, applications submitted through the API by applicants created here — the formal
 * check: one remedy request, one exclusion, the rest accepted in bulk with a report. axe on every page; the
 * clock is reset in `finally`. Elements are found by role and accessible name only.
 */
import type { Page } from '@playwright/test';
import { checkPage, expect, expectNoHorizontalScroll, test } from './fixtures.js';
import { addDays, api, applicantApplies, demoPassword, login, messages, moveClock, pragueDate, systemNow } from './staff-helpers.js';
import type { CallShape } from './staff-helpers.js';

const t = messages('cs');
const STAFF = 'referent@demo.praha.eu';

async function signIn(page: Page, password: string): Promise<void> {
  await page.goto('/prihlaseni');
  await page.getByRole('textbox', { name: t('auth.email') }).fill(STAFF);
  await page.getByLabel(t('auth.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('auth.signIn.submit'), exact: true }).click();
  await expect(page.getByRole('banner')).toContainText('Jana Referentová');
}

test('staff create, fill and publish a call (refused at 29 days, accepted at 30), amend it, and run the formal check', async ({ page, baseURL }) => {
  test.setTimeout(900_000); // a whole round, from a new call to evaluation, on a shared two-core machine
  const base = baseURL!;
  const password = await demoPassword(base);
  const admin = async () => login(base, 'admin@demo.praha.eu', password); // a fresh token each time: they live 90 s here
  const unique = `${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 100)}`.toUpperCase();
  const code = `E2E-${unique}`;
  const title = `Výzva pro integraci cizinců ${unique}`;
  try {
    const today = pragueDate(await systemNow(base));
    const year = Number(today.slice(0, 4)) + 1;
    // Two activities of the action plan, picked in the editor by searching their codes.
    const versions = await api<{ id: string; kind: string; year: number | null }[]>(base, '/api/v1/strategy/versions');
    const plan = versions.filter((v) => v.kind === 'action-plan').sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0];
    const tree = await api<{ roots: { level: string; code: string; name: string; children: unknown[] }[] }>(base, `/api/v1/strategy/versions/${plan.id}/tree`);
    const activities: { code: string; name: string }[] = [];
    const walk = (nodes: { level: string; code: string; name: string; children: unknown[] }[]) => {
      for (const node of nodes) {
        if (node.level === 'activity') activities.push(node);
        walk(node.children as typeof nodes);
      }
    };
    walk(tree.roots);
    const picked = activities.slice(0, 2);

    await signIn(page, password);
    await page
      .getByRole('navigation', { name: t('common.nav.label') })
      .getByRole('link', { name: t('common.nav.staff') })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: t('staff.dashboard.title') })).toBeVisible();
    await checkPage(page, 'staff-dashboard');
    await page.getByRole('link', { name: t('staff.dashboard.new') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('staff.new.title') })).toBeVisible();
    await checkPage(page, 'staff-new-call');
    await page.getByRole('button', { name: t('staff.new.create') }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: new RegExp(t('staff.new.code')) })).toBeVisible(); // the error summary
    await page.getByRole('textbox', { name: t('staff.new.code') }).fill(code);
    await page.getByRole('textbox', { name: t('staff.new.year') }).fill(String(year));
    await page.getByRole('textbox', { name: t('staff.call.title') }).fill(title);
    await page.getByRole('button', { name: t('staff.new.create') }).click();

    // The editor: a new draft has everything still to do.
    await expect(page.getByRole('heading', { level: 1, name: t('staff.editor.title', { code }) })).toBeVisible();
    const blockers = page.getByRole('complementary', { name: t('staff.blockers.title') });
    await expect(blockers.getByRole('link', { name: /písm. a/ })).toBeVisible();
    await checkPage(page, 'staff-call-editor-empty');
    const saved = page.getByText(new RegExp(t('applicant.autosave.saved', { time: '\\d{1,2}:\\d{2}' })));
    await page.getByRole('textbox', { name: t('staff.call.purpose') }).fill('Podpora integrace cizinců na území hl. m. Prahy v souladu s Koncepcí 2022–2027.');
    await page.getByRole('textbox', { name: t('staff.call.reasons') }).fill('Naplňování akčního plánu Koncepce hl. m. Prahy pro oblast integrace cizinců.');
    await page.getByRole('textbox', { name: t('staff.call.totalAllocation') }).fill('16 000 000');
    await page.getByRole('textbox', { name: t('staff.call.maxGrant') }).fill('1 500 000,00');
    await page.getByRole('checkbox', { name: t('staff.applicantType.ngo') }).check();
    await page.getByRole('checkbox', { name: t('staff.applicantType.city_district') }).check();
    await page.getByRole('textbox', { name: t('staff.call.conditions') }).fill('Dotaci lze použít jen na uznatelné náklady projektu v období realizace.');

    await page.getByRole('button', { name: t('staff.rows.add', { what: t('staff.area.caption') }) }).click();
    await page.getByRole('textbox', { name: `${t('staff.area.code')} 1` }).fill('I');
    await page.getByRole('textbox', { name: `${t('staff.area.name')} 1` }).fill('Okruh I – integrační aktivity');
    await page.getByRole('textbox', { name: `${t('staff.area.allocation')} 1` }).fill('15 000 000');
    for (const [i, [categoryCode, name]] of [
      ['PERSONAL', 'Osobní náklady'],
      ['SERVICES', 'Služby'],
    ].entries()) {
      await page.getByRole('button', { name: t('staff.rows.add', { what: t('staff.category.caption') }) }).click();
      await page.getByRole('textbox', { name: `${t('staff.category.code')} ${i + 1}` }).fill(categoryCode);
      await page.getByRole('textbox', { name: `${t('staff.category.name')} ${i + 1}` }).fill(name);
    }
    await page.getByRole('button', { name: t('staff.rows.add', { what: t('staff.call.criteria') }) }).click();
    await page.getByRole('textbox', { name: `${t('staff.criterion.code')} 1` }).fill('K1');
    await page.getByRole('textbox', { name: `${t('staff.criterion.name')} 1` }).fill('Soulad s akčním plánem');
    await page.getByRole('textbox', { name: `${t('staff.criterion.maxScore')} 1` }).fill('20');
    await page.getByRole('textbox', { name: `${t('staff.criterion.weight')} 1` }).fill('2');
    await page.getByRole('textbox', { name: `${t('staff.criterion.minScore')} 1` }).fill('8');
    await page.getByRole('button', { name: t('staff.rows.add', { what: t('staff.annex.caption') }) }).click();
    await page.getByRole('textbox', { name: `${t('staff.annex.code')} 1` }).fill('STATUTORY');
    await page.getByRole('textbox', { name: `${t('staff.annex.name')} 1` }).fill('Doklad o oprávnění jednat za žadatele');
    const search = page.getByRole('searchbox', { name: t('staff.activities.search') });
    for (const activity of picked) {
      await search.fill(activity.code);
      await page.getByRole('checkbox', { name: `${activity.code} ${activity.name}`, exact: true }).check(); // keyboard: Space on a native checkbox
    }
    await search.fill('');
    await page.getByLabel(t('staff.call.closesDate'), { exact: true }).fill(addDays(today, 29 + 10));
    await page.getByLabel(t('staff.call.decisionDeadline')).fill(`${year}-06-30`);
    await page.getByLabel(t('staff.call.settlementDeadline')).fill(`${year + 1}-01-31`);
    // The date rule as the opening is picked: 29 days is too early, and the API's list says so too.
    await page.getByLabel(t('staff.call.opensDate'), { exact: true }).fill(addDays(today, 29));
    await expect(page.getByText(/Zvolený začátek je 29 dní po dnešku – méně než 30 dní/)).toBeVisible();
    await expect(saved).toBeVisible();
    await expect(blockers.getByRole('link', { name: /nejdříve 30 dní po zveřejnění/ })).toBeVisible();
    await expect(blockers.getByRole('listitem')).toHaveCount(1);
    await checkPage(page, 'staff-call-editor-29-days');
    await expectNoHorizontalScroll(page, 390);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: t('staff.publish.open') }).click();
    const dialog = page.getByRole('dialog', { name: t('staff.publish.title') });
    await expect(dialog).toContainText(title);
    await dialog.getByRole('button', { name: t('staff.publish.confirm') }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: /nejdříve 30 dní po zveřejnění/ })).toBeVisible(); // refused, at the field
    // 30 days: accepted.
    await page.getByLabel(t('staff.call.opensDate'), { exact: true }).fill(addDays(today, 30));
    await expect(page.getByText(/Zvolený začátek je 30 dní po dnešku – pravidlo je splněno/)).toBeVisible();
    await expect(blockers.getByText(t('staff.blockers.none'))).toBeVisible();
    await page.getByRole('button', { name: t('staff.publish.open') }).click();
    await dialog.getByRole('button', { name: t('staff.publish.confirm') }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${code}: ${title}` })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('zveřejněný');
    await checkPage(page, 'staff-call-overview-published');

    // Amendment: moving the opening closer than 30 days is refused at its field, extending the period is allowed.
    await page.getByRole('link', { name: t('staff.overview.amend') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('staff.amend.title', { code, number: 1 }) })).toBeVisible();
    await checkPage(page, 'staff-amendment');
    // The lists' tables scroll in their own regions: the page itself never scrolls sideways at 390 px.
    await expectNoHorizontalScroll(page, 390);
    await page.setViewportSize({ width: 1280, height: 800 });
    const opening = page.getByLabel(t('staff.amend.after', { field: t('staff.call.opensDate') }), { exact: true });
    await opening.fill(addDays(today, 20));
    await page.getByRole('textbox', { name: t('staff.amend.reason') }).fill('Prodloužení lhůty kvůli svátkům');
    await page.getByRole('button', { name: t('staff.amend.submit') }).click();
    await expect(opening).toHaveAccessibleDescription(/nejdříve 30 dní po zveřejnění/);
    await opening.fill(addDays(today, 30));
    // A budget area's allocation above the call's total is refused at its list; a lower one is an item of the
    // amendment, shown with its allocation before and after.
    const allocation = page.getByRole('textbox', { name: `${t('staff.area.allocation')} 1` });
    await allocation.fill('17 000 000');
    await page.getByRole('button', { name: t('staff.amend.submit') }).click();
    await expect(page.getByRole('region', { name: t('staff.call.budgetAreas') })).toContainText('převyšuje celkový objem výzvy');
    await allocation.fill('14 000 000');
    const areaRow = page
      .getByRole('table', { name: t('staff.amend.changes') })
      .getByRole('row')
      .filter({ hasText: `${t('staff.call.budgetAreas')}: I Okruh I` });
    await expect(areaRow).toContainText(/15\s000\s000,00\sKč/);
    await expect(areaRow).toContainText(/14\s000\s000,00\sKč/);
    await page.getByLabel(t('staff.amend.after', { field: t('staff.call.closesDate') }), { exact: true }).fill(addDays(today, 30 + 12));
    await expect(page.getByRole('table', { name: t('staff.amend.changes') })).toContainText(t('staff.call.closesDate'));
    await page.getByRole('button', { name: t('staff.amend.submit') }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${code}: ${title}` })).toBeVisible();
    await expect(page.getByRole('list').filter({ hasText: t('staff.timeline.amendment', { number: 1, reason: 'Prodloužení lhůty kvůli svátkům' }) })).toBeVisible();

    // Applications period: applicants apply through the API.
    const callId = new URL(page.url()).pathname.split('/').pop()!;
    const staffToken = await login(base, STAFF, password);
    const callView = await api<CallShape & { opensAt: string; closesAt: string }>(base, `/api/v1/calls/${callId}`, { token: staffToken });
    await moveClock(base, await admin(), new Date(Date.parse(callView.opensAt) + 3_600_000), 'Journey: příjem žádostí');
    const applications = [];
    for (const label of ['odstraneni', 'vyrazeni', 'hromadne-a', 'hromadne-b']) {
      const application = await applicantApplies(base, callView, label);
      // The applicant asked to remedy reads the portal in English (their profile): so must their letter.
      if (label === 'odstraneni') await api(base, '/api/v1/auth/me', { method: 'PATCH', token: application.token, json: { language: 'en' } });
      applications.push(application);
    }
    const [remedyApp, excludedApp] = applications;

    // After the deadline: the formal check.
    await moveClock(base, await admin(), new Date(Date.parse(callView.closesAt) + 3_600_000), 'Journey: formální kontrola');
    await signIn(page, password);
    await page.goto(`/sprava/vyzvy/${callId}`);
    await expect(page.getByRole('main')).toContainText('příjem ukončen');
    await page.getByRole('link', { name: t('staff.overview.formalCheck', { count: 4 }) }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('staff.table.title', { code }) })).toBeVisible();
    await expect(page.getByText('Nalezeny 4 žádosti.')).toBeVisible();
    await checkPage(page, 'staff-applications');
    await page.getByRole('searchbox', { name: t('staff.table.search') }).fill(remedyApp.number);
    await expect(page.getByText('Nalezena 1 žádost.')).toBeVisible();
    await page.getByRole('link', { name: remedyApp.number }).click();

    // One remedy request: the letter is previewed before it goes.
    await expect(page.getByRole('heading', { level: 1, name: t('staff.check.title', { number: remedyApp.number }) })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: t('staff.check.submitted', { version: 1 }) })).toBeVisible();
    await checkPage(page, 'staff-formal-check');
    await page.getByRole('checkbox', { name: t('staff.remedySection.budgetLines') }).check();
    await page.getByRole('textbox', { name: t('staff.remedy.message', { section: t('staff.remedySection.budgetLines') }) }).fill('Položka 2 rozpočtu nemá doložený výpočet.');
    // The staff member reads Czech, the letter is previewed in English, the applicant's language, and says so.
    await expect(page.getByText(t('staff.remedy.letterLanguage', { languages: t('staff.remedy.languageName.en') }))).toBeVisible();
    const letter = page.getByRole('document', { name: `${t('staff.remedy.preview')} (${t('staff.remedy.languageName.en')})` });
    await expect(letter).toContainText('Položka 2 rozpočtu nemá doložený výpočet.');
    await expect(letter).toContainText(`Request to remedy application ${remedyApp.number}`);
    await expect(letter).toContainText('• Budget:');
    await page.getByRole('button', { name: t('staff.remedy.send') }).click();
    await expect(page.getByText(t('staff.check.remedied'))).toBeVisible();

    // One exclusion, with its reason confirmed in a dialog.
    await page.goto(`/sprava/zadosti/${excludedApp.id}`);
    await expect(page.getByRole('heading', { level: 1, name: t('staff.check.title', { number: excludedApp.number }) })).toBeVisible();
    await page.getByRole('textbox', { name: t('staff.exclude.reason') }).fill('Žadatel není oprávněným žadatelem podle výzvy.');
    await page.getByRole('button', { name: t('staff.exclude.open') }).click();
    const confirm = page.getByRole('dialog', { name: t('staff.exclude.confirmTitle', { number: excludedApp.number }) });
    await confirm.getByRole('button', { name: t('staff.exclude.confirm') }).click();
    await expect(page.getByText(t('staff.check.excluded'))).toBeVisible();

    // The rest in bulk: the submitted ones without findings, with a report per application.
    await page.goto(`/sprava/vyzvy/${callId}/zadosti?stav=submitted`);
    await expect(page.getByText('Nalezeny 2 žádosti.')).toBeVisible();
    await page.getByRole('button', { name: t('staff.table.selectMatching', { count: 2 }) }).click();
    await page.getByRole('button', { name: t('staff.bulk.accept', { count: 2 }) }).click();
    const report = page.getByRole('region', { name: t('staff.bulk.report', { accepted: 2, count: 2 }) });
    await expect(report).toBeVisible();
    await expect(report.getByRole('row')).toHaveCount(3);
    await checkPage(page, 'staff-bulk-report');
    await page.getByRole('combobox', { name: t('staff.table.status') }).selectOption('');
    await expect(page.getByText('Nalezeny 4 žádosti.')).toBeVisible();
    await page.getByRole('button', { name: t('staff.table.col.status') }).click();
    await expect(page.getByRole('columnheader', { name: t('staff.table.col.status') })).toHaveAttribute('aria-sort', 'ascending');

    // Starting the evaluation: the confirmation says what it freezes; cancelling changes nothing and returns the focus.
    await page.goto(`/sprava/vyzvy/${callId}`);
    const startButton = page.getByRole('button', { name: t('staff.overview.start-evaluation') });
    await startButton.click();
    const start = page.getByRole('dialog', { name: t('staff.transition.start-evaluation.title', { code }) });
    await expect(start).toContainText(t('staff.transition.start-evaluation.freezes.2'));
    await checkPage(page, 'staff-start-evaluation-confirm');
    await start.getByRole('button', { name: t('staff.publish.cancel') }).click();
    await expect(start).toBeHidden();
    await expect(startButton).toBeFocused();
    await expect(page.getByText('příjem ukončen', { exact: true })).toBeVisible();
    await startButton.click();
    await start.getByRole('button', { name: t('staff.transition.start-evaluation.confirm') }).click();
    await expect(page.getByText('hodnocení', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: t('staff.overview.mark-decided') })).toBeVisible();
  } finally {
    await moveClock(base, await admin(), null, 'Journey: konec');
  }
});
