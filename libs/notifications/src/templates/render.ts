import { CATEGORY_LABELS, NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS } from './catalog.js';
import type { Language, NotificationCategory, NotificationKind, NotificationParams } from './catalog.js';
import { formatDate, formatterFor, portalBase } from './format.js';
import { layoutMessage, oneLine } from './layout.js';
import type { DigestEntry, FooterNotice, MessageContent, RenderContext, RenderedMessage } from './layout.js';
import { TEMPLATES } from './messages.js';

/** A language the portal does not know (e.g. from an old profile) falls back to Czech, the first language. */
function languageOf(ctx: RenderContext): Language {
  return ctx.language === 'en' ? 'en' : 'cs';
}

function footerFor(kind: NotificationKind): FooterNotice {
  const info = NOTIFICATION_KINDS[kind];
  if (!info.mandatory) return 'optional';
  return info.category === 'account' ? 'mandatory-account' : 'mandatory';
}

function finish(content: MessageContent, notice: FooterNotice, ctx: RenderContext, link: string | null): RenderedMessage {
  const { subject, text, html } = layoutMessage(content, notice, ctx);
  return { subject, text, html, title: oneLine(content.title ?? content.subject), summary: oneLine(content.summary), link };
}

function contentOf<K extends NotificationKind>(kind: K, params: NotificationParams[K], ctx: RenderContext): MessageContent {
  if (!Object.prototype.hasOwnProperty.call(TEMPLATES, kind)) throw new RangeError(`Unknown notification kind "${String(kind)}"`);
  const language = languageOf(ctx);
  return TEMPLATES[kind][language](params, formatterFor(language, ctx.portalUrl));
}

export function renderNotification<K extends NotificationKind>(kind: K, params: NotificationParams[K], ctx: RenderContext): RenderedMessage {
  const context = { ...ctx, language: languageOf(ctx) };
  const content = contentOf(kind, params, context);
  return finish(content, footerFor(kind), context, content.action?.url ?? null);
}

export interface DigestItem {
  kind: NotificationKind;
  params: NotificationParams[NotificationKind];
  createdAt: Date;
}

const DIGEST = {
  cs: {
    subject: (date: string) => `Přehled oznámení za ${date}`,
    summary: (date: string, count: number) => `Za ${date} máte ${count} ${count === 1 ? 'nové oznámení' : count >= 2 && count <= 4 ? 'nová oznámení' : 'nových oznámení'}.`,
    // "oznámení" has one plural form for every count, so no agreement to get wrong.
    intro: (date: string, count: number) => `zasíláme vám přehled oznámení z dotačního portálu hl. m. Prahy za ${date}. Celkem jde o ${count} oznámení.`,
    action: 'Otevřít portál',
  },
  en: {
    subject: (date: string) => `Your notifications for ${date}`,
    summary: (date: string, count: number) => `You have ${count} new ${count === 1 ? 'notification' : 'notifications'} for ${date}.`,
    intro: (date: string, count: number) => `Here is your summary of notifications from the City of Prague grant portal for ${date}: ${count} in total.`,
    action: 'Open the portal',
  },
} as const;

/**
 * One daily-digest mail: the items grouped by category in the order of a grant's life, oldest first
 * within a group. An empty digest is a caller's mistake (nothing should be sent), so it throws.
 */
export function renderDigest(items: DigestItem[], ctx: RenderContext, date: string): RenderedMessage {
  if (items.length === 0) throw new RangeError('A digest needs at least one item');
  const language = languageOf(ctx);
  const context = { ...ctx, language };
  const strings = DIGEST[language];
  const shownDate = formatDate(date, language);

  const groups = new Map<NotificationCategory, { item: DigestItem; order: number; entry: DigestEntry }[]>();
  items.forEach((item, order) => {
    // The digest list loses the link between kind and params that renderNotification's signature keeps.
    const message = renderNotification(item.kind, item.params as never, context);
    const category = NOTIFICATION_KINDS[item.kind].category;
    const group = groups.get(category) ?? [];
    group.push({ item, order, entry: { title: message.title, summary: message.summary, link: message.link } });
    groups.set(category, group);
  });

  const sections = NOTIFICATION_CATEGORIES.filter((category) => groups.has(category)).map((category) => ({
    heading: CATEGORY_LABELS[category][language],
    entries: groups
      .get(category)!
      .sort((a, b) => a.item.createdAt.getTime() - b.item.createdAt.getTime() || a.order - b.order)
      .map((row) => row.entry),
  }));

  const home = `${portalBase(ctx.portalUrl)}/`;
  const content: MessageContent = {
    subject: strings.subject(shownDate),
    summary: strings.summary(shownDate, items.length),
    paragraphs: [strings.intro(shownDate, items.length)],
    sections,
    action: { label: strings.action, url: home },
  };
  return finish(content, 'optional', context, home);
}
