/**
 * Shapes of the staff's API answers, in this one place (as pages/public/types.ts and features/applicant/types.ts).
 * Where the generated schema describes a response, the type is taken from it.
 */
import type { components } from '../../api/schema';

export type StaffCall = components['schemas']['CallResponse'];
export type CallStatus = StaffCall['status'];
export type PublicationCheck = components['schemas']['CallPublicationCheckResponse'];
export type FormalCheck = components['schemas']['FormalCheckResponse'];
export type FormalCheckItemKey = keyof FormalCheck['items'];
export type FormalCheckResult = 'ok' | 'correctable' | 'uncorrectable';
export type BulkResult = components['schemas']['BulkResultResponse'];
export type SubmittedVersion = components['schemas']['SubmittedVersionResponse'];
export type ApplicationRow = components['schemas']['ApplicationSummaryResponse'];
export type ApplicationStatus = ApplicationRow['status'];
export type StaffApplication = components['schemas']['ApplicationResponse'];
export type CallContent = components['schemas']['CallContentInput'];

export const FORMAL_CHECK_ITEMS: readonly FormalCheckItemKey[] = ['eligibility', 'completeness', 'annexes', 'budget', 'declarations'];
export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'remedy_requested', 'accepted', 'excluded', 'withdrawn'];
export const APPLICANT_TYPES = ['city_district', 'ngo', 'other'] as const;
export const ANNEX_FORMATS = ['pdf', 'jpeg', 'png', 'docx', 'xlsx', 'odt', 'ods'] as const;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
