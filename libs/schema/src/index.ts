import {
  Application,
  ApplicationActivity,
  ApplicationAttachment,
  ApplicationBudgetLine,
  ApplicationStatusChange,
  ApplicationVersion,
  FormalCheck,
  RemedyRequest,
} from '#applications';
import { AuditLogEntry } from '#audit';
import {
  Agreement,
  AgreementAmendment,
  AgreementTemplate,
  AreaFunding,
  RecordFile,
  AwardDecision,
  Breach,
  CallFunding,
  CostDocument,
  Payment,
  Resolution,
  ReturnReceipt,
  Settlement,
  SettlementDraft,
  PaymentBatch,
  PaymentBatchItem,
  BankStatement,
  BankStatementLine,
} from '#awards';
import { CallActivity, CallAmendment, CallAnnexType, CallBudgetArea, CallCriterion, CallStatusChange, GrantCall } from '#calls';
import { SystemClockRow } from '#database';
import type { DataSourceParts } from '#database';
import { CoiDeclaration, Commission, CommissionMember, CommissionRecommendation, CommissionSession, ReviewAssignment, ScoreSheet, SessionDecision, SessionVote } from '#evaluation';
import { PasswordReset, Session, User } from '#identity';
import { LedgerEntry } from '#ledger';
import { Notification, NotificationPreference } from '#notifications';
import { Organisation, OrganisationJoinRequest, OrganisationMember, OrganisationVerification } from '#organisations';
import { OutboxEvent } from '#outbox';
import { StrategyNode, StrategyVersion } from '#strategy';
import { MIGRATIONS } from '../../../migrations/index.js';

/**
 * The composition root of the schema: every entity and every migration, in one list each, for the
 * apps, the CLI and the tests. Explicit lists instead of globs, so the same code runs compiled
 * and under Jest.
 */
export const SCHEMA: DataSourceParts = {
  entities: [
    AuditLogEntry,
    OutboxEvent,
    User,
    Session,
    PasswordReset,
    Organisation,
    OrganisationMember,
    OrganisationVerification,
    OrganisationJoinRequest,
    StrategyVersion,
    StrategyNode,
    GrantCall,
    CallBudgetArea,
    CallCriterion,
    CallAnnexType,
    CallActivity,
    CallStatusChange,
    CallAmendment,
    Application,
    ApplicationVersion,
    ApplicationBudgetLine,
    ApplicationActivity,
    ApplicationAttachment,
    ApplicationStatusChange,
    FormalCheck,
    RemedyRequest,
    Notification,
    NotificationPreference,
    Commission,
    CommissionMember,
    CoiDeclaration,
    ReviewAssignment,
    ScoreSheet,
    CommissionSession,
    SessionDecision,
    SessionVote,
    CommissionRecommendation,
    LedgerEntry,
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
    PaymentBatch,
    PaymentBatchItem,
    BankStatement,
    BankStatementLine,
    SystemClockRow,
  ],
  migrations: MIGRATIONS,
};
