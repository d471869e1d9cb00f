export { CATEGORY_LABELS, NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS, isNotificationKind } from './catalog.js';
export type { DecidingBody, KindInfo, Language, NotificationCategory, NotificationKind, NotificationParams } from './catalog.js';
export type { RenderContext, RenderedMessage } from './layout.js';
export { renderDigest, renderNotification } from './render.js';
export type { DigestItem } from './render.js';
