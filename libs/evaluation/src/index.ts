export * from './evaluation.module.js';
export * from './commission.service.js';
export * from './review.service.js';
export * from './results.service.js';
export * from './session.service.js';
export * from './dto.js';
export * from './scoring/index.js';
export {
  Commission,
  CommissionMember,
  CoiDeclaration,
  ReviewAssignment,
  ScoreSheet,
  CommissionSession,
  SessionDecision,
  SessionVote,
  CommissionRecommendation,
} from './entities.js';
export type { StoredCriterionScore, VoteValue, SheetStatus } from './entities.js';
