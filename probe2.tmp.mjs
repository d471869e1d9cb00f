import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const base = readFileSync('/tmp/h2/base.txt', 'utf8');
async function api(path, init = {}) {
  const r = await fetch(base + path, { ...init, headers: { 'Content-Type': 'application/json', ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}) } });
  if (!r.ok) throw new Error(path + ' ' + r.status + ' ' + (await r.text()));
  return r.status === 204 ? undefined : r.json();
}
const ico = () => { const b = String(Math.floor(Math.random() * 9e6) + 1e6); const s = [8,7,6,5,4,3,2].reduce((a,w,i)=>a+w*Number(b[i]),0); return b + ((11 - (s % 11)) % 10); };
const email = `probe-${Date.now().toString(36)}@example.cz`, password = 'Probe-heslo-dlouhe-2026';
await api('/api/v1/auth/register', { method: 'POST', body: JSON.stringify({ email, password, displayName: 'Probe' }) });
const { accessToken: token } = await api('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
const open = (await api('/api/v1/public/calls')).items.find((c) => c.status === 'open');
const org = await api('/api/v1/organisations', { method: 'POST', token, body: JSON.stringify({ type: 'ngo', legalForm: 'spolek', name: 'Probe ' + email, ico: ico(), seatStreet: 'V 1', seatCity: 'Praha', seatPostalCode: '12000' }) });
const app = await api('/api/v1/applications', { method: 'POST', token, body: JSON.stringify({ callId: open.id, organisationId: org.id }) });
const lines = Number(process.env.LINES ?? 3);
await api(`/api/v1/applications/${app.id}`, { method: 'PATCH', token, body: JSON.stringify({ version: app.draftVersion, budgetLines: Array.from({ length: lines }, (_, i) => ({ category: 'PERSONAL', description: `Položka ${i + 1}`, unit: 'ks', count: '2', unitPrice: '150.50', totalCost: '301.00', otherSources: '31.00', requested: '270.00' })) }) });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ baseURL: base, locale: 'cs-CZ' });
let page = await context.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 300)); });
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('response', async (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.request().method(), r.url(), (await r.text().catch(() => '')).slice(0, 300)); });
await page.goto('/prihlaseni');
await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
await page.getByLabel('Heslo', { exact: true }).fill(password);
await page.getByRole('button', { name: 'Přihlásit se', exact: true }).click();
await page.waitForURL((u) => !u.pathname.startsWith('/prihlaseni'));
await page.addInitScript(() => {
  window.__long = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
});
async function alive(label) {
  const long = await page.evaluate(() => { const l = window.__long ?? []; window.__long = []; return l; }).catch(() => 'n/a');
  console.log('   longtasks', JSON.stringify(long));
  const t0 = Date.now();
  const r = await Promise.race([page.evaluate(() => 1).then(() => 'ok'), new Promise((r) => setTimeout(() => r('FROZEN'), 8000))]);
  console.log(label, r, Date.now() - t0, 'ms', page.url());
  if (r === 'FROZEN') { await browser.close(); process.exit(2); }
}
const mode = process.env.MODE ?? 'flow';
if (mode === 'lists') {
  await page.goto(`/zadosti/${app.id}/projekt`);
  const d = page.getByRole('textbox', { name: 'Městské části' });
  await d.click();
  await page.keyboard.type('Praha 3, Praha 9');
  console.log('districts', JSON.stringify(await d.inputValue()));
  const tg = page.getByRole('textbox', { name: 'Cílové skupiny' });
  await tg.click();
  await page.keyboard.type('děti');
  await page.keyboard.press('Enter');
  await page.keyboard.type('rodiče');
  console.log('targetGroups', JSON.stringify(await tg.inputValue()));
  await browser.close();
  process.exit(0);
}
if (mode === 'flow') {
  await page.goto(`/zadosti/${app.id}/projekt`);
  const title = page.getByRole('textbox', { name: 'Název projektu' });
  await title.click();
  await page.keyboard.type('Probe projekt');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Shrnutí');
  await alive('projekt typed');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Žadatel' }).waitFor({ timeout: 10000 }).catch((e) => console.log('no zadatel', e.message));
  await alive('zadatel');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Rozpočet' }).waitFor({ timeout: 10000 }).catch((e) => console.log('no rozpocet', e.message));
  await alive('rozpocet');
  const cell = page.getByRole('textbox', { name: 'Popis, položka 1', exact: true });
  await cell.click();
  await page.keyboard.type(' upraveno');
  await page.keyboard.press('Tab');
  await page.keyboard.type('x');
  await alive('rozpocet typed');
  await page.getByRole('button', { name: 'Přidat položku' }).click();
  await page.keyboard.press('ArrowDown');
  await alive('rozpocet added');
  await page.getByRole('button', { name: 'Uložit a pokračovat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Aktivity' }).waitFor({ timeout: 10000 }).catch((e) => console.log('no aktivity', e.message));
  await alive('aktivity');
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Uložit a pokračovat' }).click();
    await page.waitForTimeout(1500);
    await alive('next ' + i);
  }
} else {
  await page.close();
  for (const part of ['', '/projekt', '/zadatel', '/rozpocet', '/aktivity', '/prilohy', '/prohlaseni', '/kontrola', '/projekt', '/rozpocet']) {
    page = await context.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    page.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.request().method(), r.url()); });
    if (process.env.CDP === '1') { const cdp = await context.newCDPSession(page); await cdp.send('Network.setCacheDisabled', { cacheDisabled: true }); }
    const scripts = [];
    page.on('response', (r) => { if (r.url().endsWith('.js')) scripts.push(r.body().then((b) => b.length, () => 0)); });
    const t0 = Date.now();
    await page.goto(`/zadosti/${app.id}${part}`);
    await page.locator('h1').first().waitFor({ timeout: 10000 }).catch((e) => console.log('no h1', e.message));
    await alive(`cold ${part} ${Date.now() - t0}ms`);
    const kb = await Promise.race([Promise.all(scripts).then((x) => x.reduce((a, b) => a + b, 0) / 1024), new Promise((r) => setTimeout(() => r('BODY-HANG'), 8000))]);
    console.log('  js', kb);
    if (process.env.KEEP !== '1') await page.close();
  }
}
await browser.close();
