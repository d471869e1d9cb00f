export * from './awards.module.js';
export * from './award.service.js';
export * from './agreement.service.js';
export * from './payment.service.js';
export * from './settlement.service.js';
export * from './applicant-actions.service.js';
export * from './breach.service.js';
export * from './record-files.service.js';
export * from './dto.js';
export {
  Resolution,
  AwardDecision,
  AreaFunding,
  CallFunding,
  Agreement,
  Payment,
  Settlement,
  SettlementDraft,
  CostDocument,
  ReturnReceipt,
  Breach,
  AgreementAmendment,
  AgreementTemplate,
  RecordFile,
} from './entities.js';
export { PaymentBatch, PaymentBatchItem, BankStatement, BankStatementLine } from './bank/entities.js';
export type { StatementLineStatus, StatementMatch } from './bank/entities.js';
export { PAIN_VERSIONS } from './bank/pain001.js';
export type { PainVersion } from './bank/pain001.js';
export * from './bank/bank-files.service.js';
export * from './bank/dto.js';
export { parseCamt053 } from './bank/camt053.js';
export type { ApprovingBody, DecisionOutcome } from './entities.js';
