/**
 * The system's clock: outside production an admin may move it (demo rounds, tests), and every deadline the
 * portal counts down to is judged by the server on that clock. `useSystemClock()` reads it once a minute;
 * `useNow()` is the browser's time shifted by the same offset, so a countdown matches what the server enforces.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { callUntyped } from '../api/client';
import { ProblemError } from '../api/errors';

export interface SystemClock {
  now: string;
  offsetMs: number;
  movable: boolean;
}

export function useSystemClock(): SystemClock | null | undefined {
  const { data } = useQuery({
    queryKey: ['system-clock'],
    queryFn: () =>
      callUntyped<SystemClock>('/api/v1/system/clock').catch((error: unknown) => {
        // A system without the route (404) has no movable clock.
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }),
    staleTime: 60_000,
    retry: false,
  });
  return data;
}

/** The system's "now" in milliseconds, refreshed every `everyMs`. */
export function useNow(everyMs = 60_000): number {
  const offset = useSystemClock()?.offsetMs ?? 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now + offset;
}
