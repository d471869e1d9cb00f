export * from './applications.module.js';
export * from './application.service.js';
export * from './submission.service.js';
export * from './attachment.service.js';
export * from './formal-check.service.js';
export * from './receipt.service.js';
export * from './application-status.js';
export * from './dto.js';
export * from './draft.js';
export {
  Application,
  ApplicationVersion,
  ApplicationBudgetLine,
  ApplicationActivity,
  ApplicationAttachment,
  ApplicationStatusChange,
  FormalCheck,
  RemedyRequest,
  FORMAL_CHECK_ITEMS,
} from './entities.js';
