export * from './calls.module.js';
export * from './call.service.js';
export * from './call-status.js';
export * from './dto.js';
export { APPLICANT_TYPES, STATE_AID_REGIMES, GrantCall, CallBudgetArea, CallCriterion, CallAnnexType, CallActivity, CallStatusChange, CallAmendment } from './entities.js';
export type { ApplicantType, StateAidRegime, CostCategory } from './entities.js';
