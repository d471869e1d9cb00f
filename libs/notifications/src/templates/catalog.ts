/**
 * Every kind of message the portal sends, what it carries and how it may be delivered.
 * The params hold only what the wording needs, already resolved to display values by the caller,
 * so rendering never touches the database.
 */

export type Language = 'cs' | 'en';

export type NotificationCategory = 'account' | 'call' | 'application' | 'evaluation' | 'decision' | 'agreement' | 'payment' | 'settlement';

/** Order of the categories in a digest: the life of a grant from the call to its settlement. */
export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = ['account', 'call', 'application', 'evaluation', 'decision', 'agreement', 'payment', 'settlement'];

export const CATEGORY_LABELS: { readonly [C in NotificationCategory]: { cs: string; en: string } } = {
  account: { cs: 'Uživatelský účet', en: 'Your account' },
  call: { cs: 'Výzvy', en: 'Calls for applications' },
  application: { cs: 'Žádosti', en: 'Applications' },
  evaluation: { cs: 'Hodnocení žádostí', en: 'Evaluation' },
  decision: { cs: 'Rozhodnutí o dotaci', en: 'Grant decisions' },
  agreement: { cs: 'Smlouvy', en: 'Agreements' },
  payment: { cs: 'Platby', en: 'Payments' },
  settlement: { cs: 'Vyúčtování a vratky', en: 'Settlement and returns' },
};

/** The body that decided on the grant: Rada (council) or Zastupitelstvo (assembly) hl. m. Prahy. */
export type DecidingBody = 'council' | 'assembly';

/*
 * Conventions of the params:
 * - amounts are decimal strings as Money serialises them ("150000.00");
 * - fields named *At, applicationsFrom/Until, deadline (of a remedy) and reviewDueAt are instants
 *   ("2022-11-24T22:59:59.000Z"), shown with the Prague time of day;
 * - fields documented as a date are calendar dates ("2023-06-30"), shown as that Prague day;
 *   an instant given there is shown as its Prague day too.
 */
export interface NotificationParams {
  account_welcome: { email: string };
  /** `link` is absolute: it carries a one-time token and is built by the identity module. */
  password_reset: { link: string; validMinutes: number };
  /** Staff's decision on who may act for an organisation; `reason` may be empty. */
  organisation_verification_decided: { organisationId: string; organisationName: string; ico: string; status: 'verified' | 'rejected'; reason: string };
  /** To the organisation's owners; `message` may be empty. */
  organisation_join_requested: { organisationId: string; organisationName: string; requesterName: string; requesterEmail: string; message: string };
  /** To the person who asked; `reason` may be empty. */
  organisation_join_decided: { organisationId: string; organisationName: string; approved: boolean; reason: string };

  call_published: { callId: string; callCode: string; callTitle: string; applicationsFrom: string; applicationsUntil: string; allocation: string };
  call_opened: { callId: string; callCode: string; callTitle: string; applicationsUntil: string };
  call_closing_soon: { callId: string; callCode: string; callTitle: string; applicationsUntil: string };

  /** `applicationNumber` is null while the draft has none; `missingCount` 0 means ready to submit. */
  draft_reminder: { applicationId: string; applicationNumber: string | null; projectTitle: string; callTitle: string; applicationsUntil: string; missingCount: number };
  submission_receipt: {
    applicationId: string;
    applicationNumber: string;
    projectTitle: string;
    callTitle: string;
    receiptNumber: string;
    submittedAt: string;
    versionNo: number;
    requestedAmount: string;
  };
  /** `note` may be empty. */
  remedy_requested: { applicationId: string; applicationNumber: string; projectTitle: string; deadline: string; items: string[]; note: string };
  remedy_deadline_reminder: { applicationId: string; applicationNumber: string; projectTitle: string; deadline: string };
  formal_check_passed: { applicationId: string; applicationNumber: string; projectTitle: string };
  application_excluded: { applicationId: string; applicationNumber: string; projectTitle: string; reason: string };

  commission_assignment: { callId: string; callTitle: string; applicationCount: number; reviewDueAt: string | null };
  coi_declaration_pending: { callId: string; callTitle: string; organisationCount: number };
  review_due: { callId: string; callTitle: string; pendingCount: number; dueAt: string };
  session_convened: { callId: string; callTitle: string; sessionAt: string; place: string };

  /** `resolutionDate` is a calendar date; `conditions` may be empty. */
  award_approved: {
    applicationId: string;
    applicationNumber: string;
    projectTitle: string;
    approvedAmount: string;
    requestedAmount: string;
    body: DecidingBody;
    resolutionNumber: string;
    resolutionDate: string;
    conditions: string[];
  };
  award_rejected: {
    applicationId: string;
    applicationNumber: string;
    projectTitle: string;
    reason: string;
    body: DecidingBody;
    resolutionNumber: string;
    resolutionDate: string;
  };

  agreement_ready_to_sign: { agreementId: string; agreementNumber: string; projectTitle: string; amount: string };
  agreement_published: { agreementId: string; agreementNumber: string; projectTitle: string; registryId: string; publishedAt: string };

  /** `paidAt` is a calendar date. */
  payment_sent: { agreementId: string; agreementNumber: string; projectTitle: string; amount: string; paidAt: string; trancheNo: number; trancheCount: number };

  /** `dueDate` is a calendar date. */
  settlement_due: { agreementId: string; agreementNumber: string; projectTitle: string; dueDate: string };
  settlement_overdue: { agreementId: string; agreementNumber: string; projectTitle: string; dueDate: string; daysOverdue: number };
  /** `dueDate` is a calendar date; `account` is the city's account in Czech form ("27-1234567890/0800"). */
  return_due: { agreementId: string; agreementNumber: string; projectTitle: string; amount: string; dueDate: string; account: string; variableSymbol: string };
  /** `receivedAt` is a calendar date. */
  return_received: { agreementId: string; agreementNumber: string; projectTitle: string; amount: string; receivedAt: string };
  /** `deadline` is a calendar date. */
  breach_remedy_request: { agreementId: string; agreementNumber: string; projectTitle: string; breach: string; deadline: string };
  /** For staff: a signed agreement over the threshold still unpublished (warning from day 20, escalation at day 30). `signedOn` is a date. */
  register_publication_due: { agreementId: string; agreementNumber: string; projectTitle: string; signedOn: string; lastDay: string; stage: 'warning' | 'overdue' };
}

export type NotificationKind = keyof NotificationParams;

export interface KindInfo {
  category: NotificationCategory;
  /** Legally required or security notices: always e-mailed immediately, cannot be muted or digested. */
  mandatory: boolean;
  /** Shown in the in-app notification list (account mails like password reset are e-mail only). */
  inApp: boolean;
  /** Short human name for the preferences screen. */
  label: { cs: string; en: string };
}

const kind = (category: NotificationCategory, mandatory: boolean, cs: string, en: string, inApp = true): KindInfo =>
  Object.freeze({ category, mandatory, inApp, label: Object.freeze({ cs, en }) });

export const NOTIFICATION_KINDS: { readonly [K in NotificationKind]: KindInfo } = Object.freeze({
  account_welcome: kind('account', true, 'Založení účtu', 'Account created', false),
  password_reset: kind('account', true, 'Obnovení hesla', 'Password reset', false),
  organisation_verification_decided: kind('account', true, 'Ověření oprávnění jednat za organizaci', 'Verification of the authority to act for an organisation', false),
  organisation_join_requested: kind('account', false, 'Žádost o členství v organizaci', 'Request to join an organisation', false),
  organisation_join_decided: kind('account', true, 'Vyřízení žádosti o členství', 'Request to join decided', false),

  call_published: kind('call', false, 'Vyhlášení nové výzvy', 'New call published'),
  call_opened: kind('call', false, 'Zahájení příjmu žádostí', 'Call opened for applications'),
  call_closing_soon: kind('call', false, 'Blížící se konec příjmu žádostí', 'Call closing soon'),

  draft_reminder: kind('application', false, 'Připomínka nepodané žádosti', 'Reminder of an unsubmitted application'),
  submission_receipt: kind('application', true, 'Potvrzení o podání žádosti', 'Application receipt'),
  remedy_requested: kind('application', true, 'Výzva k odstranění nedostatků žádosti', 'Request to remedy an application'),
  remedy_deadline_reminder: kind('application', false, 'Připomínka lhůty k odstranění nedostatků', 'Reminder of the remedy deadline'),
  formal_check_passed: kind('application', true, 'Splnění formálních náležitostí', 'Formal check passed'),
  application_excluded: kind('application', true, 'Vyřazení žádosti', 'Application excluded'),

  commission_assignment: kind('evaluation', true, 'Přidělení žádostí k hodnocení', 'Applications assigned for evaluation'),
  coi_declaration_pending: kind('evaluation', true, 'Prohlášení o střetu zájmů', 'Conflict-of-interest declaration'),
  review_due: kind('evaluation', false, 'Připomínka termínu hodnocení', 'Evaluation deadline reminder'),
  session_convened: kind('evaluation', true, 'Svolání zasedání komise', 'Commission meeting convened'),

  award_approved: kind('decision', true, 'Schválení dotace', 'Grant approved'),
  award_rejected: kind('decision', true, 'Nevyhovění žádosti', 'Application not approved'),

  agreement_ready_to_sign: kind('agreement', true, 'Smlouva připravená k podpisu', 'Agreement ready to sign'),
  agreement_published: kind('agreement', false, 'Uveřejnění smlouvy v registru smluv', 'Agreement published in the register of contracts'),

  payment_sent: kind('payment', false, 'Odeslání platby dotace', 'Grant payment sent'),

  settlement_due: kind('settlement', true, 'Termín vyúčtování dotace', 'Settlement due'),
  settlement_overdue: kind('settlement', true, 'Nepředložené vyúčtování', 'Settlement overdue'),
  return_due: kind('settlement', true, 'Vrácení dotace', 'Grant return due'),
  return_received: kind('settlement', false, 'Přijetí vrácených prostředků', 'Return received'),
  breach_remedy_request: kind('settlement', true, 'Výzva k nápravě porušení podmínky', 'Request to remedy a breach of a condition'),
  register_publication_due: kind('agreement', true, 'Neuveřejněná smlouva v registru smluv', 'Agreement not yet published in the register of contracts'),
});

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_KINDS, value);
}
