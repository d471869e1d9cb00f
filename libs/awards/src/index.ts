export * from './awards.module.js';
export * from './award.service.js';
export * from './dto.js';
export { Resolution, AwardDecision, AreaFunding, CallFunding } from './entities.js';
export type { ApprovingBody, DecisionOutcome } from './entities.js';
