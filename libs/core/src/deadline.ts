/** How a dependency answered a probe made within a fixed time. */
export type ProbeResult<T> = { status: 'up'; value: T } | { status: 'down'; error: string } | { status: 'timeout' };

/**
 * Waits for `work` at most `ms`: a dependency that hangs (Redis reconnecting, a database that
 * stopped answering) must not hold up whoever asked. The work itself is not cancelled; its late
 * outcome is ignored.
 */
export function settleWithin<T>(work: Promise<T>, ms: number): Promise<ProbeResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ProbeResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timeout' }), ms);
  });
  const settled = work.then(
    (value): ProbeResult<T> => ({ status: 'up', value }),
    (error: unknown): ProbeResult<T> => ({ status: 'down', error: (error as Error)?.message ?? String(error) }),
  );
  return Promise.race([settled, timeout]).finally(() => clearTimeout(timer));
}
