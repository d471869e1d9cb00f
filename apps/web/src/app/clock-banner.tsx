import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { callUntyped } from '../api/client';
import { ProblemError } from '../api/errors';
import { useFormat } from '../lib/use-format';

interface SystemClock {
  now: string;
  offsetMs: number;
  movable: boolean;
}

/** When someone moved the system's clock (demo, tests), everyone sees it; a system without the route (404) shows nothing. */
export function ClockBanner() {
  const f = useFormat();
  const { data } = useQuery({
    queryKey: ['system-clock'],
    queryFn: () =>
      callUntyped<SystemClock>('/api/v1/system/clock').catch((error: unknown) => {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }),
    staleTime: 60_000,
    retry: false,
  });
  if (!data || data.offsetMs === 0) return null;
  return (
    <div className="banner banner--warning" role="status">
      <div className="container">
        <FormattedMessage id="common.clockMoved" values={{ when: f.dateTime(data.now) }} />
      </div>
    </div>
  );
}
