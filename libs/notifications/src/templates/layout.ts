import escapeHtml from 'escape-html';
import type { Language } from './catalog.js';
import { portalBase } from './format.js';

export interface RenderContext {
  language: Language;
  /** Display name of the recipient, for the greeting. */
  recipientName: string;
  /** e.g. "http://localhost:3000"; links are portalUrl + path. */
  portalUrl: string;
}

export interface RenderedMessage {
  subject: string;
  /** Plain-text body. */
  text: string;
  /** Full HTML document, inline styles only, every interpolated value HTML-escaped. */
  html: string;
  /** Short in-app title (usually the subject without the portal suffix). */
  title: string;
  /** One-sentence in-app summary. */
  summary: string;
  /** Absolute URL of the main action, or null. */
  link: string | null;
}

export interface Fact {
  label: string;
  value: string;
}

export interface Action {
  label: string;
  /** Absolute URL. */
  url: string;
}

export interface DigestEntry {
  title: string;
  summary: string;
  link: string | null;
}

export interface DigestSection {
  heading: string;
  entries: DigestEntry[];
}

/**
 * One message as data, in the recipient's language, with plain unescaped strings: the layout alone
 * decides how it looks in text and in HTML, so escaping happens in exactly one place.
 * Blocks appear in this order: greeting, paragraphs, facts, list, sections, closing, action, sign-off.
 */
export interface MessageContent {
  /** Without the portal suffix; it doubles as the in-app title unless `title` is given. */
  subject: string;
  title?: string;
  summary: string;
  /** The first paragraph continues the greeting, so in Czech it starts with a small letter. */
  paragraphs: string[];
  facts?: Fact[];
  list?: { heading: string; items: string[] };
  sections?: DigestSection[];
  closing?: string[];
  action?: Action;
}

/**
 * Why the recipient gets this mail: optional notices point to the settings; mandatory ones say they
 * cannot be switched off, for the account or for the recipient's rights and obligations.
 */
export type FooterNotice = 'optional' | 'mandatory' | 'mandatory-account';

interface LayoutStrings {
  suffix: string;
  portal: string;
  department: string;
  greeting(name: string): string;
  signOff: string;
  linkFallback: string;
  open: string;
  /** Followed by ": " and the settings URL. */
  optional: string;
  mandatory: string;
  mandatoryAccount: string;
}

const STRINGS: { readonly [L in Language]: LayoutStrings } = {
  cs: {
    suffix: ' – Dotační portál hl. m. Prahy',
    portal: 'Dotační portál hl. m. Prahy',
    department: 'Oddělení národnostních menšin a cizinců MHMP',
    greeting: (name) => (name ? `Dobrý den, ${name},` : 'Dobrý den,'),
    signOff: 'S pozdravem',
    linkFallback: 'Pokud tlačítko nefunguje, zkopírujte do prohlížeče tuto adresu:',
    open: 'Otevřít',
    optional: 'Zasílání těchto oznámení můžete změnit v nastavení oznámení',
    mandatory: 'Toto oznámení vám zasíláme vždy, bez ohledu na nastavení oznámení, protože se týká vašich práv a povinností.',
    mandatoryAccount: 'Toto oznámení vám zasíláme vždy, bez ohledu na nastavení oznámení, protože se týká vašeho uživatelského účtu.',
  },
  en: {
    suffix: ' – City of Prague grant portal',
    portal: 'City of Prague grant portal',
    department: 'Prague City Hall, Department of National Minorities and Foreigners',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    signOff: 'Kind regards,',
    linkFallback: 'If the button does not work, copy this address into your browser:',
    open: 'Open',
    optional: 'You can change which notifications you receive, and how, in your notification settings',
    mandatory: 'We always send this notice, whatever your notification settings, because it concerns your rights and obligations.',
    mandatoryAccount: 'We always send this notice, whatever your notification settings, because it concerns your user account.',
  },
};

export function layoutStrings(language: Language): LayoutStrings {
  return STRINGS[language] ?? STRINGS.cs;
}

/**
 * User-supplied titles end up in the Subject header, where a line break must never get through.
 * No-break spaces stay: Czech dates and amounts rely on them.
 */
export function oneLine(value: string): string {
  return value.replace(/[^\S\u00a0]+/g, ' ').trim();
}

export function subjectLine(content: MessageContent, language: Language): string {
  return oneLine(content.subject) + layoutStrings(language).suffix;
}

function mandatoryLine(notice: Exclude<FooterNotice, 'optional'>, strings: LayoutStrings): string {
  return notice === 'mandatory-account' ? strings.mandatoryAccount : strings.mandatory;
}

function renderText(content: MessageContent, notice: FooterNotice, ctx: RenderContext, strings: LayoutStrings, settingsUrl: string): string {
  const blocks: string[] = [strings.greeting(ctx.recipientName.trim()), ...content.paragraphs];
  if (content.facts?.length) blocks.push(content.facts.map((f) => `${f.label}: ${f.value}`).join('\n'));
  if (content.list?.items.length) blocks.push([content.list.heading, ...content.list.items.map((item) => `- ${item}`)].join('\n'));
  for (const section of content.sections ?? []) {
    const heading = `${section.heading} (${section.entries.length})`;
    blocks.push(`${heading}\n${'='.repeat(heading.length)}`);
    for (const entry of section.entries) {
      blocks.push([`* ${entry.title}`, `  ${entry.summary}`, ...(entry.link ? [`  ${entry.link}`] : [])].join('\n'));
    }
  }
  blocks.push(...(content.closing ?? []));
  if (content.action) blocks.push(`${content.action.label}: ${content.action.url}`);
  blocks.push(`${strings.signOff}\n${strings.department}`);
  const why = notice === 'optional' ? `${strings.optional}: ${settingsUrl}` : mandatoryLine(notice, strings);
  blocks.push(`--\n${strings.portal}\n${why}`);
  return blocks.join('\n\n') + '\n';
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const P = `margin:0 0 16px;${FONT}font-size:16px;line-height:24px;color:#1f2937;`;
const LINK = 'color:#1d4ed8;text-decoration:underline;';

function renderHtml(content: MessageContent, notice: FooterNotice, ctx: RenderContext, strings: LayoutStrings, settingsUrl: string, subject: string): string {
  const e = escapeHtml;
  const para = (text: string) => `<p style="${P}">${e(text)}</p>`;
  const body: string[] = [
    `<h1 style="margin:0 0 20px;${FONT}font-size:22px;line-height:28px;color:#111827;">${e(content.title ?? content.subject)}</h1>`,
    para(strings.greeting(ctx.recipientName.trim())),
    ...content.paragraphs.map(para),
  ];
  if (content.facts?.length) {
    // A real data table (not presentation): screen readers announce each value with its label.
    const rows = content.facts
      .map(
        (f) =>
          `<tr><th scope="row" style="padding:8px 12px 8px 0;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top;width:40%;${FONT}font-size:15px;line-height:22px;font-weight:bold;color:#374151;">${e(f.label)}</th>` +
          `<td style="padding:8px 0;border-bottom:1px solid #e5e7eb;vertical-align:top;${FONT}font-size:15px;line-height:22px;color:#111827;">${e(f.value)}</td></tr>`,
      )
      .join('');
    body.push(`<table cellpadding="0" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;margin:0 0 20px;">${rows}</table>`);
  }
  if (content.list?.items.length) {
    body.push(`<p style="${P}margin-bottom:8px;font-weight:bold;">${e(content.list.heading)}</p>`);
    body.push(
      `<ul style="margin:0 0 16px;padding:0 0 0 24px;">${content.list.items.map((item) => `<li style="margin:0 0 6px;${FONT}font-size:16px;line-height:24px;color:#1f2937;">${e(item)}</li>`).join('')}</ul>`,
    );
  }
  for (const section of content.sections ?? []) {
    body.push(
      `<h2 style="margin:24px 0 12px;padding:0 0 6px;border-bottom:2px solid #c8102e;${FONT}font-size:18px;line-height:24px;color:#111827;">${e(section.heading)} (${section.entries.length})</h2>`,
    );
    for (const entry of section.entries) {
      const link = entry.link ? `<br><a href="${e(entry.link)}" style="${LINK}">${e(strings.open)}: ${e(entry.title)}</a>` : '';
      body.push(`<p style="${P}"><strong>${e(entry.title)}</strong><br>${e(entry.summary)}${link}</p>`);
    }
  }
  body.push(...(content.closing ?? []).map(para));
  if (content.action) {
    const url = e(content.action.url);
    body.push(
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr><td style="background-color:#1d4ed8;border-radius:4px;">` +
        `<a href="${url}" style="display:inline-block;padding:12px 24px;${FONT}font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;">${e(content.action.label)}</a></td></tr></table>`,
      `<p style="margin:0 0 16px;${FONT}font-size:13px;line-height:20px;color:#4b5563;">${e(strings.linkFallback)}<br><a href="${url}" style="${LINK}word-break:break-all;">${url}</a></p>`,
    );
  }
  body.push(`<p style="${P}margin-top:24px;">${e(strings.signOff)}<br>${e(strings.department)}</p>`);

  const footer =
    notice === 'optional' ? `${e(strings.optional)}: <a href="${e(settingsUrl)}" style="${LINK}color:#374151;">${e(settingsUrl)}</a>` : e(mandatoryLine(notice, strings));

  return [
    '<!DOCTYPE html>',
    `<html lang="${e(ctx.language === 'en' ? 'en' : 'cs')}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light">',
    `<title>${e(subject)}</title></head>`,
    '<body style="margin:0;padding:0;background-color:#f3f4f6;">',
    // Preview line that mail clients show next to the subject; hidden in the message itself.
    `<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${e(content.summary)}</div>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">',
    '<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border:1px solid #d1d5db;border-radius:4px;">',
    `<tr><td style="padding:16px 24px;border-bottom:4px solid #c8102e;${FONT}font-size:15px;line-height:20px;font-weight:bold;color:#111827;">${e(strings.portal)}</td></tr>`,
    `<tr><td style="padding:24px;">${body.join('\n')}</td></tr>`,
    `<tr><td style="padding:16px 24px;background-color:#f9fafb;border-top:1px solid #e5e7eb;${FONT}font-size:13px;line-height:20px;color:#4b5563;">` +
      `<p style="margin:0 0 8px;">${e(strings.department)}<br>${e(strings.portal)}</p><p style="margin:0;">${footer}</p></td></tr>`,
    '</table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Turns a structured message into the subject and the two bodies of an e-mail. */
export function layoutMessage(content: MessageContent, notice: FooterNotice, ctx: RenderContext): { subject: string; text: string; html: string } {
  const strings = layoutStrings(ctx.language);
  const subject = subjectLine(content, ctx.language);
  const settingsUrl = `${portalBase(ctx.portalUrl)}/nastaveni/oznameni`;
  return {
    subject,
    text: renderText(content, notice, ctx, strings, settingsUrl),
    html: renderHtml(content, notice, ctx, strings, settingsUrl, subject),
  };
}
