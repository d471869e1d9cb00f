import { Money } from '#core';
import type { DecidingBody, NotificationKind, NotificationParams } from './catalog.js';
import { czechCount, czechForm, englishCount } from './format.js';
import type { Formatter } from './format.js';
import type { Fact, MessageContent } from './layout.js';

type Template<K extends NotificationKind> = (params: NotificationParams[K], f: Formatter) => MessageContent;

/** Both languages side by side, so a change of wording is made in both at once. */
type Localised<K extends NotificationKind> = { cs: Template<K>; en: Template<K> };

const cq = (value: string) => `„${value}“`;
const eq = (value: string) => `“${value}”`;

/** Drops the facts that do not apply (e.g. no deadline set yet) so templates can list them inline. */
const facts = (...items: (Fact | false | null | undefined)[]): Fact[] => items.filter((item): item is Fact => Boolean(item));

const BODY_CS: { readonly [B in DecidingBody]: { name: string; short: string; approved: string; rejected: string } } = {
  council: { name: 'Rada hlavního města Prahy', short: 'Rada hl. m. Prahy', approved: 'schválila', rejected: 'nevyhověla' },
  assembly: { name: 'Zastupitelstvo hlavního města Prahy', short: 'Zastupitelstvo hl. m. Prahy', approved: 'schválilo', rejected: 'nevyhovělo' },
};
const BODY_EN: { readonly [B in DecidingBody]: string } = { council: 'Prague City Council', assembly: 'Prague City Assembly' };

const LAW_250 = 'zákona č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů';
const LAW_250_EN = 'Act No. 250/2000 Coll., on the Budgetary Rules of Territorial Budgets';

export const TEMPLATES: { readonly [K in NotificationKind]: Localised<K> } = {
  account_welcome: {
    cs: (p, f) => ({
      subject: 'Založení uživatelského účtu',
      summary: 'Váš uživatelský účet na dotačním portálu hl. m. Prahy byl založen.',
      paragraphs: ['váš uživatelský účet na dotačním portálu hl. m. Prahy byl založen. K přihlášení použijte e-mailovou adresu uvedenou níže.'],
      facts: [{ label: 'Přihlašovací e-mail', value: p.email }],
      action: { label: 'Přihlásit se', url: f.link() },
    }),
    en: (p, f) => ({
      subject: 'Your account has been created',
      summary: 'Your user account on the City of Prague grant portal has been created.',
      paragraphs: ['Your user account on the City of Prague grant portal has been created. Sign in with the e-mail address below.'],
      facts: [{ label: 'Sign-in e-mail', value: p.email }],
      action: { label: 'Sign in', url: f.link() },
    }),
  },

  password_reset: {
    cs: (p) => ({
      subject: 'Obnovení hesla',
      summary: 'Obdrželi jsme žádost o obnovení hesla k vašemu účtu.',
      paragraphs: [
        'obdrželi jsme žádost o obnovení hesla k vašemu účtu na dotačním portálu hl. m. Prahy. Nové heslo si nastavíte pomocí odkazu níže.',
        `Odkaz platí ${czechCount(p.validMinutes, 'minutu', 'minuty', 'minut')} a lze jej použít pouze jednou.`,
      ],
      closing: ['Pokud jste o obnovení hesla nežádali, tuto zprávu ignorujte; vaše heslo zůstane beze změny.'],
      action: { label: 'Nastavit nové heslo', url: p.link },
    }),
    en: (p) => ({
      subject: 'Password reset',
      summary: 'We received a request to reset the password of your account.',
      paragraphs: [
        'We received a request to reset the password of your account on the City of Prague grant portal. Use the link below to set a new password.',
        `The link is valid for ${englishCount(p.validMinutes, 'minute', 'minutes')} and can be used only once.`,
      ],
      closing: ['If you did not ask for a password reset, please ignore this message; your password will stay unchanged.'],
      action: { label: 'Set a new password', url: p.link },
    }),
  },

  organisation_verification_decided: {
    cs: (p, f) => ({
      subject: p.status === 'verified' ? `Organizace ${p.organisationName} je ověřena` : `Ověření organizace ${p.organisationName} zamítnuto`,
      summary:
        p.status === 'verified'
          ? `Úřad ověřil vaše oprávnění jednat za organizaci ${p.organisationName}; její žádosti o dotaci lze podávat.`
          : `Úřad neověřil vaše oprávnění jednat za organizaci ${p.organisationName}.`,
      paragraphs: [
        p.status === 'verified'
          ? `úřad ověřil vaše oprávnění jednat za organizaci ${cq(p.organisationName)}. Za organizaci nyní můžete podávat žádosti o dotaci.`
          : `úřad neověřil vaše oprávnění jednat za organizaci ${cq(p.organisationName)}. Nahrajte prosím v profilu organizace nový doklad (výpis statutárního orgánu nebo plnou moc).`,
      ],
      facts: facts({ label: 'Organizace', value: p.organisationName }, { label: 'IČO', value: p.ico }, p.reason !== '' && { label: 'Odůvodnění', value: p.reason }),
      action: { label: 'Zobrazit organizaci', url: f.link('organizace', p.organisationId) },
    }),
    en: (p, f) => ({
      subject: p.status === 'verified' ? `${p.organisationName} is verified` : `Verification of ${p.organisationName} rejected`,
      summary:
        p.status === 'verified'
          ? `Staff verified your authority to act for ${p.organisationName}; its grant applications can be submitted.`
          : `Staff did not verify your authority to act for ${p.organisationName}.`,
      paragraphs: [
        p.status === 'verified'
          ? `Staff verified your authority to act for ${eq(p.organisationName)}. You can now submit grant applications for it.`
          : `Staff did not verify your authority to act for ${eq(p.organisationName)}. Please upload new evidence (statutory body or power of attorney) in the organisation's profile.`,
      ],
      facts: facts({ label: 'Organisation', value: p.organisationName }, { label: 'IČO', value: p.ico }, p.reason !== '' && { label: 'Reason', value: p.reason }),
      action: { label: 'Show the organisation', url: f.link('organizace', p.organisationId) },
    }),
  },

  organisation_join_requested: {
    cs: (p, f) => ({
      subject: `Žádost o členství v organizaci ${p.organisationName}`,
      summary: `${p.requesterName} žádá o členství v organizaci ${p.organisationName}.`,
      paragraphs: [
        `${p.requesterName} (${p.requesterEmail}) žádá o členství v organizaci ${cq(p.organisationName)}. Jako její správce žádost schválíte nebo odmítnete v profilu organizace.`,
      ],
      facts: facts({ label: 'Žadatel o členství', value: `${p.requesterName}, ${p.requesterEmail}` }, p.message !== '' && { label: 'Vzkaz', value: p.message }),
      action: { label: 'Vyřídit žádost', url: f.link('organizace', p.organisationId) },
    }),
    en: (p, f) => ({
      subject: `Request to join ${p.organisationName}`,
      summary: `${p.requesterName} asks to join ${p.organisationName}.`,
      paragraphs: [`${p.requesterName} (${p.requesterEmail}) asks to join ${eq(p.organisationName)}. As its owner, approve or refuse the request in the organisation's profile.`],
      facts: facts({ label: 'Requested by', value: `${p.requesterName}, ${p.requesterEmail}` }, p.message !== '' && { label: 'Message', value: p.message }),
      action: { label: 'Decide the request', url: f.link('organizace', p.organisationId) },
    }),
  },

  organisation_join_decided: {
    cs: (p, f) => ({
      subject: p.approved ? `Jste členem organizace ${p.organisationName}` : `Žádost o členství v organizaci ${p.organisationName} odmítnuta`,
      summary: p.approved ? `Správce organizace ${p.organisationName} schválil vaši žádost o členství.` : `Správce organizace ${p.organisationName} vaši žádost o členství odmítl.`,
      paragraphs: [
        p.approved
          ? `vaše žádost o členství v organizaci ${cq(p.organisationName)} byla schválena. Nyní můžete připravovat její žádosti o dotaci.`
          : `vaše žádost o členství v organizaci ${cq(p.organisationName)} byla odmítnuta.`,
      ],
      facts: facts({ label: 'Organizace', value: p.organisationName }, p.reason !== '' && { label: 'Odůvodnění', value: p.reason }),
      action: { label: 'Moje organizace', url: f.link('organizace') },
    }),
    en: (p, f) => ({
      subject: p.approved ? `You are a member of ${p.organisationName}` : `Request to join ${p.organisationName} refused`,
      summary: p.approved ? `The owner of ${p.organisationName} approved your request to join.` : `The owner of ${p.organisationName} refused your request to join.`,
      paragraphs: [
        p.approved
          ? `Your request to join ${eq(p.organisationName)} has been approved. You can now prepare its grant applications.`
          : `Your request to join ${eq(p.organisationName)} has been refused.`,
      ],
      facts: facts({ label: 'Organisation', value: p.organisationName }, p.reason !== '' && { label: 'Reason', value: p.reason }),
      action: { label: 'My organisations', url: f.link('organizace') },
    }),
  },

  call_published: {
    cs: (p, f) => ({
      subject: `Vyhlášení výzvy ${p.callCode} ${cq(p.callTitle)}`,
      summary: `Hlavní město Praha vyhlásilo výzvu ${cq(p.callTitle)}; žádosti lze podávat od ${f.dateTime(p.applicationsFrom)} do ${f.dateTime(p.applicationsUntil)}.`,
      paragraphs: [
        `hlavní město Praha vyhlásilo výzvu k podávání žádostí o dotace ${cq(p.callTitle)}.`,
        `Žádosti lze podávat prostřednictvím portálu od ${f.dateTime(p.applicationsFrom)} do ${f.dateTime(p.applicationsUntil)}. Úplné znění výzvy, včetně okruhu oprávněných žadatelů a podporovaných aktivit, naleznete na portálu.`,
      ],
      facts: [
        { label: 'Kód výzvy', value: p.callCode },
        { label: 'Název výzvy', value: p.callTitle },
        { label: 'Zahájení příjmu žádostí', value: f.dateTime(p.applicationsFrom) },
        { label: 'Ukončení příjmu žádostí', value: f.dateTime(p.applicationsUntil) },
        { label: 'Celkový objem prostředků', value: f.money(p.allocation) },
      ],
      action: { label: 'Zobrazit výzvu', url: f.link('vyzvy', p.callId) },
    }),
    en: (p, f) => ({
      subject: `Call ${p.callCode} ${eq(p.callTitle)} published`,
      summary: `The City of Prague has published the call ${eq(p.callTitle)}; applications can be submitted from ${f.dateTime(p.applicationsFrom)} until ${f.dateTime(p.applicationsUntil)}.`,
      paragraphs: [
        `The City of Prague has published a call for grant applications, ${eq(p.callTitle)}.`,
        `Applications can be submitted through the portal from ${f.dateTime(p.applicationsFrom)} until ${f.dateTime(p.applicationsUntil)}. The full text of the call, including who may apply and which activities are supported, is available on the portal.`,
      ],
      facts: [
        { label: 'Call code', value: p.callCode },
        { label: 'Call title', value: p.callTitle },
        { label: 'Applications open', value: f.dateTime(p.applicationsFrom) },
        { label: 'Applications close', value: f.dateTime(p.applicationsUntil) },
        { label: 'Total allocation', value: f.money(p.allocation) },
      ],
      action: { label: 'View the call', url: f.link('vyzvy', p.callId) },
    }),
  },

  call_opened: {
    cs: (p, f) => ({
      subject: `Zahájení příjmu žádostí do výzvy ${p.callCode}`,
      summary: `Byl zahájen příjem žádostí do výzvy ${cq(p.callTitle)}; žádosti lze podávat do ${f.dateTime(p.applicationsUntil)}.`,
      paragraphs: [`byl zahájen příjem žádostí do výzvy ${cq(p.callTitle)} (${p.callCode}).`, `Žádosti lze podávat prostřednictvím portálu do ${f.dateTime(p.applicationsUntil)}.`],
      facts: [
        { label: 'Kód výzvy', value: p.callCode },
        { label: 'Ukončení příjmu žádostí', value: f.dateTime(p.applicationsUntil) },
      ],
      action: { label: 'Zobrazit výzvu', url: f.link('vyzvy', p.callId) },
    }),
    en: (p, f) => ({
      subject: `Call ${p.callCode} open for applications`,
      summary: `The call ${eq(p.callTitle)} is open; applications can be submitted until ${f.dateTime(p.applicationsUntil)}.`,
      paragraphs: [
        `The call ${eq(p.callTitle)} (${p.callCode}) is now open for applications.`,
        `Applications can be submitted through the portal until ${f.dateTime(p.applicationsUntil)}.`,
      ],
      facts: [
        { label: 'Call code', value: p.callCode },
        { label: 'Applications close', value: f.dateTime(p.applicationsUntil) },
      ],
      action: { label: 'View the call', url: f.link('vyzvy', p.callId) },
    }),
  },

  call_closing_soon: {
    cs: (p, f) => ({
      subject: `Blíží se ukončení příjmu žádostí do výzvy ${p.callCode}`,
      summary: `Příjem žádostí do výzvy ${cq(p.callTitle)} končí ${f.dateTime(p.applicationsUntil)}.`,
      paragraphs: [
        `upozorňujeme, že příjem žádostí do výzvy ${cq(p.callTitle)} (${p.callCode}) končí ${f.dateTime(p.applicationsUntil)}.`,
        'Po uplynutí této lhůty již nebude možné žádost podat.',
      ],
      facts: [
        { label: 'Kód výzvy', value: p.callCode },
        { label: 'Ukončení příjmu žádostí', value: f.dateTime(p.applicationsUntil) },
      ],
      action: { label: 'Zobrazit výzvu', url: f.link('vyzvy', p.callId) },
    }),
    en: (p, f) => ({
      subject: `Call ${p.callCode} closes soon`,
      summary: `Applications for the call ${eq(p.callTitle)} close on ${f.dateTime(p.applicationsUntil)}.`,
      paragraphs: [
        `Please note that applications for the call ${eq(p.callTitle)} (${p.callCode}) close on ${f.dateTime(p.applicationsUntil)}.`,
        'After that, it will no longer be possible to submit an application.',
      ],
      facts: [
        { label: 'Call code', value: p.callCode },
        { label: 'Applications close', value: f.dateTime(p.applicationsUntil) },
      ],
      action: { label: 'View the call', url: f.link('vyzvy', p.callId) },
    }),
  },

  draft_reminder: {
    cs: (p, f) => {
      const missing =
        p.missingCount === 0
          ? 'Žádost obsahuje všechny povinné údaje a přílohy, zbývá ji pouze podat.'
          : `V žádosti ${czechForm(p.missingCount, 'chybí', 'chybějí', 'chybí')} ještě ${czechCount(p.missingCount, 'povinná položka', 'povinné položky', 'povinných položek')}; před podáním je třeba vše doplnit.`;
      return {
        subject: p.applicationNumber ? `Nepodaná žádost ${p.applicationNumber}` : `Nepodaná žádost ${cq(p.projectTitle)}`,
        summary: `Žádost o dotaci na projekt ${cq(p.projectTitle)} dosud nebyla podána; příjem žádostí končí ${f.dateTime(p.applicationsUntil)}.`,
        paragraphs: [
          `vaše žádost o dotaci na projekt ${cq(p.projectTitle)} do výzvy ${cq(p.callTitle)} je rozpracovaná, dosud však nebyla podána. Příjem žádostí končí ${f.dateTime(p.applicationsUntil)}.`,
          missing,
        ],
        facts: facts(
          p.applicationNumber !== null && { label: 'Číslo žádosti', value: p.applicationNumber },
          { label: 'Projekt', value: p.projectTitle },
          { label: 'Výzva', value: p.callTitle },
          { label: 'Ukončení příjmu žádostí', value: f.dateTime(p.applicationsUntil) },
        ),
        closing: ['Žádost, která nebude podána do ukončení příjmu žádostí, nemůže být posouzena.'],
        action: { label: p.missingCount === 0 ? 'Podat žádost' : 'Dokončit žádost', url: f.link('zadosti', p.applicationId) },
      };
    },
    en: (p, f) => {
      const missing =
        p.missingCount === 0
          ? 'All required information and attachments are complete; you only need to submit the application.'
          : `${englishCount(p.missingCount, 'required item is', 'required items are')} still missing; please complete them before submitting.`;
      return {
        subject: p.applicationNumber ? `Application ${p.applicationNumber} not yet submitted` : `Application ${eq(p.projectTitle)} not yet submitted`,
        summary: `Your application for the project ${eq(p.projectTitle)} has not been submitted yet; applications close on ${f.dateTime(p.applicationsUntil)}.`,
        paragraphs: [
          `Your grant application for the project ${eq(p.projectTitle)} under the call ${eq(p.callTitle)} is still a draft and has not been submitted. Applications close on ${f.dateTime(p.applicationsUntil)}.`,
          missing,
        ],
        facts: facts(
          p.applicationNumber !== null && { label: 'Application number', value: p.applicationNumber },
          { label: 'Project', value: p.projectTitle },
          { label: 'Call', value: p.callTitle },
          { label: 'Applications close', value: f.dateTime(p.applicationsUntil) },
        ),
        closing: ['An application that is not submitted before the call closes cannot be considered.'],
        action: { label: p.missingCount === 0 ? 'Submit the application' : 'Complete the application', url: f.link('zadosti', p.applicationId) },
      };
    },
  },

  submission_receipt: {
    cs: (p, f) => ({
      subject: `Potvrzení o podání žádosti ${p.applicationNumber}`,
      summary: `Žádost ${p.applicationNumber} o dotaci na projekt ${cq(p.projectTitle)} byla podána.`,
      paragraphs: [
        `potvrzujeme, že jsme prostřednictvím portálu přijali vaši žádost o dotaci na projekt ${cq(p.projectTitle)} do výzvy ${cq(p.callTitle)}.`,
        ...(p.versionNo > 1 ? [`Jde o ${p.versionNo}. verzi žádosti, která nahrazuje dříve podanou verzi. Posuzována bude vždy poslední podaná verze.`] : []),
        'Potvrzení o podání žádosti ve formátu PDF je přiloženo k této zprávě. Doporučujeme je uschovat.',
      ],
      facts: [
        { label: 'Číslo žádosti', value: p.applicationNumber },
        { label: 'Číslo potvrzení', value: p.receiptNumber },
        { label: 'Datum a čas podání', value: f.dateTime(p.submittedAt) },
        { label: 'Verze žádosti', value: String(p.versionNo) },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Výzva', value: p.callTitle },
        { label: 'Požadovaná částka', value: f.money(p.requestedAmount) },
      ],
      closing: ['O dalším postupu, včetně výsledku kontroly formálních náležitostí, vás budeme informovat.'],
      action: { label: 'Zobrazit žádost', url: f.link('zadosti', p.applicationId) },
    }),
    en: (p, f) => ({
      subject: `Receipt for application ${p.applicationNumber}`,
      summary: `Application ${p.applicationNumber} for the project ${eq(p.projectTitle)} has been submitted.`,
      paragraphs: [
        `We confirm that we have received, through the portal, your grant application for the project ${eq(p.projectTitle)} under the call ${eq(p.callTitle)}.`,
        ...(p.versionNo > 1
          ? [`This is version ${p.versionNo} of the application and it replaces the version submitted earlier. Only the most recently submitted version is considered.`]
          : []),
        'The receipt is attached to this message as a PDF. Please keep it for your records.',
      ],
      facts: [
        { label: 'Application number', value: p.applicationNumber },
        { label: 'Receipt number', value: p.receiptNumber },
        { label: 'Submitted', value: f.dateTime(p.submittedAt) },
        { label: 'Version', value: String(p.versionNo) },
        { label: 'Project', value: p.projectTitle },
        { label: 'Call', value: p.callTitle },
        { label: 'Amount requested', value: f.money(p.requestedAmount) },
      ],
      closing: ['We will let you know about the next steps, including the result of the formal check.'],
      action: { label: 'View the application', url: f.link('zadosti', p.applicationId) },
    }),
  },

  remedy_requested: {
    cs: (p, f) => ({
      subject: `Výzva k odstranění nedostatků žádosti ${p.applicationNumber}`,
      summary: `V žádosti ${p.applicationNumber} byly zjištěny nedostatky, které je třeba odstranit do ${f.dateTime(p.deadline)}.`,
      paragraphs: [
        `při kontrole formálních náležitostí vaší žádosti o dotaci na projekt ${cq(p.projectTitle)} byly zjištěny nedostatky. Vyzýváme vás k jejich odstranění nejpozději do ${f.dateTime(p.deadline)}.`,
      ],
      facts: [
        { label: 'Číslo žádosti', value: p.applicationNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Lhůta k odstranění nedostatků', value: f.dateTime(p.deadline) },
      ],
      list: { heading: 'Zjištěné nedostatky:', items: p.items },
      closing: [
        ...(p.note.trim() ? [`Poznámka: ${p.note.trim()}`] : []),
        'Nedostatky odstraníte úpravou žádosti na portálu a jejím opětovným podáním.',
        'Nebudou-li nedostatky ve stanovené lhůtě odstraněny, bude žádost vyřazena z hodnocení.',
      ],
      action: { label: 'Upravit žádost', url: f.link('zadosti', p.applicationId) },
    }),
    en: (p, f) => ({
      subject: `Request to remedy application ${p.applicationNumber}`,
      summary: `Deficiencies were found in application ${p.applicationNumber}; they must be remedied by ${f.dateTime(p.deadline)}.`,
      paragraphs: [
        `During the formal check of your grant application for the project ${eq(p.projectTitle)}, we found deficiencies. We ask you to remedy them by ${f.dateTime(p.deadline)} at the latest.`,
      ],
      facts: [
        { label: 'Application number', value: p.applicationNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Remedy deadline', value: f.dateTime(p.deadline) },
      ],
      list: { heading: 'Deficiencies found:', items: p.items },
      closing: [
        ...(p.note.trim() ? [`Note: ${p.note.trim()}`] : []),
        'To remedy them, edit the application on the portal and submit it again.',
        'If the deficiencies are not remedied by the deadline, the application will be excluded from the evaluation.',
      ],
      action: { label: 'Edit the application', url: f.link('zadosti', p.applicationId) },
    }),
  },

  remedy_deadline_reminder: {
    cs: (p, f) => ({
      subject: `Připomínka lhůty k odstranění nedostatků žádosti ${p.applicationNumber}`,
      summary: `Lhůta k odstranění nedostatků žádosti ${p.applicationNumber} uplyne ${f.dateTime(p.deadline)}.`,
      paragraphs: [`připomínáme, že lhůta k odstranění nedostatků vaší žádosti o dotaci na projekt ${cq(p.projectTitle)} uplyne ${f.dateTime(p.deadline)}.`],
      facts: [
        { label: 'Číslo žádosti', value: p.applicationNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Lhůta k odstranění nedostatků', value: f.dateTime(p.deadline) },
      ],
      closing: ['Nebudou-li nedostatky ve stanovené lhůtě odstraněny, bude žádost vyřazena z hodnocení.'],
      action: { label: 'Upravit žádost', url: f.link('zadosti', p.applicationId) },
    }),
    en: (p, f) => ({
      subject: `Remedy deadline approaching for application ${p.applicationNumber}`,
      summary: `The deadline to remedy application ${p.applicationNumber} ends on ${f.dateTime(p.deadline)}.`,
      paragraphs: [
        `This is a reminder that the deadline to remedy the deficiencies of your grant application for the project ${eq(p.projectTitle)} ends on ${f.dateTime(p.deadline)}.`,
      ],
      facts: [
        { label: 'Application number', value: p.applicationNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Remedy deadline', value: f.dateTime(p.deadline) },
      ],
      closing: ['If the deficiencies are not remedied by the deadline, the application will be excluded from the evaluation.'],
      action: { label: 'Edit the application', url: f.link('zadosti', p.applicationId) },
    }),
  },

  formal_check_passed: {
    cs: (p, f) => ({
      subject: `Žádost ${p.applicationNumber} splnila formální náležitosti`,
      summary: `Žádost ${p.applicationNumber} splnila formální náležitosti a postupuje do hodnocení.`,
      paragraphs: [
        `oznamujeme vám, že vaše žádost o dotaci na projekt ${cq(p.projectTitle)} splnila formální náležitosti a postupuje do věcného hodnocení, které provede hodnoticí komise.`,
        'O výsledku vás budeme informovat.',
      ],
      facts: [
        { label: 'Číslo žádosti', value: p.applicationNumber },
        { label: 'Projekt', value: p.projectTitle },
      ],
      action: { label: 'Zobrazit žádost', url: f.link('zadosti', p.applicationId) },
    }),
    en: (p, f) => ({
      subject: `Application ${p.applicationNumber} passed the formal check`,
      summary: `Application ${p.applicationNumber} passed the formal check and goes on to the evaluation.`,
      paragraphs: [
        `Your grant application for the project ${eq(p.projectTitle)} has passed the formal check and goes on to be assessed by the evaluation commission.`,
        'We will let you know the outcome.',
      ],
      facts: [
        { label: 'Application number', value: p.applicationNumber },
        { label: 'Project', value: p.projectTitle },
      ],
      action: { label: 'View the application', url: f.link('zadosti', p.applicationId) },
    }),
  },

  application_excluded: {
    cs: (p, f) => ({
      subject: `Vyřazení žádosti ${p.applicationNumber}`,
      summary: `Žádost ${p.applicationNumber} byla vyřazena z dalšího posuzování.`,
      paragraphs: [`oznamujeme vám, že vaše žádost o dotaci na projekt ${cq(p.projectTitle)} byla vyřazena z dalšího posuzování.`],
      facts: [
        { label: 'Číslo žádosti', value: p.applicationNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Důvod vyřazení', value: p.reason },
      ],
      action: { label: 'Zobrazit žádost', url: f.link('zadosti', p.applicationId) },
    }),
    en: (p, f) => ({
      subject: `Application ${p.applicationNumber} excluded`,
      summary: `Application ${p.applicationNumber} has been excluded from further consideration.`,
      paragraphs: [`We inform you that your grant application for the project ${eq(p.projectTitle)} has been excluded from further consideration.`],
      facts: [
        { label: 'Application number', value: p.applicationNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Reason', value: p.reason },
      ],
      action: { label: 'View the application', url: f.link('zadosti', p.applicationId) },
    }),
  },

  commission_assignment: {
    cs: (p, f) => {
      const assigned = `${czechForm(p.applicationCount, 'byla přidělena', 'byly přiděleny', 'bylo přiděleno')} k hodnocení ${czechCount(p.applicationCount, 'žádost', 'žádosti', 'žádostí')}`;
      return {
        subject: `Přidělení žádostí k hodnocení ve výzvě ${cq(p.callTitle)}`,
        summary: `Ve výzvě ${cq(p.callTitle)} vám ${assigned}.`,
        paragraphs: [
          `ve výzvě ${cq(p.callTitle)} vám ${assigned}.`,
          p.reviewDueAt ? `Hodnocení je třeba dokončit do ${f.dateTime(p.reviewDueAt)}.` : 'Termín pro dokončení hodnocení vám sdělíme dodatečně.',
          'Hodnocení provádíte na portálu. Žádosti se vám zobrazí poté, co u každého žadatele prohlásíte, zda ve vztahu k němu nejste ve střetu zájmů.',
        ],
        facts: facts(
          { label: 'Výzva', value: p.callTitle },
          { label: 'Počet žádostí k hodnocení', value: String(p.applicationCount) },
          p.reviewDueAt !== null && { label: 'Termín hodnocení', value: f.dateTime(p.reviewDueAt) },
        ),
        action: { label: 'Přejít k hodnocení', url: f.link('hodnoceni', p.callId) },
      };
    },
    en: (p, f) => {
      const assigned = `${englishCount(p.applicationCount, 'application has', 'applications have')} been assigned to you for evaluation`;
      return {
        subject: `Applications assigned to you for evaluation in the call ${eq(p.callTitle)}`,
        summary: `In the call ${eq(p.callTitle)}, ${assigned}.`,
        paragraphs: [
          `In the call ${eq(p.callTitle)}, ${assigned}.`,
          p.reviewDueAt ? `Please complete the evaluation by ${f.dateTime(p.reviewDueAt)}.` : 'We will let you know the deadline for the evaluation separately.',
          'You evaluate the applications on the portal. They will be shown to you once you have declared, for each applicant, whether you have a conflict of interest.',
        ],
        facts: facts(
          { label: 'Call', value: p.callTitle },
          { label: 'Applications to evaluate', value: String(p.applicationCount) },
          p.reviewDueAt !== null && { label: 'Evaluation deadline', value: f.dateTime(p.reviewDueAt) },
        ),
        action: { label: 'Go to the evaluation', url: f.link('hodnoceni', p.callId) },
      };
    },
  },

  coi_declaration_pending: {
    cs: (p, f) => ({
      subject: `Prohlášení o střetu zájmů ve výzvě ${cq(p.callTitle)}`,
      summary: `Před hodnocením žádostí ve výzvě ${cq(p.callTitle)} je třeba učinit prohlášení o střetu zájmů.`,
      paragraphs: [
        `před zahájením hodnocení žádostí ve výzvě ${cq(p.callTitle)} je třeba, abyste u každého žadatele prohlásili, zda ve vztahu k němu nejste ve střetu zájmů.`,
        'Žádosti se vám zobrazí až po učinění prohlášení. Jste-li ve vztahu k některému žadateli ve střetu zájmů, jeho žádost hodnotit nebudete.',
      ],
      facts: [
        { label: 'Výzva', value: p.callTitle },
        { label: 'Počet žadatelů', value: String(p.organisationCount) },
      ],
      action: { label: 'Učinit prohlášení', url: f.link('hodnoceni', p.callId) },
    }),
    en: (p, f) => ({
      subject: `Conflict-of-interest declaration required in the call ${eq(p.callTitle)}`,
      summary: `Before evaluating applications in the call ${eq(p.callTitle)}, you need to declare any conflict of interest.`,
      paragraphs: [
        `Before you start evaluating applications in the call ${eq(p.callTitle)}, you need to declare for each applicant whether you have a conflict of interest with it.`,
        'The applications will be shown to you only after you have made the declaration. If you have a conflict of interest with an applicant, you will not evaluate its application.',
      ],
      facts: [
        { label: 'Call', value: p.callTitle },
        { label: 'Applicants', value: String(p.organisationCount) },
      ],
      action: { label: 'Make the declaration', url: f.link('hodnoceni', p.callId) },
    }),
  },

  review_due: {
    cs: (p, f) => {
      const pending = czechCount(p.pendingCount, 'žádost', 'žádosti', 'žádostí');
      return {
        subject: `Připomínka termínu hodnocení ve výzvě ${cq(p.callTitle)}`,
        summary: `Ve výzvě ${cq(p.callTitle)} vám zbývá ohodnotit ${pending}; hodnocení je třeba dokončit do ${f.dateTime(p.dueAt)}.`,
        paragraphs: [`připomínáme, že ve výzvě ${cq(p.callTitle)} vám zbývá ohodnotit ${pending}. Hodnocení je třeba dokončit do ${f.dateTime(p.dueAt)}.`],
        facts: [
          { label: 'Výzva', value: p.callTitle },
          { label: 'Zbývá ohodnotit', value: pending },
          { label: 'Termín hodnocení', value: f.dateTime(p.dueAt) },
        ],
        action: { label: 'Přejít k hodnocení', url: f.link('hodnoceni', p.callId) },
      };
    },
    en: (p, f) => {
      const pending = englishCount(p.pendingCount, 'application', 'applications');
      return {
        subject: `Evaluation deadline reminder for the call ${eq(p.callTitle)}`,
        summary: `In the call ${eq(p.callTitle)} you still have ${pending} to evaluate; the deadline is ${f.dateTime(p.dueAt)}.`,
        paragraphs: [`This is a reminder that in the call ${eq(p.callTitle)} you still have ${pending} to evaluate. Please complete the evaluation by ${f.dateTime(p.dueAt)}.`],
        facts: [
          { label: 'Call', value: p.callTitle },
          { label: 'Still to evaluate', value: pending },
          { label: 'Evaluation deadline', value: f.dateTime(p.dueAt) },
        ],
        action: { label: 'Go to the evaluation', url: f.link('hodnoceni', p.callId) },
      };
    },
  },

  session_convened: {
    cs: (p, f) => ({
      subject: `Svolání zasedání hodnoticí komise k výzvě ${cq(p.callTitle)}`,
      summary: `Zasedání hodnoticí komise k výzvě ${cq(p.callTitle)} se uskuteční ${f.dateTime(p.sessionAt)}.`,
      paragraphs: [
        `svoláváme zasedání hodnoticí komise k výzvě ${cq(p.callTitle)}. Podklady k jednání naleznete na portálu.`,
        'Nemůžete-li se zasedání zúčastnit, oznamte to prosím co nejdříve Oddělení národnostních menšin a cizinců MHMP.',
      ],
      facts: [
        { label: 'Výzva', value: p.callTitle },
        { label: 'Datum a čas zasedání', value: f.dateTime(p.sessionAt) },
        { label: 'Místo konání', value: p.place },
      ],
      action: { label: 'Zobrazit podklady', url: f.link('hodnoceni', p.callId) },
    }),
    en: (p, f) => ({
      subject: `Commission meeting convened for the call ${eq(p.callTitle)}`,
      summary: `The evaluation commission for the call ${eq(p.callTitle)} meets on ${f.dateTime(p.sessionAt)}.`,
      paragraphs: [
        `We are convening a meeting of the evaluation commission for the call ${eq(p.callTitle)}. The meeting documents are available on the portal.`,
        'If you cannot attend, please let the Department of National Minorities and Foreigners know as soon as possible.',
      ],
      facts: [
        { label: 'Call', value: p.callTitle },
        { label: 'Date and time', value: f.dateTime(p.sessionAt) },
        { label: 'Place', value: p.place },
      ],
      action: { label: 'View the documents', url: f.link('hodnoceni', p.callId) },
    }),
  },

  award_approved: {
    cs: (p, f) => {
      const body = BODY_CS[p.body];
      const partial = Money.parse(p.approvedAmount).compare(Money.parse(p.requestedAmount)) < 0;
      return {
        subject: `Rozhodnutí o poskytnutí dotace k žádosti ${p.applicationNumber}`,
        summary: `Na projekt ${cq(p.projectTitle)} byla schválena dotace ve výši ${f.money(p.approvedAmount)}.`,
        paragraphs: [
          `oznamujeme vám, že ${body.name} usnesením č. ${p.resolutionNumber} ze dne ${f.date(p.resolutionDate)} ${body.approved} poskytnutí dotace na váš projekt ${cq(p.projectTitle)} ve výši ${f.money(p.approvedAmount)}.`,
          ...(partial ? [`Dotace byla schválena v nižší výši, než jste požadovali (požadovaná částka činila ${f.money(p.requestedAmount)}).`] : []),
          'Oznámení o poskytnutí dotace ve formátu PDF je přiloženo k této zprávě.',
        ],
        facts: [
          { label: 'Číslo žádosti', value: p.applicationNumber },
          { label: 'Projekt', value: p.projectTitle },
          { label: 'Schválená dotace', value: f.money(p.approvedAmount) },
          { label: 'Požadovaná částka', value: f.money(p.requestedAmount) },
          { label: 'Rozhodl', value: body.short },
          { label: 'Usnesení', value: `č. ${p.resolutionNumber} ze dne ${f.date(p.resolutionDate)}` },
        ],
        list: { heading: 'Podmínky poskytnutí dotace:', items: p.conditions },
        closing: ['Dalším krokem je uzavření veřejnoprávní smlouvy o poskytnutí dotace. Jakmile bude smlouva připravena k podpisu, budeme vás informovat.'],
        action: { label: 'Zobrazit žádost', url: f.link('zadosti', p.applicationId) },
      };
    },
    en: (p, f) => {
      const partial = Money.parse(p.approvedAmount).compare(Money.parse(p.requestedAmount)) < 0;
      return {
        subject: `Grant approved for application ${p.applicationNumber}`,
        summary: `A grant of ${f.money(p.approvedAmount)} has been approved for the project ${eq(p.projectTitle)}.`,
        paragraphs: [
          `We are pleased to inform you that ${BODY_EN[p.body]}, by resolution No. ${p.resolutionNumber} of ${f.date(p.resolutionDate)}, approved a grant of ${f.money(p.approvedAmount)} for your project ${eq(p.projectTitle)}.`,
          ...(partial ? [`The grant was approved at a lower amount than you requested (${f.money(p.requestedAmount)}).`] : []),
          'The decision letter is attached to this message as a PDF.',
        ],
        facts: [
          { label: 'Application number', value: p.applicationNumber },
          { label: 'Project', value: p.projectTitle },
          { label: 'Grant approved', value: f.money(p.approvedAmount) },
          { label: 'Amount requested', value: f.money(p.requestedAmount) },
          { label: 'Decided by', value: BODY_EN[p.body] },
          { label: 'Resolution', value: `No. ${p.resolutionNumber} of ${f.date(p.resolutionDate)}` },
        ],
        list: { heading: 'Conditions of the grant:', items: p.conditions },
        closing: ['The next step is to conclude the public-law grant agreement. We will let you know as soon as the agreement is ready to sign.'],
        action: { label: 'View the application', url: f.link('zadosti', p.applicationId) },
      };
    },
  },

  award_rejected: {
    cs: (p, f) => {
      const body = BODY_CS[p.body];
      return {
        subject: `Vyrozumění o nevyhovění žádosti ${p.applicationNumber}`,
        summary: `Žádosti ${p.applicationNumber} o dotaci na projekt ${cq(p.projectTitle)} nebylo vyhověno.`,
        paragraphs: [
          `oznamujeme vám, že ${body.name} usnesením č. ${p.resolutionNumber} ze dne ${f.date(p.resolutionDate)} ${body.rejected} vaší žádosti o dotaci na projekt ${cq(p.projectTitle)}.`,
        ],
        facts: [
          { label: 'Číslo žádosti', value: p.applicationNumber },
          { label: 'Projekt', value: p.projectTitle },
          { label: 'Rozhodl', value: body.short },
          { label: 'Usnesení', value: `č. ${p.resolutionNumber} ze dne ${f.date(p.resolutionDate)}` },
          { label: 'Důvod nevyhovění', value: p.reason },
        ],
        closing: ['Děkujeme za váš zájem o dotační program hlavního města Prahy.'],
        action: { label: 'Zobrazit žádost', url: f.link('zadosti', p.applicationId) },
      };
    },
    en: (p, f) => ({
      subject: `Application ${p.applicationNumber} not approved`,
      summary: `Application ${p.applicationNumber} for the project ${eq(p.projectTitle)} has not been approved.`,
      paragraphs: [
        `We regret to inform you that ${BODY_EN[p.body]}, by resolution No. ${p.resolutionNumber} of ${f.date(p.resolutionDate)}, did not approve your grant application for the project ${eq(p.projectTitle)}.`,
      ],
      facts: [
        { label: 'Application number', value: p.applicationNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Decided by', value: BODY_EN[p.body] },
        { label: 'Resolution', value: `No. ${p.resolutionNumber} of ${f.date(p.resolutionDate)}` },
        { label: 'Reason', value: p.reason },
      ],
      closing: ['Thank you for your interest in the City of Prague grant programme.'],
      action: { label: 'View the application', url: f.link('zadosti', p.applicationId) },
    }),
  },

  agreement_ready_to_sign: {
    cs: (p, f) => ({
      subject: `Smlouva č. ${p.agreementNumber} je připravena k podpisu`,
      summary: `Smlouva o poskytnutí dotace na projekt ${cq(p.projectTitle)} ve výši ${f.money(p.amount)} je připravena k podpisu.`,
      paragraphs: [
        `veřejnoprávní smlouva o poskytnutí dotace na projekt ${cq(p.projectTitle)} je připravena k podpisu.`,
        'Smlouvu si prosím prohlédněte na portálu a podepište ji podle tam uvedených pokynů. Dotaci lze vyplatit až po uzavření smlouvy.',
      ],
      facts: [
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Výše dotace', value: f.money(p.amount) },
      ],
      action: { label: 'Zobrazit smlouvu', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Agreement No. ${p.agreementNumber} ready to sign`,
      summary: `The grant agreement for the project ${eq(p.projectTitle)}, for ${f.money(p.amount)}, is ready to sign.`,
      paragraphs: [
        `The public-law agreement on the grant for your project ${eq(p.projectTitle)} is ready to sign.`,
        'Please review the agreement on the portal and sign it as instructed there. The grant can be paid only after the agreement has been concluded.',
      ],
      facts: [
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Grant amount', value: f.money(p.amount) },
      ],
      action: { label: 'View the agreement', url: f.link('smlouvy', p.agreementId) },
    }),
  },

  register_publication_due: {
    cs: (p, f) => ({
      subject: `${p.stage === 'overdue' ? 'Poslední den' : 'Upozornění'}: smlouva č. ${p.agreementNumber} není uveřejněna v registru smluv`,
      summary: `Smlouvu č. ${p.agreementNumber} je třeba uveřejnit v registru smluv nejpozději ${f.date(p.lastDay)}.`,
      paragraphs: [
        `smlouva č. ${p.agreementNumber} o poskytnutí dotace na projekt ${cq(p.projectTitle)}, podepsaná ${f.date(p.signedOn)}, dosud není uveřejněna v registru smluv. Podle zákona č. 340/2015 Sb. je třeba ji uveřejnit do 30 dnů od uzavření; účinnosti nabývá až uveřejněním a dotaci do té doby nelze vyplatit.`,
        p.stage === 'overdue' ? 'Lhůta končí. Neuveřejněná smlouva se po třech měsících od uzavření ruší od počátku.' : 'Do konce lhůty zbývá deset dní.',
      ],
      facts: [
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Podepsána', value: f.date(p.signedOn) },
        { label: 'Uveřejnit nejpozději', value: f.date(p.lastDay) },
      ],
      action: { label: 'Zobrazit smlouvu', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `${p.stage === 'overdue' ? 'Last day' : 'Reminder'}: agreement No. ${p.agreementNumber} is not published in the register of contracts`,
      summary: `Agreement No. ${p.agreementNumber} must be published in the register of contracts by ${f.date(p.lastDay)}.`,
      paragraphs: [
        `Agreement No. ${p.agreementNumber} on the grant for ${eq(p.projectTitle)}, signed on ${f.date(p.signedOn)}, is not yet published in the register of contracts. The Register of Contracts Act (Act No. 340/2015 Coll.) requires publication within 30 days of conclusion; the agreement takes effect only on publication and nothing can be paid before.`,
        p.stage === 'overdue' ? 'The time limit is ending. An agreement unpublished three months after conclusion is void from the start.' : 'Ten days of the time limit remain.',
      ],
      facts: [
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Signed', value: f.date(p.signedOn) },
        { label: 'Publish by', value: f.date(p.lastDay) },
      ],
      action: { label: 'View the agreement', url: f.link('smlouvy', p.agreementId) },
    }),
  },
  agreement_published: {
    cs: (p, f) => ({
      subject: `Uveřejnění smlouvy č. ${p.agreementNumber} v registru smluv`,
      summary: `Smlouva č. ${p.agreementNumber} byla uveřejněna v registru smluv.`,
      paragraphs: [
        `oznamujeme vám, že smlouva č. ${p.agreementNumber} o poskytnutí dotace na projekt ${cq(p.projectTitle)} byla dne ${f.date(p.publishedAt)} uveřejněna v registru smluv podle zákona č. 340/2015 Sb., o registru smluv.`,
      ],
      facts: [
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'ID v registru smluv', value: p.registryId },
        { label: 'Datum uveřejnění', value: f.date(p.publishedAt) },
      ],
      action: { label: 'Zobrazit smlouvu', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Agreement No. ${p.agreementNumber} published in the register of contracts`,
      summary: `Agreement No. ${p.agreementNumber} has been published in the register of contracts.`,
      paragraphs: [
        `We inform you that agreement No. ${p.agreementNumber} on the grant for your project ${eq(p.projectTitle)} was published in the register of contracts on ${f.date(p.publishedAt)}, as required by the Register of Contracts Act (Act No. 340/2015 Coll.).`,
      ],
      facts: [
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Register ID', value: p.registryId },
        { label: 'Published', value: f.date(p.publishedAt) },
      ],
      action: { label: 'View the agreement', url: f.link('smlouvy', p.agreementId) },
    }),
  },

  payment_sent: {
    cs: (p, f) => ({
      subject: `Odeslání platby dotace podle smlouvy č. ${p.agreementNumber}`,
      summary: `Dne ${f.date(p.paidAt)} byla odeslána platba dotace na projekt ${cq(p.projectTitle)} ve výši ${f.money(p.amount)}.`,
      paragraphs: [
        `oznamujeme vám, že dne ${f.date(p.paidAt)} byla na bankovní účet uvedený ve smlouvě č. ${p.agreementNumber} odeslána platba dotace na projekt ${cq(p.projectTitle)} ve výši ${f.money(p.amount)}.`,
      ],
      facts: facts(
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Částka', value: f.money(p.amount) },
        { label: 'Datum odeslání', value: f.date(p.paidAt) },
        p.trancheCount > 1 && { label: 'Splátka', value: `${p.trancheNo}. z celkového počtu ${p.trancheCount}` },
      ),
      action: { label: 'Zobrazit smlouvu', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Grant payment sent under agreement No. ${p.agreementNumber}`,
      summary: `A grant payment of ${f.money(p.amount)} for the project ${eq(p.projectTitle)} was sent on ${f.date(p.paidAt)}.`,
      paragraphs: [
        `We inform you that on ${f.date(p.paidAt)} a grant payment of ${f.money(p.amount)} for your project ${eq(p.projectTitle)} was sent to the bank account stated in agreement No. ${p.agreementNumber}.`,
      ],
      facts: facts(
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Amount', value: f.money(p.amount) },
        { label: 'Sent on', value: f.date(p.paidAt) },
        p.trancheCount > 1 && { label: 'Instalment', value: `${p.trancheNo} of ${p.trancheCount}` },
      ),
      action: { label: 'View the agreement', url: f.link('smlouvy', p.agreementId) },
    }),
  },

  settlement_due: {
    cs: (p, f) => ({
      subject: `Termín vyúčtování dotace podle smlouvy č. ${p.agreementNumber}`,
      summary: `Vyúčtování dotace na projekt ${cq(p.projectTitle)} je třeba předložit nejpozději do ${f.date(p.dueDate)}.`,
      paragraphs: [
        `připomínáme, že vyúčtování dotace poskytnuté na projekt ${cq(p.projectTitle)} podle smlouvy č. ${p.agreementNumber} je třeba předložit nejpozději do ${f.date(p.dueDate)}.`,
        'Vyúčtování předložíte prostřednictvím portálu. Nevyčerpané prostředky dotace je třeba vrátit způsobem a ve lhůtě stanovené smlouvou.',
      ],
      facts: [
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Termín vyúčtování', value: f.date(p.dueDate) },
      ],
      action: { label: 'Zpracovat vyúčtování', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Settlement due under agreement No. ${p.agreementNumber}`,
      summary: `The settlement of the grant for the project ${eq(p.projectTitle)} must be submitted by ${f.date(p.dueDate)}.`,
      paragraphs: [
        `This is a reminder that the settlement of the grant for the project ${eq(p.projectTitle)} under agreement No. ${p.agreementNumber} must be submitted by ${f.date(p.dueDate)} at the latest.`,
        'You submit the settlement through the portal. Any unspent grant funds must be returned in the manner and within the period set by the agreement.',
      ],
      facts: [
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Settlement due', value: f.date(p.dueDate) },
      ],
      action: { label: 'Prepare the settlement', url: f.link('smlouvy', p.agreementId) },
    }),
  },

  settlement_overdue: {
    cs: (p, f) => ({
      subject: `Nepředložené vyúčtování dotace podle smlouvy č. ${p.agreementNumber}`,
      summary: `Lhůta pro předložení vyúčtování dotace podle smlouvy č. ${p.agreementNumber} uplynula dne ${f.date(p.dueDate)}.`,
      paragraphs: [
        `lhůta pro předložení vyúčtování dotace na projekt ${cq(p.projectTitle)} podle smlouvy č. ${p.agreementNumber} uplynula dne ${f.date(p.dueDate)} a vyúčtování dosud nebylo předloženo.`,
        'Vyzýváme vás, abyste vyúčtování předložili bez zbytečného odkladu.',
      ],
      facts: [
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Termín vyúčtování', value: f.date(p.dueDate) },
        { label: 'Prodlení', value: czechCount(p.daysOverdue, 'den', 'dny', 'dní') },
      ],
      closing: [`Nepředložení vyúčtování ve stanovené lhůtě může být posouzeno jako porušení rozpočtové kázně podle § 22 ${LAW_250}.`],
      action: { label: 'Zpracovat vyúčtování', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Settlement overdue under agreement No. ${p.agreementNumber}`,
      summary: `The deadline for the settlement under agreement No. ${p.agreementNumber} passed on ${f.date(p.dueDate)}.`,
      paragraphs: [
        `The deadline for submitting the settlement of the grant for the project ${eq(p.projectTitle)} under agreement No. ${p.agreementNumber} passed on ${f.date(p.dueDate)}, and the settlement has not been submitted yet.`,
        'Please submit the settlement without undue delay.',
      ],
      facts: [
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Settlement due', value: f.date(p.dueDate) },
        { label: 'Overdue by', value: englishCount(p.daysOverdue, 'day', 'days') },
      ],
      closing: [`Failure to submit the settlement on time may be treated as a breach of budgetary discipline under Section 22 of ${LAW_250_EN}.`],
      action: { label: 'Prepare the settlement', url: f.link('smlouvy', p.agreementId) },
    }),
  },

  return_due: {
    cs: (p, f) => ({
      subject: `Vrácení prostředků dotace podle smlouvy č. ${p.agreementNumber}`,
      summary: `Podle smlouvy č. ${p.agreementNumber} je třeba vrátit ${f.money(p.amount)} nejpozději do ${f.date(p.dueDate)}.`,
      paragraphs: [
        `v souvislosti s dotací na projekt ${cq(p.projectTitle)} poskytnutou podle smlouvy č. ${p.agreementNumber} je třeba vrátit na účet hlavního města Prahy částku ${f.money(p.amount)}, a to nejpozději do ${f.date(p.dueDate)}.`,
        'Při platbě prosím uveďte níže uvedený variabilní symbol, aby bylo možné platbu správně přiřadit.',
      ],
      facts: [
        { label: 'Částka k vrácení', value: f.money(p.amount) },
        { label: 'Číslo účtu', value: p.account },
        { label: 'Variabilní symbol', value: p.variableSymbol },
        { label: 'Splatnost', value: f.date(p.dueDate) },
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
      ],
      action: { label: 'Zobrazit smlouvu', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Return of grant funds under agreement No. ${p.agreementNumber}`,
      summary: `Under agreement No. ${p.agreementNumber}, ${f.money(p.amount)} must be returned by ${f.date(p.dueDate)}.`,
      paragraphs: [
        `In connection with the grant for the project ${eq(p.projectTitle)} provided under agreement No. ${p.agreementNumber}, the amount of ${f.money(p.amount)} must be returned to the account of the City of Prague by ${f.date(p.dueDate)} at the latest.`,
        'When paying, please state the variable symbol below so that the payment can be matched.',
      ],
      facts: [
        { label: 'Amount to return', value: f.money(p.amount) },
        { label: 'Account number', value: p.account },
        { label: 'Variable symbol', value: p.variableSymbol },
        { label: 'Due date', value: f.date(p.dueDate) },
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
      ],
      action: { label: 'View the agreement', url: f.link('smlouvy', p.agreementId) },
    }),
  },

  return_received: {
    cs: (p, f) => ({
      subject: `Přijetí vrácených prostředků dotace podle smlouvy č. ${p.agreementNumber}`,
      summary: `Dne ${f.date(p.receivedAt)} byla na účet hlavního města Prahy připsána vrácená částka ${f.money(p.amount)}.`,
      paragraphs: [
        `potvrzujeme, že dne ${f.date(p.receivedAt)} byla na účet hlavního města Prahy připsána částka ${f.money(p.amount)} vrácená v souvislosti s dotací na projekt ${cq(p.projectTitle)} podle smlouvy č. ${p.agreementNumber}.`,
      ],
      facts: [
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Vrácená částka', value: f.money(p.amount) },
        { label: 'Datum připsání', value: f.date(p.receivedAt) },
      ],
      action: { label: 'Zobrazit smlouvu', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Return received under agreement No. ${p.agreementNumber}`,
      summary: `On ${f.date(p.receivedAt)}, ${f.money(p.amount)} returned under agreement No. ${p.agreementNumber} was credited to the City of Prague.`,
      paragraphs: [
        `We confirm that on ${f.date(p.receivedAt)} the amount of ${f.money(p.amount)}, returned in connection with the grant for the project ${eq(p.projectTitle)} under agreement No. ${p.agreementNumber}, was credited to the account of the City of Prague.`,
      ],
      facts: [
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Amount returned', value: f.money(p.amount) },
        { label: 'Credited on', value: f.date(p.receivedAt) },
      ],
      action: { label: 'View the agreement', url: f.link('smlouvy', p.agreementId) },
    }),
  },

  breach_remedy_request: {
    cs: (p, f) => ({
      subject: `Výzva k nápravě porušení podmínky smlouvy č. ${p.agreementNumber}`,
      summary: `Vyzýváme vás k nápravě porušení podmínky poskytnutí dotace podle smlouvy č. ${p.agreementNumber} do ${f.date(p.deadline)}.`,
      paragraphs: [
        `u dotace na projekt ${cq(p.projectTitle)} poskytnuté podle smlouvy č. ${p.agreementNumber} bylo zjištěno porušení méně závažné podmínky poskytnutí dotace.`,
        `Podle § 22 odst. 6 ${LAW_250}, vás vyzýváme k provedení opatření k nápravě, a to nejpozději do ${f.date(p.deadline)}.`,
      ],
      facts: [
        { label: 'Číslo smlouvy', value: p.agreementNumber },
        { label: 'Projekt', value: p.projectTitle },
        { label: 'Zjištěné porušení', value: p.breach },
        { label: 'Lhůta k nápravě', value: f.date(p.deadline) },
      ],
      closing: [
        'Provedete-li nápravu ve stanovené lhůtě, nebude porušení posuzováno jako porušení rozpočtové kázně. V opačném případě bude postupováno podle § 22 zákona č. 250/2000 Sb.',
      ],
      action: { label: 'Zobrazit smlouvu', url: f.link('smlouvy', p.agreementId) },
    }),
    en: (p, f) => ({
      subject: `Request to remedy a breach of agreement No. ${p.agreementNumber}`,
      summary: `We ask you to remedy a breach of a grant condition under agreement No. ${p.agreementNumber} by ${f.date(p.deadline)}.`,
      paragraphs: [
        `A breach of a less serious condition of the grant for the project ${eq(p.projectTitle)} provided under agreement No. ${p.agreementNumber} has been found.`,
        `Under Section 22(6) of ${LAW_250_EN}, we ask you to take remedial action by ${f.date(p.deadline)} at the latest.`,
      ],
      facts: [
        { label: 'Agreement number', value: p.agreementNumber },
        { label: 'Project', value: p.projectTitle },
        { label: 'Breach found', value: p.breach },
        { label: 'Remedy deadline', value: f.date(p.deadline) },
      ],
      closing: [
        'If you remedy the breach within this period, it will not be treated as a breach of budgetary discipline. Otherwise, the matter will be dealt with under Section 22 of Act No. 250/2000 Coll.',
      ],
      action: { label: 'View the agreement', url: f.link('smlouvy', p.agreementId) },
    }),
  },
};
