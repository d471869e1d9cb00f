export * from './pdf-document.js';
export * from './application-receipt.js';
export * from './commission-minutes.js';
export { renderGrantAgreement } from './grant-agreement.js';
export type {
  ApprovingBody,
  ApprovingResolution,
  BankAccountData,
  GrantActivityShare,
  GrantAgreementAmendment,
  GrantAgreementData,
  GrantAgreementRenderOptions,
  GrantCondition,
  GrantPayment,
  GrantProvider,
  GrantRecipient,
  GrantSettlement,
  MinorConditionPenalty,
  MinorGrantCondition,
  OrdinaryGrantCondition,
  SignatoryData,
  SigningPlace,
} from './grant-agreement.js';
export {
  computeBreachPenalty,
  renderDecisionLetter,
  renderRejectionNotice,
  renderRemedyRequestForBreach,
  renderReturnCall,
  renderSettlementReturnCall,
} from './decision-letters.js';
export type {
  BreachPenalty,
  BreachPenaltyInput,
  BreachPenaltyRules,
  DecisionLetterData,
  LetterAddressee,
  LetterCommonData,
  RejectionNoticeData,
  RemedyRequestData,
  ReturnCallData,
  SettlementReturnCallData,
} from './decision-letters.js';
export { DocumentRenderPool } from './render-pool.js';
export { FULFILMENT_REPORT_TITLE, NO_OUTPUTS_SENTENCE, renderFulfilmentReport } from './fulfilment-report.js';
export type { FulfilmentActivity, FulfilmentOutput, FulfilmentPriority, FulfilmentReportData, FulfilmentReportRenderOptions } from './fulfilment-report.js';
