/**
 * After the deadline: a remedy request answered in the portal, then a withdrawal. The application is made and
 * submitted through the API (the applicant journey does that part in the browser); the system clock is moved
 * past the application deadline (and reset in `finally`); staff request a remedy naming the budget with a
 * deadline; the applicant sees it on the dashboard and in the header, finds only the budget editable with the
 * deadline counting down on the system's clock, answers it, sees it answered, and withdraws with a reason.
 * Every page visited is checked with axe and photographed.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { checkPage, expect, freshIco, PASSWORD, test, uniqueEmail } from './fixtures.js';

const DEMO_PASSWORD = 'Demo-heslo-2023!';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function token(request: APIRequestContext, email: string, password: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** The API's answer, failing the journey with the problem's text when it is not the expected status. */
async function ok<T>(response: Promise<import('@playwright/test').APIResponse>, status = 200): Promise<T> {
  const answered = await response;
  expect(answered.status(), await answered.text()).toBe(status);
  return (await answered.json()) as T;
}

/** Signs in through the portal from the page that asks for it, and comes back there. */
async function signIn(page: Page, email: string) {
  await page.goto('/zadosti');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByLabel('Heslo', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Moje žádosti' })).toBeVisible();
}

test('a remedy request is answered in the portal with only the named part editable, then the application is withdrawn', async ({ page, request }) => {
  // An applicant with an organisation and a complete application for the open call, submitted (API).
  const email = uniqueEmail('naprava');
  await ok(request.post('/api/v1/auth/register', { data: { email, displayName: 'Olga Opravná', password: PASSWORD } }), 201);
  const applicant = { Authorization: `Bearer ${await token(request, email, PASSWORD)}` };
  const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const organisation = await ok<{ id: string }>(
    request.post('/api/v1/organisations', {
      headers: applicant,
      data: {
        type: 'ngo',
        legalForm: 'spolek',
        name: `Spolek Náprava ${unique}`,
        ico: freshIco(),
        seatStreet: 'Koněvova 12',
        seatCity: 'Praha 3',
        seatPostalCode: '130 00',
        bankAccount: '19-2000145399/0800',
      },
    }),
    201,
  );
  // Staff verify who may act for the new organisation: until then its applications cannot be submitted.
  const verifier = { Authorization: `Bearer ${await token(request, 'referent@demo.praha.eu', DEMO_PASSWORD)}` };
  await ok(request.post(`/api/v1/organisations/${organisation.id}/verification/decision`, { headers: verifier, data: { decision: 'verified' } }), 200);
  const calls = await ok<{ items: { id: string; status: string; closesAt: string }[] }>(request.get('/api/v1/public/calls'));
  const open = calls.items.find((c) => c.status === 'open');
  if (!open) throw new Error('the demo data has no open call');
  const grantCall = await ok<{ activities: { id: string }[]; annexTypes: { code: string; required: boolean }[] }>(request.get(`/api/v1/public/calls/${open.id}`));
  const created = await ok<{ id: string; number: string; draftVersion: number }>(
    request.post('/api/v1/applications', { headers: applicant, data: { callId: open.id, organisationId: organisation.id } }),
    201,
  );
  const title = `Čtenářský klub ${unique}`;
  await ok(
    request.patch(`/api/v1/applications/${created.id}`, {
      headers: applicant,
      data: {
        version: created.draftVersion,
        project: { title, summary: 'Čtení pro děti cizinců v knihovnách.' },
        budgetAreaCode: 'I',
        purpose: 'Podpora čtenářství dětí cizinců.',
        justification: 'Děti cizinců potřebují podporu v češtině.',
        period: { from: '2027-02-01', to: '2027-11-30' },
        place: { districts: ['Praha 3'] },
        targetGroups: ['děti cizinců'],
        outputs: [{ indicator: 'počet podpořených dětí', unit: 'dítě', target: 40 }],
        contact: { name: 'Olga Opravná', email },
        representatives: [{ name: 'Olga Opravná', function: 'předsedkyně spolku', basis: 'statutory' }],
        beneficialOwners: [{ name: 'Olga Opravná', sharePercent: '100' }],
        holdings: [],
        declarations: { noOverdueDebts: true, oneApplicationPerPurpose: true, nonProfit: true, notYetCarriedOut: true, truthful: true },
        budgetLines: [
          {
            category: 'PERSONAL',
            description: 'Lektorka čtení',
            unit: 'hodina',
            count: '100',
            unitPrice: '450.00',
            totalCost: '45000.00',
            requested: '40500.00',
            otherSources: '4500.00',
          },
        ],
        activities: [{ activityId: grantCall.activities[0].id, sharePercent: '100' }],
      },
    }),
  );
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  for (const annex of grantCall.annexTypes.filter((a) => a.required)) {
    await ok(
      request.post(`/api/v1/applications/${created.id}/attachments`, {
        headers: applicant,
        multipart: { annexType: annex.code, file: { name: `${annex.code.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: pdf } },
      }),
      201,
    );
  }
  await ok(request.post(`/api/v1/applications/${created.id}/submit`, { headers: applicant }), 201);

  // The application period ends: the clock moves an hour past the deadline, for the API and the worker.
  const admin = { Authorization: `Bearer ${await token(request, 'admin@demo.praha.eu', DEMO_PASSWORD)}` };
  try {
    await ok(
      request.put('/api/v1/admin/clock', {
        headers: admin,
        data: { to: new Date(new Date(open.closesAt).getTime() + HOUR).toISOString(), reason: 'Cesta k nápravě: po uzávěrce' },
      }),
    );
    // Tokens are judged by the moved clock: staff sign in "after the deadline".
    const staff = { Authorization: `Bearer ${await token(request, 'referent@demo.praha.eu', DEMO_PASSWORD)}` };
    const clock = await ok<{ now: string }>(request.get('/api/v1/system/clock'));
    const deadlineAt = new Date(new Date(clock.now).getTime() + 7 * DAY).toISOString();
    await ok(
      request.post(`/api/v1/applications/${created.id}/remedy-requests`, {
        headers: staff,
        data: { items: [{ section: 'budgetLines', message: 'Cena lektorky je nad obvyklou sazbou; snižte ji.' }], deadlineAt },
      }),
      201,
    );

    // The dashboard and the header say what needs the applicant's action, with the deadline on the system's clock.
    await signIn(page, email);
    const needsAction = page.getByRole('region', { name: 'Vyžaduje vaši pozornost' });
    const remedyLink = needsAction.getByRole('link', { name: `Žádost ${created.number} (${title}): odstraňte vady` });
    await expect(remedyLink).toBeVisible();
    await expect(needsAction).toContainText(/zbývá [67] dní/);
    const headerLink = page.getByRole('banner').getByRole('link', { name: '1 úkol k vyřízení' });
    await expect(headerLink).toBeVisible();
    await checkPage(page, 'remedy-dashboard');

    // The application: the request with its deadline and the named part; only that part can be opened.
    await remedyLink.click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const remedy = page.getByRole('region', { name: 'Výzva k odstranění vad' });
    await expect(remedy).toContainText('Cena lektorky je nad obvyklou sazbou; snižte ji.');
    await expect(remedy).toContainText('Rozpočet');
    await expect(remedy).toContainText(/Vady odstraňte do:\s*zbývá [67] dní/);
    const tasks = page.getByRole('region', { name: 'Části žádosti' });
    await expect(tasks.getByRole('link', { name: 'Rozpočet' })).toBeVisible();
    await expect(tasks.getByRole('link')).toHaveCount(2); // the budget and "check and send the correction"
    await expect(tasks.getByRole('link', { name: 'Zkontrolovat a odeslat opravu' })).toBeVisible();
    await checkPage(page, 'remedy-application');
    const applicationUrl = page.url();

    // A part the request does not name is read-only.
    await page.goto(`${applicationUrl}/projekt`);
    await expect(page.getByRole('heading', { level: 1, name: 'Projekt' })).toBeVisible();
    await expect(page.getByText('Tuto část teď nelze měnit.')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Název projektu' })).not.toBeEditable();
    await checkPage(page, 'remedy-part-readonly');

    // The named part: a lower unit price, saved automatically.
    await page.goto(applicationUrl);
    await page.getByRole('region', { name: 'Části žádosti' }).getByRole('link', { name: 'Rozpočet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Rozpočet' })).toBeVisible();
    const unitPrice = page.getByRole('textbox', { name: 'Cena za jednotku, položka 1' });
    await expect(unitPrice).toBeEditable();
    await unitPrice.fill('400,00');
    await unitPrice.press('Tab');
    await expect(page.getByRole('row', { name: 'Součty' })).toContainText('35 500,00 Kč');
    await expect(page.getByRole('status').filter({ hasText: /Uloženo v \d{1,2}:\d{2}/ })).toBeVisible();
    await checkPage(page, 'remedy-budget');

    // Check and send the corrected application: a receipt of the remedy.
    await page.getByRole('link', { name: /přehled částí/ }).click();
    await page.getByRole('region', { name: 'Části žádosti' }).getByRole('link', { name: 'Zkontrolovat a odeslat opravu' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Zkontrolujte své odpovědi' })).toBeVisible();
    await checkPage(page, 'remedy-review');
    await page.getByRole('button', { name: 'Odeslat opravenou žádost' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Opravená žádost byla odeslána' })).toBeVisible();
    await checkPage(page, 'remedy-receipt');

    // Answered: submitted again, the request gone, the timeline shows the request and the answer.
    await page.goto(applicationUrl);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Výzva k odstranění vad' })).toHaveCount(0);
    const timeline = page.getByRole('region', { name: 'Průběh žádosti' }).getByRole('listitem');
    await expect(timeline).toHaveCount(3);
    await expect(timeline.nth(1)).toContainText('výzva k odstranění vad');
    await expect(timeline.nth(2)).toContainText('podaná');
    await expect(timeline.nth(2)).toContainText('Vady odstraněny: opravená žádost odeslána.');
    await expect(page.getByRole('banner').getByRole('link', { name: /k vyřízení/ })).toHaveCount(0);

    // Withdrawal with a reason.
    await page.getByRole('button', { name: 'Stáhnout žádost', exact: true }).click();
    await page.getByRole('textbox', { name: 'Důvod stažení' }).fill('Lektorka od projektu odstoupila.');
    await page.getByRole('button', { name: 'Stáhnout žádost definitivně' }).click();
    await expect(timeline).toHaveCount(4);
    await expect(timeline.nth(3)).toContainText('stažená žadatelem');
    await expect(timeline.nth(3)).toContainText('Lektorka od projektu odstoupila.');
    await checkPage(page, 'remedy-withdrawn');
  } finally {
    // The clock moved: sign in again on it, then give the other journeys real time back.
    const again = { Authorization: `Bearer ${await token(request, 'admin@demo.praha.eu', DEMO_PASSWORD)}` };
    await ok(request.put('/api/v1/admin/clock', { headers: again, data: { reset: true, reason: 'Cesta k nápravě: konec' } }));
  }
});
