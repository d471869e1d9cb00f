/**
 * Agreements in the portal: the types from the generated schema and the queries every agreement page shares.
 * The server computes the register's clock and the actions allowed now; the portal only shows them.
 */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type Agreement = components['schemas']['AgreementResponse'];
export type AgreementListItem = components['schemas']['AgreementListItemResponse'];
export type AgreementPage = components['schemas']['PageAgreementListItemResponse'];
export type Amendment = components['schemas']['AmendmentResponse'];
export type AmendedTerms = components['schemas']['AmendedTermsResponse'];
export type RegisterState = Agreement['registerState'];
export type RegisterClock = NonNullable<Agreement['registerClock']>;
export type AgreementStatus = Agreement['status'];
export type Condition = components['schemas']['AgreementConditionResponse'];
export type Tranche = components['schemas']['AgreementTrancheResponse'];
export type Template = components['schemas']['AgreementTemplateResponse'];
export type Decision = components['schemas']['DecisionResponse'];

export const agreementKey = (id: string) => ['agreements', id] as const;
export const AGREEMENT_STATUSES: AgreementStatus[] = ['draft', 'awaiting_signature', 'signed', 'effective', 'void'];

export function useAgreement(id: string) {
  return useQuery({
    queryKey: agreementKey(id),
    queryFn: () => call<Agreement>(api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })),
  });
}

export interface AgreementFilters {
  status?: AgreementStatus;
  callId?: string;
  applicationId?: string;
  search?: string;
  page?: number;
  pageSize?: number;
}

export function useAgreementList(filters: AgreementFilters, enabled = true) {
  return useQuery({
    queryKey: ['agreements', 'list', filters],
    queryFn: () => call<AgreementPage>(api.GET('/api/v1/agreements', { params: { query: { page: 1, pageSize: 50, ...filters } } })),
    enabled,
  });
}

/** The CSV export of the list with the same filters (the API's, as for applications). */
export function csvPath(filters: AgreementFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '' && key !== 'page' && key !== 'pageSize') query.set(key, String(value));
  const text = query.toString();
  return `/api/v1/agreements/export.csv${text ? `?${text}` : ''}`;
}

/** A safe file name for a downloaded document: the agreement's number and version. */
export const documentName = (agreement: Pick<Agreement, 'number' | 'agreementVersion'>) => `${agreement.number.replace(/[^A-Za-z0-9-]/g, '_')}-v${agreement.agreementVersion}.pdf`;
