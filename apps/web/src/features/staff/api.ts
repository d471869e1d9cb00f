/** The staff area's reads, shared by its pages (TanStack Query keys in one place). */
import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { StrategyTreeNode, StrategyVersionView } from '../../pages/public/types';
import type { ApplicationRow, Page, PublicationCheck, StaffCall } from './types';

export const callKey = (id: string) => ['staff-call', id] as const;
export const checkKey = (id: string) => ['staff-call-check', id] as const;
export const applicationsKey = (callId: string) => ['staff-applications', callId] as const;

export function useStaffCall(id: string) {
  return useQuery({ queryKey: callKey(id), enabled: id !== '', queryFn: () => call<StaffCall>(api.GET('/api/v1/calls/{id}', { params: { path: { id } } })) });
}

export function usePublicationCheck(id: string, enabled = true) {
  return useQuery({
    queryKey: checkKey(id),
    enabled,
    queryFn: () => call<PublicationCheck>(api.GET('/api/v1/calls/{id}/publication-check', { params: { path: { id } } })),
  });
}

export function useStaffCalls() {
  return useQuery({
    queryKey: ['staff-calls'],
    queryFn: () => call<Page<StaffCall>>(api.GET('/api/v1/calls', { params: { query: { page: 1, pageSize: 200 } } })),
  });
}

const PAGE = 200;

/** Every application of a call: the first page, then the rest in parallel (the API's largest page is 200). */
export async function loadCallApplications(callId: string): Promise<ApplicationRow[]> {
  const get = (page: number) => call<Page<ApplicationRow>>(api.GET('/api/v1/applications', { params: { query: { callId, page, pageSize: PAGE } } }));
  const first = await get(1);
  const pages = Math.ceil(first.total / PAGE);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => get(i + 2)));
  return [first, ...rest].flatMap((p) => p.items);
}

export function useCallApplications(callId: string, enabled = true) {
  return useQuery({ queryKey: applicationsKey(callId), enabled, queryFn: () => loadCallApplications(callId) });
}

export interface ActivityNode {
  id: string;
  code: string;
  name: string;
  /** Codes and names of the priority, area, sub-goal and measure above it (for search and grouping). */
  path: { code: string; name: string }[];
}

/** The action plan's activities (the newest action plan), flattened from the strategy tree with their ancestors. */
export function useActionPlanActivities() {
  return useQuery({
    queryKey: ['staff-activities'],
    staleTime: 10 * 60_000,
    queryFn: async () => {
      const versions = await call<StrategyVersionView[]>(api.GET('/api/v1/strategy/versions'));
      const plans = versions.filter((v) => v.kind === 'action-plan').sort((a, b) => (b.year ?? 0) - (a.year ?? 0));
      const version = plans[0] ?? versions[0];
      if (!version) return [];
      const tree = await call<{ roots: StrategyTreeNode[] }>(api.GET('/api/v1/strategy/versions/{id}/tree', { params: { path: { id: version.id } } }));
      const out: ActivityNode[] = [];
      const walk = (nodes: StrategyTreeNode[], path: { code: string; name: string }[]) => {
        for (const node of nodes) {
          if (node.level === 'activity') out.push({ id: node.id, code: node.code, name: node.name, path });
          walk(node.children ?? [], [...path, { code: node.code, name: node.name }]);
        }
      };
      walk(tree.roots, []);
      return out;
    },
  });
}
