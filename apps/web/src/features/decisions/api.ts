/** The decision pages' reads (TanStack Query keys in one place), typed by the generated OpenAPI schema. */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';

export type Proposal = components['schemas']['AwardsProposalResponse'];
export type ProposalLine = components['schemas']['ProposalLineResponse'];
export type Decision = components['schemas']['DecisionResponse'];
export type Funding = components['schemas']['AwardsFundingResponse'];
export type Body = 'council' | 'assembly';

export const proposalKey = (callId: string) => ['decisions-proposal', callId] as const;
export const decisionsKey = (callId: string) => ['decisions-list', callId] as const;
export const fundingKey = (callId: string) => ['decisions-funding', callId] as const;

export function useProposal(callId: string) {
  return useQuery({ queryKey: proposalKey(callId), queryFn: () => call<Proposal>(api.GET('/api/v1/calls/{callId}/award-proposal', { params: { path: { callId } } })) });
}

export function useDecisions(callId: string, refetchInterval?: number | false) {
  return useQuery({
    queryKey: decisionsKey(callId),
    refetchInterval,
    queryFn: () => call<Decision[]>(api.GET('/api/v1/calls/{callId}/decisions', { params: { path: { callId } } })),
  });
}

export function useFunding(callId: string) {
  return useQuery({ queryKey: fundingKey(callId), queryFn: () => call<Funding>(api.GET('/api/v1/calls/{callId}/funding', { params: { path: { callId } } })) });
}

/** Everything a recorded resolution changes: the pages read them again. */
export const decisionQueries = (callId: string) => [proposalKey(callId), decisionsKey(callId), fundingKey(callId)];
