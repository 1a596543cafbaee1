/**
 * Politeness towards other people's servers: at most `concurrency` requests in flight per
 * host, and request starts spaced at least `intervalMs` apart per host. Different hosts
 * never wait for each other.
 */

/** Per-host limits. */
export interface HostLimits {
  concurrency: number;
  intervalMs: number;
}

/** Runs `task` against `host` once the host's limits allow it. */
export type HostLimiter = <T>(host: string, task: () => Promise<T>) => Promise<T>;

interface HostState {
  active: number;
  nextStart: number;
  waiting: (() => void)[];
}

/** A limiter; `now` and `sleep` can be replaced in tests. */
export function hostLimiter(
  limits: HostLimits,
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): HostLimiter {
  const hosts = new Map<string, HostState>();
  return async (host, task) => {
    let state = hosts.get(host);
    if (state === undefined) hosts.set(host, (state = { active: 0, nextStart: 0, waiting: [] }));
    // Re-check after waking: a newcomer may have taken the freed slot first.
    while (state.active >= limits.concurrency)
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    state.active += 1;
    const wait = state.nextStart - now();
    state.nextStart = Math.max(now(), state.nextStart) + limits.intervalMs;
    try {
      if (wait > 0) await sleep(wait);
      return await task();
    } finally {
      state.active -= 1;
      state.waiting.shift()?.();
    }
  };
}
