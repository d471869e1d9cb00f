import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { callUntyped } from '../../api/client';

/** Money per funded activity of a strategy version (public route), as a map by node id. */
export function useActivityFunding(versionId: string): Map<string, { approved: string; paid: string }> {
  const query = useQuery({
    queryKey: ['strategy-funding', versionId],
    queryFn: () => callUntyped<{ activities: { nodeId: string; approved: string; paid: string }[] }>(`/api/v1/public/strategy/${versionId}/funding`),
    retry: false,
  });
  return useMemo(() => new Map((query.data?.activities ?? []).map((a) => [a.nodeId, a])), [query.data]);
}
