import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, call } from '../../api/client';
import { traceQuery } from './filters';
import type { TraceFilters } from './filters';
import { buildTraceTree } from './tree';
import type { StrategyNodeInput, TraceTreeNode } from './tree';
import type { TraceVersion } from './types';

/** A strategy version's tree (cached: it does not change) with its money under the filters (one request), summed up. */
export function useTraceTree(versionId: string | undefined, filters: TraceFilters) {
  const structure = useQuery({
    queryKey: ['strategy-tree', versionId],
    enabled: !!versionId,
    queryFn: () => call<{ roots: StrategyNodeInput[] }>(api.GET('/api/v1/strategy/versions/{id}/tree', { params: { path: { id: versionId! } } })),
    staleTime: 300_000,
  });
  const query = traceQuery(filters);
  const totals = useQuery({
    queryKey: ['auditor', 'trace-version', versionId, query],
    enabled: !!versionId,
    queryFn: () => call<TraceVersion>(api.GET('/api/v1/trace/versions/{versionId}', { params: { path: { versionId: versionId! }, query: query as never } })),
  });
  const roots = useMemo<TraceTreeNode[] | undefined>(
    () => (structure.data && totals.data ? buildTraceTree(structure.data.roots, totals.data.activities) : undefined),
    [structure.data, totals.data],
  );
  return { state: structure.isPending || structure.isError ? structure : totals, roots };
}
