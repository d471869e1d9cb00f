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
  CostDocument,
  ReturnReceipt,
  Breach,
  AgreementAmendment,
  AgreementTemplate,
  RecordFile,
} from './entities.js';
export type { ApprovingBody, DecisionOutcome } from './entities.js';
