import { camt053Statement } from '../scripts/camt053-statement.js';
import { checkPage, expect, test } from './fixtures.js';
import { ApiActor, effectiveAgreement, prepareDecidedCall } from './lifecycle.js';

const AUDITOR = { email: 'auditor@demo.praha.eu', password: 'Demo-heslo-2023!' };
/** The provider's account of the system started for the journeys (`BANK_ACCOUNT` 27-5157998/6000 as an IBAN). */
const CITY_IBAN = 'CZ7460000000270005157998';

/**
 * The dossier shows the bank's own record of a payment: arranged through the API (a decided call, an effective
 * agreement, an order approved by a second officer and sent as pain.001, the bank's camt.053 statement imported),
 * then the auditor opens the project's dossier and reads the statement line beside the payment.
 */
test('the auditor sees the bank statement line that confirmed a payment in the dossier', async ({ page, baseURL }) => {
  const api = await ApiActor.start(baseURL!);
  try {
    const suffix = `a${Date.now().toString(36)}`;
    const prepared = await prepareDecidedCall(api, suffix, { count: 1, amount: '120000.00' });
    const [application] = prepared.applications;
    const second = await api.createUser('druhy', ['staff'], `Druhá referentka ${suffix}`);
    const agreementId = await effectiveAgreement(api, prepared.staff, application.id, ['120000.00']);
    const staff = await api.as(prepared.staff.email);
    const approver = await api.as(second.email);
    const order = await api.http.post(`/api/v1/agreements/${agreementId}/payments`, { headers: staff, data: { trancheNo: 1, amount: '120000.00' } });
    expect(order.status()).toBe(201);
    const { id: paymentId, version } = (await order.json()) as { id: string; version: number };
    expect((await api.http.post(`/api/v1/payments/${paymentId}/approve`, { headers: approver, data: { version } })).status()).toBe(200);
    expect((await api.http.post(`/api/v1/payments/bank-export/pain001?callId=${prepared.callId}`, { headers: approver })).status()).toBe(200);
    const vs = application.number.replace(/\D/g, '').slice(-10);
    const today = new Date().toISOString().slice(0, 10);
    const ref = `JRN-${suffix}`;
    const imported = await api.http.post('/api/v1/bank-statements', {
      headers: staff,
      multipart: {
        file: {
          name: 'vypis-kveten.xml',
          mimeType: 'application/xml',
          buffer: Buffer.from(
            camt053Statement({
              id: `VYPIS-${suffix}`,
              iban: CITY_IBAN,
              entries: [
                { ref, direction: 'debit', amount: '120000.00', bookedOn: today, variableSymbol: vs, counterpartyName: application.organisation, message: 'Dotace splatka 1' },
              ],
            }),
          ),
        },
      },
    });
    expect(imported.status()).toBe(200);
    expect(await imported.json()).toMatchObject({ lines: 1, matched: 1 });

    await page.goto('/prihlaseni');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(AUDITOR.email);
    await page.getByLabel('Heslo', { exact: true }).fill(AUDITOR.password);
    await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
    await expect(page.getByRole('banner')).toContainText('Karel Kontrolor');
    await page.goto(`/kontrola/projekty/${application.id}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Spis projektu: / })).toBeVisible();
    const payments = page.getByRole('region', { name: 'Platby' });
    const row = payments.getByRole('row').filter({ hasText: /120\s000,00\sKč/ });
    await expect(row.getByRole('cell').last()).toContainText(`Výpis VYPIS-${suffix} (vypis-kveten.xml), pohyb ${ref}`);
    await expect(row.getByRole('cell').last()).toContainText(`VS ${vs}.`);
    await expect(row.getByRole('cell').last()).toContainText('Spárováno při importu výpisu');
    await expect(row.getByRole('cell').nth(1)).toContainText('zaplaceno');
    await checkPage(page, 'auditor-dossier-bank');
  } finally {
    await api.moveClock(null, 'Journey of the auditor: the clock back to real time.');
    await api.dispose();
  }
});
