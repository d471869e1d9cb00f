/**
 * The applicant's shapes: the generated client's response schemas, named for the pages; `Draft` is the editable
 * form of a draft (every part optional while it is being written).
 */
import type { components } from '../../api/schema';
import type { BudgetLine } from './budget';
import type { ActivityShare } from './share-editor';

type Schemas = components['schemas'];

export type Localised = { cs: string; en: string };
export type ApplicationStatus = 'draft' | 'submitted' | 'remedy_requested' | 'accepted' | 'excluded' | 'withdrawn';

export type OrganisationView = Schemas['OrganisationResponse'];
export type MemberView = Schemas['MemberResponse'];

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

export type ApplicationSummary = Schemas['ApplicationSummaryResponse'];

export type AttachmentView = Schemas['AttachmentResponse'];

export type ApplicationView = Schemas['ApplicationResponse'];

export type SubmissionReceipt = Schemas['SubmissionReceiptResponse'];

export type HistoryEntry = Schemas['ApplicationHistoryEntryResponse'];

export type InboxItem = Schemas['InboxItemResponse'];

export type PreferencesView = Schemas['PreferencesResponse'];
