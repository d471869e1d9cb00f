/** The commission area's API types (from the generated schema) and its query keys and loaders. */
import { useQuery } from '@tanstack/react-query';
import { api, call, currentToken, refreshSession } from '../../api/client';
import type { components } from '../../api/schema';
import type { CallView } from '../../pages/public/types';

type S = components['schemas'];
export type MyCommission = S['MyCommissionResponse'];
export type Commission = S['CommissionResponse'];
export type Assignments = S['AssignmentOverviewResponse'];
export type Progress = S['CommissionProgressResponse'];
export type Declarations = S['ReviewsDeclarationsResponse'];
export type MyReview = S['ReviewsMineResponse'];
export type ReviewApplication = S['ReviewsApplicationResponse'];
export type Sheet = S['SheetResponse'];
export type StoredScore = S['StoredCriterionScoreResponse'];
export type Session = S['SessionResponse'];
export type SessionSummary = S['SessionSummaryResponse'];
export type Results = S['CommissionResultsResponse'];
export type Ranked = S['RankedApplicationResponse'];
export type ApplicantResult = S['CommissionsForApplicantResponse'];
export type PublicCall = CallView;

export const keys = {
  mine: ['my-commissions'] as const,
  commission: (id: string) => ['commission', id] as const,
  forCall: (callId: string) => ['commission-for-call', callId] as const,
  assignments: (id: string) => ['commission-assignments', id] as const,
  progress: (id: string) => ['commission-progress', id] as const,
  declarations: (id: string) => ['commission-declarations', id] as const,
  myReviews: (id: string) => ['my-reviews', id] as const,
  review: (applicationId: string) => ['review', applicationId] as const,
  sessions: (id: string) => ['commission-sessions', id] as const,
  session: (id: string) => ['session', id] as const,
  results: (id: string) => ['commission-results', id] as const,
  publicCall: (callId: string) => ['public-call', callId] as const,
};

export function useMyCommissions() {
  return useQuery({ queryKey: keys.mine, queryFn: () => call<MyCommission[]>(api.GET('/api/v1/my-commissions')) });
}

/** The call as the public sees it: criteria with their descriptions, cost categories, annex types, activities. */
export function usePublicCall(callId: string) {
  return useQuery({
    queryKey: keys.publicCall(callId),
    queryFn: () => take(`call:${callId}`, () => fetchPublicCall(callId)),
    staleTime: 5 * 60_000,
  });
}

export function useCommission(id: string | undefined) {
  return useQuery({
    queryKey: keys.commission(id ?? ''),
    enabled: Boolean(id),
    queryFn: () => call<Commission>(api.GET('/api/v1/commissions/{id}', { params: { path: { id: id! } } })),
  });
}

export function useSessions(commissionId: string | undefined) {
  return useQuery({
    queryKey: keys.sessions(commissionId ?? ''),
    enabled: Boolean(commissionId),
    queryFn: () => call<SessionSummary[]>(api.GET('/api/v1/commissions/{id}/sessions', { params: { path: { id: commissionId! } } })),
  });
}

export function useProgress(commissionId: string | undefined) {
  return useQuery({
    queryKey: keys.progress(commissionId ?? ''),
    enabled: Boolean(commissionId),
    queryFn: () => call<Progress>(api.GET('/api/v1/commissions/{id}/progress', { params: { path: { id: commissionId! } } })),
  });
}

/** The scoring page's request: the submitted application, its annexes, the criteria and the member's sheet. */
function fetchReview(applicationId: string): Promise<ReviewApplication> {
  return call<ReviewApplication>(api.GET('/api/v1/reviews/{applicationId}', { params: { path: { applicationId } } }));
}

function fetchPublicCall(callId: string): Promise<CallView> {
  return call<CallView>(api.GET('/api/v1/public/calls/{id}', { params: { path: { id: callId } } }));
}

const PREFETCH_FRESH_MS = 30_000;
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();

function prefetch(key: string, load: () => Promise<unknown>): void {
  const earlier = prefetched.get(key);
  if (earlier && Date.now() - earlier.at < PREFETCH_FRESH_MS) return;
  const answer = load();
  answer.catch(() => undefined); // taken (or dropped) by the page
  prefetched.set(key, { at: Date.now(), answer });
}

/** A fresh prefetched answer if there is one (a failed one is asked again), else a request now. */
function take<T>(key: string, load: () => Promise<T>): Promise<T> {
  const earlier = prefetched.get(key);
  prefetched.delete(key);
  if (!earlier || Date.now() - earlier.at >= PREFETCH_FRESH_MS) return load();
  return (earlier.answer as Promise<T>).catch(() => load());
}

/**
 * Started by the scoring route as soon as its address is known (or a link to it is hovered): the application and
 * the call run beside the page's own code and the session's sign-in check instead of after them, and arrive
 * together, so the long application renders once.
 */
export function prefetchScoring(callId: string, applicationId: string): void {
  prefetch(`call:${callId}`, () => fetchPublicCall(callId));
  prefetch(`review:${applicationId}`, () =>
    (currentToken() ? Promise.resolve(true) : refreshSession()).then((signedIn) => (signedIn ? fetchReview(applicationId) : Promise.reject(new Error('not signed in')))),
  );
}

export function loadReview(applicationId: string): Promise<ReviewApplication> {
  return take(`review:${applicationId}`, () => fetchReview(applicationId));
}
