export { approvingBody, type ApplicantType, type ApprovalRules, type ApprovingBody, type ApprovingBodyResult } from './approving-body.js';
export { levy, limitationEnds, penalty, type BudgetDisciplineRules, type LevyResult, type PenaltyResult } from './budget-discipline.js';
export { isLate, settlementReturn, type BudgetShift, type SettlementLine, type SettlementResult } from './settlement.js';
export { checkPaymentOrder, refitTranches, remainingToPay, type PaymentOrderCheck, type PaymentOrderInput, type PaymentOrderRefusalCode } from './payments.js';
export { calendarDaysBetween } from './calendar.js';
