/**
 * Shapes of the applicant's API answers the OpenAPI document does not describe yet (as in pages/public/types.ts),
 * in this one place.
 */
import type { BudgetLine } from './budget';
import type { ActivityShare } from './share-editor';

export type Localised = { cs: string; en: string };
export type ApplicationStatus = 'draft' | 'submitted' | 'remedy_requested' | 'accepted' | 'excluded' | 'withdrawn';

export interface OrganisationView {
  id: string;
  type: 'city_district' | 'ngo' | 'other';
  legalForm: string | null;
  name: string;
  ico: string;
  seat: { street: string; city: string; postalCode: string };
  bankAccount: string | null;
  dataBoxId: string | null;
  version: number;
  /** Added by the organisation-verification work; absent on older APIs. */
  verification?: { status: string; statusName?: Localised; note?: string | null } | null;
  verificationStatus?: string | null;
}

export interface MemberView {
  userId: string;
  email: string;
  displayName: string;
  role: 'owner' | 'member';
}

export interface Draft {
  project?: { title?: string; summary?: string };
  budgetAreaCode?: string;
  purpose?: string;
  justification?: string;
  period?: { from?: string; to?: string };
  place?: { districts?: string[]; description?: string };
  targetGroups?: string[];
  outputs?: { indicator?: string; unit?: string; target?: number }[];
  representatives?: { name?: string; function?: string; basis?: 'statutory' | 'power_of_attorney' }[];
  beneficialOwners?: { name?: string; dateOfBirth?: string; sharePercent?: string }[];
  holdings?: { name?: string; ico?: string; sharePercent?: string }[];
  declarations?: Partial<Record<'noOverdueDebts' | 'oneApplicationPerPurpose' | 'nonProfit' | 'notYetCarriedOut' | 'truthful', boolean>>;
  budgetLines?: BudgetLine[];
  activities?: ActivityShare[];
  contact?: { name?: string; email?: string; phone?: string };
}

export interface ApplicationSummary {
  id: string;
  number: string;
  call: { id: string; code: string; title: string };
  organisation: { id: string; name: string; ico: string; type: string };
  status: ApplicationStatus;
  statusName: Localised;
  title: string | null;
  requestedAmount: string | null;
  totalCost: string | null;
  currentVersionNo: number;
  lastSubmittedAt: string | null;
  updatedAt: string;
}

export interface AttachmentView {
  id: string;
  annexTypeCode: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface ApplicationView extends ApplicationSummary {
  draft: Draft;
  draftVersion: number;
  draftBudget: { totalCost: string; requested: string; otherSources: string; coFinancingPercent: string | null };
  missing: { field: string; code: string; message: Localised | string }[];
  deadline: string;
  attachments: AttachmentView[];
  remedy: { id: string; items: { section: string; message: string }[]; deadlineAt: string } | null;
  activities: { activityId: string; code: string; name: string; sharePercent: string }[];
  endReason: string | null;
  firstSubmittedAt: string | null;
  availableActions: string[];
  /** The evaluation result once published (added by the evaluation work; absent before). */
  result?: { decision?: string; decisionName?: Localised; amount?: string | null; score?: string | null; publishedAt?: string } | null;
}

export interface SubmissionReceipt {
  applicationId: string;
  applicationNumber: string;
  receiptNumber: string;
  versionNo: number;
  kind: 'submission' | 'remedy';
  submittedAt: string;
  contentSha256: string;
  receiptPdf: string;
}

export interface HistoryEntry {
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  toName: Localised;
  at: string;
  by: string | null;
  reason: string | null;
}

export interface InboxItem {
  id: string;
  kind: string;
  category: string;
  title: string;
  summary: string;
  link: string | null;
  mandatory: boolean;
  createdAt: string;
  readAt: string | null;
}

export interface PreferencesView {
  delivery: 'immediate' | 'daily_digest';
  version: number;
  kinds: { kind: string; category: string; label: string; mandatory: boolean; muted: boolean }[];
}
