// #core declares class-validator DTOs, whose decorators need the metadata polyfill loaded first.
import 'reflect-metadata';
import { NOTIFICATION_KINDS, isNotificationKind, renderDigest, renderNotification } from './index.js';
import type { DigestItem, Language, NotificationKind, NotificationParams, RenderContext } from './index.js';

const NBSP = '\u00a0';
const PORTAL = 'http://localhost:3000';
const cs: RenderContext = { language: 'cs', recipientName: 'Jana Nováková', portalUrl: PORTAL };
const en: RenderContext = { ...cs, language: 'en' };
const ctxFor = (language: Language): RenderContext => (language === 'cs' ? cs : en);

const APP = { applicationId: 'app-1', applicationNumber: 'NMC-2023/0042', projectTitle: 'Kurzy češtiny pro cizince' };
const CALL = { callId: 'call-1', callCode: 'NMC-2023', callTitle: 'Integrace cizinců 2023' };
const AGR = { agreementId: 'agr-1', agreementNumber: 'SML/2023/0042', projectTitle: 'Kurzy češtiny pro cizince' };

// Typed by kind, so a new kind without a sample does not compile.
const SAMPLES: { [K in NotificationKind]: NotificationParams[K] } = {
  account_welcome: { email: 'jana@example.cz' },
  password_reset: { link: 'http://localhost:3000/obnova-hesla?token=abc', validMinutes: 30 },
  organisation_verification_decided: {
    organisationId: 'org-1',
    organisationName: 'Poradna pro integraci, z. ú.',
    ico: '25755277',
    status: 'rejected',
    reason: 'Plná moc není podepsána.',
  },
  organisation_join_requested: {
    organisationId: 'org-1',
    organisationName: 'Poradna pro integraci, z. ú.',
    requesterName: 'Petr Svoboda',
    requesterEmail: 'petr@example.cz',
    message: '',
  },
  organisation_join_decided: { organisationId: 'org-1', organisationName: 'Poradna pro integraci, z. ú.', approved: true, reason: '' },
  call_published: { ...CALL, applicationsFrom: '2022-11-13T23:00:00.000Z', applicationsUntil: '2022-11-24T22:59:59.000Z', allocation: '5000000.00' },
  call_opened: { ...CALL, applicationsUntil: '2022-11-24T22:59:59.000Z' },
  call_closing_soon: { ...CALL, applicationsUntil: '2022-11-24T22:59:59.000Z' },
  draft_reminder: { ...APP, callTitle: CALL.callTitle, applicationsUntil: '2022-11-24T22:59:59.000Z', missingCount: 3 },
  submission_receipt: {
    ...APP,
    callTitle: CALL.callTitle,
    receiptNumber: 'POD-2023-000123',
    submittedAt: '2022-11-24T13:05:00.000Z',
    versionNo: 1,
    requestedAmount: '150000.00',
  },
  remedy_requested: { ...APP, deadline: '2022-12-05T22:59:59.000Z', items: ['Chybí čestné prohlášení', 'Rozpočet nesouhlasí'], note: 'Doplňte prosím podpis.' },
  remedy_deadline_reminder: { ...APP, deadline: '2022-12-05T22:59:59.000Z' },
  formal_check_passed: { ...APP },
  application_excluded: { ...APP, reason: 'Žadatel není oprávněným žadatelem.' },
  commission_assignment: { callId: 'call-1', callTitle: CALL.callTitle, applicationCount: 12, reviewDueAt: '2023-01-15T22:59:59.000Z' },
  coi_declaration_pending: { callId: 'call-1', callTitle: CALL.callTitle, organisationCount: 40 },
  review_due: { callId: 'call-1', callTitle: CALL.callTitle, pendingCount: 3, dueAt: '2023-01-15T22:59:59.000Z' },
  session_convened: { callId: 'call-1', callTitle: CALL.callTitle, sessionAt: '2023-02-01T09:00:00.000Z', place: 'Nová radnice, Mariánské nám. 2, zasedací místnost 135' },
  award_approved: {
    ...APP,
    approvedAmount: '120000.00',
    requestedAmount: '150000.00',
    body: 'council',
    resolutionNumber: '512',
    resolutionDate: '2023-03-20',
    conditions: ['Publicita hl. m. Prahy na všech materiálech'],
  },
  award_rejected: { ...APP, reason: 'Projekt nedosáhl minimálního počtu bodů.', body: 'assembly', resolutionNumber: 'ZHMP 5/12', resolutionDate: '2023-03-30' },
  agreement_ready_to_sign: { ...AGR, amount: '120000.00' },
  agreement_published: { ...AGR, registryId: '21837465', publishedAt: '2023-04-20T08:15:00.000Z' },
  payment_sent: { ...AGR, amount: '60000.00', paidAt: '2023-05-02', trancheNo: 1, trancheCount: 2 },
  settlement_due: { ...AGR, dueDate: '2024-01-31' },
  settlement_overdue: { ...AGR, dueDate: '2024-01-31', daysOverdue: 5 },
  return_due: { ...AGR, amount: '1234.50', dueDate: '2024-03-15', account: '27-5157998/6000', variableSymbol: '2023004201' },
  return_received: { ...AGR, amount: '1234.50', receivedAt: '2024-03-10' },
  breach_remedy_request: { ...AGR, breach: 'Logo hl. m. Prahy chybí na pozvánkách.', deadline: '2024-04-15' },
  register_publication_due: { ...AGR, signedOn: '2023-04-12', lastDay: '2023-05-12', stage: 'warning' },
};

const KINDS = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
const render = <K extends NotificationKind>(kind: K, params: Partial<NotificationParams[K]> = {}, ctx: RenderContext = cs) =>
  renderNotification(kind, { ...SAMPLES[kind], ...params }, ctx);

/** The application number, call code or agreement number a subject must carry, where the kind has one. */
function referenceOf(kind: NotificationKind): string | null {
  const p = SAMPLES[kind] as Record<string, unknown>;
  for (const key of ['applicationNumber', 'callCode', 'agreementNumber']) if (typeof p[key] === 'string') return p[key];
  return null;
}

describe('notification templates', () => {
  it('has a sample for exactly the kinds of the catalogue', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...KINDS].sort());
    expect(KINDS).toHaveLength(29);
  });

  describe.each(KINDS)('%s', (kind) => {
    it.each(['cs', 'en'] as const)('renders in %s', (language) => {
      const message = renderNotification(kind, SAMPLES[kind] as never, ctxFor(language));
      for (const field of ['subject', 'text', 'html', 'title', 'summary'] as const) expect(message[field].trim()).not.toBe('');
      expect(message.subject).toBe(`${message.title}${language === 'cs' ? ' – Dotační portál hl. m. Prahy' : ' – City of Prague grant portal'}`);
      expect(message.subject).not.toMatch(/[\r\n]/);
      expect(message.html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(message.html).toContain(`<html lang="${language}">`);
      expect(message.text).toContain(language === 'cs' ? 'Dobrý den, Jana Nováková,' : 'Hello Jana Nováková,');
      const reference = referenceOf(kind);
      if (reference) expect(message.subject).toContain(reference);
      if (message.link) expect(message.link).toMatch(/^https?:\/\//);
      expect(message.summary).not.toContain('\n');
    });

    it('uses Czech with diacritics, and an English text without the Czech wording', () => {
      const czech = renderNotification(kind, SAMPLES[kind] as never, cs);
      const english = renderNotification(kind, SAMPLES[kind] as never, en);
      expect(czech.text).toMatch(/[áčďéěíňóřšťúůýž]/);
      expect(czech.text).toContain('Oddělení národnostních menšin a cizinců MHMP');
      expect(english.text).not.toContain(czech.title);
      expect(english.text).not.toContain(czech.summary);
      expect(english.text).toContain('Department of National Minorities and Foreigners');
      expect(english.link).toBe(czech.link);
    });
  });

  it('links to the object of the message under the portal URL', () => {
    expect(render('call_published').link).toBe(`${PORTAL}/vyzvy/call-1`);
    expect(render('call_opened').link).toBe(`${PORTAL}/vyzvy/call-1`);
    expect(render('draft_reminder').link).toBe(`${PORTAL}/zadosti/app-1`);
    expect(render('award_rejected').link).toBe(`${PORTAL}/zadosti/app-1`);
    expect(render('commission_assignment').link).toBe(`${PORTAL}/hodnoceni/call-1`);
    expect(render('agreement_ready_to_sign').link).toBe(`${PORTAL}/smlouvy/agr-1`);
    expect(render('password_reset').link).toBe(SAMPLES.password_reset.link);
    // A trailing slash in the configured URL must not double up, and ids are URL-encoded.
    expect(renderNotification('call_opened', { ...SAMPLES.call_opened, callId: 'a/b' }, { ...cs, portalUrl: `${PORTAL}/` }).link).toBe(`${PORTAL}/vyzvy/a%2Fb`);
    expect(render('call_published').text).toContain(`Zobrazit výzvu: ${PORTAL}/vyzvy/call-1`);
  });

  it('formats money and dates the Czech way in Czech', () => {
    const receipt = render('submission_receipt');
    expect(receipt.text).toContain(`150${NBSP}000,00${NBSP}Kč`);
    expect(receipt.text).toContain(`24.${NBSP}11.${NBSP}2022 14:05`);
    // 22:59:59 UTC is 23:59 on the same Prague day, not the next one.
    expect(render('call_opened').text).toContain(`24.${NBSP}11.${NBSP}2022 23:59`);
    // A calendar date is the Prague day as written.
    expect(render('settlement_due').text).toContain(`31.${NBSP}1.${NBSP}2024`);
    expect(render('return_due').text).toContain(`1${NBSP}234,50${NBSP}Kč`);
    expect(render('call_published').text).toContain(`5${NBSP}000${NBSP}000,00${NBSP}Kč`);
  });

  it('formats money and dates the English way in English', () => {
    const receipt = render('submission_receipt', {}, en);
    expect(receipt.text).toContain('CZK 150,000.00');
    expect(receipt.text).toContain('24 November 2022, 14:05');
    expect(receipt.text).not.toContain('Kč');
    expect(render('call_opened', {}, en).text).toContain('24 November 2022, 23:59');
    expect(render('settlement_due', {}, en).text).toContain('31 January 2024');
    expect(render('return_due', {}, en).text).toContain('CZK 1,234.50');
    expect(render('call_published', {}, en).text).toContain('CZK 5,000,000.00');
    expect(render('award_approved', {}, en).text).toContain('20 March 2023');
  });

  it('escapes every interpolated value in HTML and leaves the text as written', () => {
    const evil = '<script>alert(1)</script>';
    const message = render('remedy_requested', { projectTitle: evil, items: [evil, 'a & b'], note: `"${evil}"` });
    expect(message.html).not.toContain('<script>');
    expect(message.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(message.html).toContain('a &amp; b');
    expect(message.html).toContain('&quot;');
    expect(message.text).toContain(evil);
    expect(message.text).toContain('- a & b');

    const named = renderNotification('formal_check_passed', SAMPLES.formal_check_passed, { ...cs, recipientName: evil });
    expect(named.html).not.toContain('<script>');
    expect(named.text).toContain(`Dobrý den, ${evil},`);

    const hostile = renderNotification('application_excluded', { ...SAMPLES.application_excluded, applicationNumber: `X${evil}` }, en);
    expect(hostile.html).not.toContain('<script>');
    expect(hostile.subject).toContain(evil);
    expect(hostile.html).toContain('<title>Application X&lt;script&gt;');
  });

  it('keeps line breaks of user input out of the subject', () => {
    const message = render('draft_reminder', { applicationNumber: null, projectTitle: 'Řádek\r\nBcc: x@example.cz' });
    expect(message.subject).toBe('Nepodaná žádost „Řádek Bcc: x@example.cz“ – Dotační portál hl. m. Prahy');
  });

  it('tells optional recipients where to change settings and mandatory ones why they always get it', () => {
    const settings = `${PORTAL}/nastaveni/oznameni`;
    for (const kind of KINDS) {
      const { mandatory } = NOTIFICATION_KINDS[kind];
      for (const ctx of [cs, en]) {
        const message = renderNotification(kind, SAMPLES[kind] as never, ctx);
        expect([kind, message.text.includes(settings)]).toEqual([kind, !mandatory]);
        expect([kind, message.html.includes(`href="${settings}"`)]).toEqual([kind, !mandatory]);
        expect([kind, /\b(vždy|always)\b/.test(message.text)]).toEqual([kind, mandatory]);
      }
    }
    expect(render('password_reset').text).toContain('protože se týká vašeho uživatelského účtu');
    expect(render('award_rejected').text).toContain('protože se týká vašich práv a povinností');
    expect(render('award_rejected', {}, en).text).toContain('because it concerns your rights and obligations');
  });

  it('describes the kinds for delivery and the preferences screen', () => {
    expect(NOTIFICATION_KINDS.account_welcome).toMatchObject({ category: 'account', mandatory: true, inApp: false });
    expect(NOTIFICATION_KINDS.password_reset).toMatchObject({ category: 'account', mandatory: true, inApp: false });
    for (const kind of KINDS) {
      const info = NOTIFICATION_KINDS[kind];
      expect([kind, info.inApp]).toEqual([kind, info.category !== 'account']);
      expect(info.label.cs).not.toBe('');
      expect(info.label.en).not.toBe(info.label.cs);
    }
    expect(KINDS.filter((kind) => !NOTIFICATION_KINDS[kind].mandatory).sort()).toEqual(
      [
        'agreement_published',
        'call_closing_soon',
        'call_opened',
        'call_published',
        'draft_reminder',
        'organisation_join_requested',
        'payment_sent',
        'remedy_deadline_reminder',
        'return_received',
        'review_due',
      ].sort(),
    );
    expect(isNotificationKind('submission_receipt')).toBe(true);
    expect(isNotificationKind('toString')).toBe(false);
    expect(isNotificationKind('nope')).toBe(false);
  });

  it('says what the password link allows', () => {
    const czech = render('password_reset');
    expect(czech.text).toContain('Odkaz platí 30 minut a lze jej použít pouze jednou.');
    expect(czech.text).toContain('nežádali, tuto zprávu ignorujte');
    expect(czech.text).toContain(SAMPLES.password_reset.link);
    expect(render('password_reset', { validMinutes: 1 }).text).toContain('platí 1 minutu');
    expect(render('password_reset', { validMinutes: 1 }, en).text).toContain('valid for 1 minute and can be used only once');
  });

  it('agrees Czech words with counts', () => {
    expect(render('draft_reminder', { missingCount: 0 }).text).toContain('zbývá ji pouze podat');
    expect(render('draft_reminder', { missingCount: 1 }).text).toContain('chybí ještě 1 povinná položka');
    expect(render('draft_reminder', { missingCount: 3 }).text).toContain('chybějí ještě 3 povinné položky');
    expect(render('draft_reminder', { missingCount: 7 }).text).toContain('chybí ještě 7 povinných položek');
    expect(render('draft_reminder', { missingCount: 1 }, en).text).toContain('1 required item is still missing');
    expect(render('commission_assignment', { applicationCount: 1 }).summary).toContain('byla přidělena k hodnocení 1 žádost');
    expect(render('commission_assignment', { applicationCount: 3 }).summary).toContain('byly přiděleny k hodnocení 3 žádosti');
    expect(render('commission_assignment', { applicationCount: 12 }).summary).toContain('bylo přiděleno k hodnocení 12 žádostí');
    expect(render('settlement_overdue', { daysOverdue: 1 }).text).toContain('Prodlení: 1 den');
    expect(render('settlement_overdue', { daysOverdue: 2 }).text).toContain('Prodlení: 2 dny');
    expect(render('settlement_overdue', { daysOverdue: 5 }).text).toContain('Prodlení: 5 dní');
  });

  it('words the legal content of the key notices', () => {
    const draftWithoutNumber = render('draft_reminder', { applicationNumber: null });
    expect(draftWithoutNumber.subject).toContain('„Kurzy češtiny pro cizince“');
    expect(draftWithoutNumber.text).not.toContain('Číslo žádosti');
    expect(draftWithoutNumber.text).toContain('dosud však nebyla podána');

    expect(render('submission_receipt').text).toContain('ve formátu PDF je přiloženo');
    expect(render('submission_receipt').text).not.toContain('nahrazuje');
    expect(render('submission_receipt', { versionNo: 2 }).text).toContain('Jde o 2. verzi žádosti, která nahrazuje dříve podanou verzi.');

    const remedy = render('remedy_requested');
    expect(remedy.text).toContain('Zjištěné nedostatky:\n- Chybí čestné prohlášení\n- Rozpočet nesouhlasí');
    expect(remedy.text).toContain('bude žádost vyřazena z hodnocení');
    expect(remedy.html).toContain('<li');
    expect(render('remedy_requested', { note: '  ' }).text).not.toContain('Poznámka:');

    const approved = render('award_approved');
    expect(approved.text).toContain(`Rada hlavního města Prahy usnesením č. 512 ze dne 20.${NBSP}3.${NBSP}2023 schválila`);
    expect(approved.text).toContain('v nižší výši');
    expect(approved.text).toContain('- Publicita hl. m. Prahy na všech materiálech');
    expect(render('award_approved', { approvedAmount: '150000.00' }).text).not.toContain('v nižší výši');
    expect(render('award_approved', { body: 'assembly' }).text).toContain('Zastupitelstvo hlavního města Prahy usnesením');
    expect(render('award_approved', { conditions: [] }).html).not.toContain('<ul');
    expect(render('award_rejected').text).toContain('Zastupitelstvo hlavního města Prahy usnesením č. ZHMP 5/12');
    expect(render('award_rejected').text).toContain('nevyhovělo vaší žádosti');

    expect(render('commission_assignment', { reviewDueAt: null }).text).not.toContain('Termín hodnocení:');
    expect(render('payment_sent').text).toContain('Splátka: 1. z celkového počtu 2');
    expect(render('payment_sent', { trancheNo: 1, trancheCount: 1 }).text).not.toContain('Splátka');
    expect(render('return_due').text).toContain('Variabilní symbol: 2023004201');
    expect(render('breach_remedy_request').text).toContain('§ 22 odst. 6 zákona č. 250/2000 Sb.');
  });
});

describe('daily digest', () => {
  const at = (iso: string) => new Date(iso);
  const items: DigestItem[] = [
    { kind: 'payment_sent', params: SAMPLES.payment_sent, createdAt: at('2026-11-22T08:00:00Z') },
    { kind: 'remedy_deadline_reminder', params: SAMPLES.remedy_deadline_reminder, createdAt: at('2026-11-22T10:00:00Z') },
    { kind: 'call_opened', params: SAMPLES.call_opened, createdAt: at('2026-11-22T09:00:00Z') },
    { kind: 'draft_reminder', params: { ...SAMPLES.draft_reminder, applicationNumber: 'NMC-2023/0007' }, createdAt: at('2026-11-22T07:00:00Z') },
  ];

  it('groups by category in Czech, oldest first within a group, and counts the items', () => {
    const digest = renderDigest(items, cs, '2026-11-22');
    expect(digest.subject).toBe(`Přehled oznámení za 22.${NBSP}11.${NBSP}2026 – Dotační portál hl. m. Prahy`);
    expect(digest.summary).toBe(`Za 22.${NBSP}11.${NBSP}2026 máte 4 nová oznámení.`);
    expect(digest.text).toContain('Celkem jde o 4 oznámení.');
    const calls = digest.text.indexOf('Výzvy (1)');
    const applications = digest.text.indexOf('Žádosti (2)');
    const payments = digest.text.indexOf('Platby (1)');
    expect(calls).toBeGreaterThan(0);
    expect(applications).toBeGreaterThan(calls);
    expect(payments).toBeGreaterThan(applications);
    expect(digest.text.indexOf('Nepodaná žádost NMC-2023/0007')).toBeGreaterThan(applications);
    expect(digest.text.indexOf('Připomínka lhůty k odstranění nedostatků žádosti NMC-2023/0042')).toBeGreaterThan(digest.text.indexOf('Nepodaná žádost NMC-2023/0007'));
    expect(digest.text).toContain(`${PORTAL}/zadosti/app-1`);
    expect(digest.text).toContain(`${PORTAL}/nastaveni/oznameni`);
    expect(digest.html).toContain('Žádosti (2)</h2>');
    expect(digest.html).toContain(`href="${PORTAL}/smlouvy/agr-1"`);
    expect(digest.text).not.toContain('Hodnocení žádostí');
    expect(digest.link).toBe(`${PORTAL}/`);
  });

  it('uses English headings for English recipients', () => {
    const digest = renderDigest(items, en, '2026-11-22');
    expect(digest.subject).toBe('Your notifications for 22 November 2026 – City of Prague grant portal');
    expect(digest.summary).toBe('You have 4 new notifications for 22 November 2026.');
    expect(digest.text).toContain('Calls for applications (1)');
    expect(digest.text).toContain('Applications (2)');
    expect(digest.text).toContain('Payments (1)');
    expect(digest.text).not.toContain('Žádosti (');
    expect(digest.text).toContain('Application NMC-2023/0007 not yet submitted');
    expect(renderDigest(items.slice(0, 1), en, '2026-11-22').summary).toBe('You have 1 new notification for 22 November 2026.');
  });

  it('refuses an empty digest', () => {
    expect(() => renderDigest([], cs, '2026-11-22')).toThrow(RangeError);
  });
});
