import { Foundation1763800000000 } from './1763800000000-foundation.js';
import { CallsAndApplications1795343610259 } from './1795343610259-calls-and-applications.js';
import { AuditChainHead1795350000000 } from './1795350000000-audit-chain-head.js';
import { Notifications1795360000000 } from './1795360000000-notifications.js';
import { Evaluation1795370000000 } from './1795370000000-evaluation.js';
import { Awards1795380000000 } from './1795380000000-awards.js';
import { AgreementsAndPayments1795390000000 } from './1795390000000-agreements-and-payments.js';
import { Settlements1795400000000 } from './1795400000000-settlements.js';
import { Breaches1795410000000 } from './1795410000000-breaches.js';
import { AgreementAmendments1795420000000 } from './1795420000000-agreement-amendments.js';
import { AgreementTemplates1795430000000 } from './1795430000000-agreement-templates.js';
import { RecordFiles1795440000000 } from './1795440000000-record-files.js';
import { MoneyInvariants1795450000000 } from './1795450000000-money-invariants.js';
import { SessionRotationWindow1795490000000 } from './1795490000000-session-rotation-window.js';
import { OrganisationVerification1795500000000 } from './1795500000000-organisation-verification.js';
import { BankFiles1795540000000 } from './1795540000000-bank-files.js';
import { DecisionLetterLookup1795600000000 } from './1795600000000-decision-letter-lookup.js';
import { RecipientSignature1795610000000 } from './1795610000000-recipient-signature.js';
import { SettlementDrafts1795630000000 } from './1795630000000-settlement-drafts.js';
import { StatementLineMatch1795650000000 } from './1795650000000-statement-line-match.js';

/** Every migration, oldest first. A new migration is added here as well as in its own file. */
export const MIGRATIONS = [
  Foundation1763800000000,
  CallsAndApplications1795343610259,
  AuditChainHead1795350000000,
  Notifications1795360000000,
  Evaluation1795370000000,
  Awards1795380000000,
  AgreementsAndPayments1795390000000,
  Settlements1795400000000,
  Breaches1795410000000,
  AgreementAmendments1795420000000,
  AgreementTemplates1795430000000,
  RecordFiles1795440000000,
  MoneyInvariants1795450000000,
  SessionRotationWindow1795490000000,
  OrganisationVerification1795500000000,
  BankFiles1795540000000,
  DecisionLetterLookup1795600000000,
  RecipientSignature1795610000000,
  SettlementDrafts1795630000000,
  StatementLineMatch1795650000000,
];
