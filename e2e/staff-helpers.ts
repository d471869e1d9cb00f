/**
 * API helpers for the staff journey (and the staff bench): sign-in tokens, the system clock, and applicants who
 * register, fill and submit an application through the API, as the applicant journey does in the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type Code = 'cs' | 'en';
const MESSAGES = 'apps/web/src/i18n/messages';

/** The portal's own catalogs (every area's), so the journey asserts labels in the language it runs in. */
export function messages(code: Code): (key: string, values?: Record<string, string | number>) => string {
  const all: Record<string, string> = {};
  for (const file of readdirSync(MESSAGES).filter((name) => name.endsWith(`.${code}.json`))) {
    Object.assign(all, JSON.parse(readFileSync(`${MESSAGES}/${file}`, 'utf8')) as Record<string, string>);
  }
  return (key, values = {}) => {
    const text = all[key];
    if (text === undefined) throw new Error(`no message ${key} in ${code}`);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
  };
}

export async function api<T>(base: string, path: string, init: RequestInit & { token?: string; json?: unknown } = {}): Promise<T> {
  const { token, json, ...rest } = init;
  const response = await fetch(`${base}${path}`, {
    ...rest,
    body: json === undefined ? rest.body : JSON.stringify(json),
    headers: {
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(rest.headers ?? {}),
    },
  });
  if (!response.ok) throw new Error(`${rest.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export async function login(base: string, email: string, password: string): Promise<string> {
  return (await api<{ accessToken: string }>(base, '/api/v1/auth/login', { method: 'POST', json: { email, password } })).accessToken;
}

export async function demoPassword(base: string): Promise<string> {
  const demo = await api<{ password: string | null }>(base, '/api/v1/dev/demo-accounts');
  if (!demo.password) throw new Error('the system runs without demo data');
  return demo.password;
}

export async function systemNow(base: string): Promise<Date> {
  return new Date((await api<{ now: string }>(base, '/api/v1/system/clock')).now);
}

/** Moves the system's clock (admin); `null` resets it to real time. */
export async function moveClock(base: string, adminToken: string, to: Date | null, reason: string): Promise<void> {
  await api(base, '/api/v1/admin/clock', { method: 'PUT', token: adminToken, json: to ? { to: to.toISOString(), reason } : { reset: true, reason } });
}

/** The Prague calendar date of an instant. */
export function pragueDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export const addDays = (date: string, days: number) => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

export function validIco(): string {
  for (;;) {
    const body = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
    const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(body[i]), 0);
    return `${body}${(11 - (sum % 11)) % 10}`;
  }
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export interface CallShape {
  id: string;
  year: number;
  activities: { id: string }[];
  costCategories: { code: string }[];
  budgetAreas: { code: string }[];
  annexTypes: { code: string; required: boolean }[];
}

/** A new applicant (own account and NGO) whose complete application to `call` is created, filled and, unless `submit` is false, submitted. */
export async function applicantApplies(base: string, call: CallShape, label: string, submit = true): Promise<{ id: string; number: string; token: string }> {
  const email = `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@e2e.praha.eu`;
  const password = 'Heslo-pro-testy-2026';
  await api(base, '/api/v1/auth/register', { method: 'POST', json: { email, password, displayName: `Žadatel ${label}`, language: 'cs' } });
  const token = await login(base, email, password);
  const organisation = await api<{ id: string }>(base, '/api/v1/organisations', {
    method: 'POST',
    token,
    json: {
      type: 'ngo',
      legalForm: 'spolek',
      name: `Spolek ${label} ${email.slice(-12, -12 + 6)}`,
      ico: validIco(),
      seatStreet: 'Koněvova 12',
      seatCity: 'Praha 3',
      seatPostalCode: '130 00',
    },
  });
  // Staff verify who may act for the new organisation: until then its applications cannot be submitted.
  const verifier = await login(base, 'referent@demo.praha.eu', 'Demo-heslo-2023!');
  await api(base, `/api/v1/organisations/${organisation.id}/verification/decision`, { method: 'POST', token: verifier, json: { decision: 'verified' } });
  const created = await api<{ id: string; number: string; draftVersion: number }>(base, '/api/v1/applications', {
    method: 'POST',
    token,
    json: { callId: call.id, organisationId: organisation.id },
  });
  const [a1, a2] = call.activities.map((a) => a.id);
  const [c1, c2] = call.costCategories.map((c) => c.code);
  await api(base, `/api/v1/applications/${created.id}`, {
    method: 'PATCH',
    token,
    json: {
      version: created.draftVersion,
      project: { title: `Komunitní tlumočníci ve školách (${label})`, summary: 'Tlumočení a adaptační skupiny pro žáky s odlišným mateřským jazykem.' },
      budgetAreaCode: call.budgetAreas[0].code,
      purpose: 'Podpora žáků-cizinců a jejich rodičů v komunikaci se školou.',
      justification: 'Ve školách Prahy 3 přibylo žáků bez znalosti češtiny.',
      period: { from: `${call.year}-01-01`, to: `${call.year}-12-31` },
      place: { districts: ['Praha 3'] },
      targetGroups: ['děti a žáci s odlišným mateřským jazykem'],
      outputs: [{ indicator: 'počet podpořených žáků', unit: 'žák', target: 120 }],
      representatives: [{ name: 'Jana Nováková', function: 'předsedkyně spolku', basis: 'statutory' }],
      beneficialOwners: [{ name: 'Jana Nováková', dateOfBirth: '1975-03-02', sharePercent: '100' }],
      holdings: [],
      declarations: { noOverdueDebts: true, oneApplicationPerPurpose: true, nonProfit: true, notYetCarriedOut: true, truthful: true },
      budgetLines: [
        { category: c1, description: 'Odměny tlumočníků (DPP)', totalCost: '150000.00', requested: '130000.00', otherSources: '20000.00' },
        { category: c2 ?? c1, description: 'Pronájem prostor', totalCost: '50000.00', requested: '40000.00', otherSources: '10000.00' },
      ],
      activities: a2
        ? [
            { activityId: a1, sharePercent: '50' },
            { activityId: a2, sharePercent: '50' },
          ]
        : [{ activityId: a1, sharePercent: '100' }],
      contact: { name: 'Jana Nováková', email, phone: '+420 777 123 456' },
    },
  });
  for (const annex of call.annexTypes.filter((a) => a.required)) {
    const form = new FormData();
    form.set('annexType', annex.code);
    form.set('file', new Blob([PDF_BYTES], { type: 'application/pdf' }), 'doklad.pdf');
    await api(base, `/api/v1/applications/${created.id}/attachments`, { method: 'POST', token, body: form });
  }
  if (submit) await api(base, `/api/v1/applications/${created.id}/submit`, { method: 'POST', token });
  return { id: created.id, number: created.number, token };
}
