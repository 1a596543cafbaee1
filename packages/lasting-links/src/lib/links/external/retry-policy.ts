/**
 * When to try an external URL again, how long to wait, and what a final answer means. Pure:
 * the fetching code reports what happened and follows what this says.
 */

/** What one attempt at a URL came to. */
export type AttemptResult =
  | { kind: 'status'; status: number; retryAfter?: string | null; finalUrl: string }
  | { kind: 'timeout' }
  | { kind: 'network'; reason: string }
  | { kind: 'redirect-loop'; at: string }
  | { kind: 'too-many-redirects' };

/** Limits for retrying. */
export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff delay; doubles on each retry. */
  backoffMs: number;
  /** A `Retry-After` longer than this is not waited for: the URL is reported as rate limited. */
  maxRetryAfterMs: number;
}

/** Defaults suited to CI: a handful of seconds at most per URL. */
export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  retries: 2,
  backoffMs: 500,
  maxRetryAfterMs: 30_000,
};

/** The final judgement on an external URL. */
export interface ExternalVerdict {
  severity: 'ok' | 'warning' | 'error';
  /** Short reason: `HTTP 404`, `timed out`, `redirect loop at …`. */
  reason: string;
  status?: number;
}

/**
 * `Retry-After` in milliseconds: either delta-seconds or an HTTP date. Undefined when absent
 * or unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(
  header: string | null | undefined,
  now: number,
): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Statuses worth asking again: the server said "later" or failed on its side. */
function isTransient(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/**
 * Whether to retry after `result` on attempt `attempt` (0 = the first), and after how long.
 * Returns null when the answer is final.
 */
export function retryDelay(
  result: AttemptResult,
  attempt: number,
  options: RetryOptions,
  now: number,
): number | null {
  if (attempt >= options.retries) return null;
  const backoff = options.backoffMs * 2 ** attempt;
  if (result.kind === 'timeout' || result.kind === 'network') return backoff;
  if (result.kind !== 'status' || !isTransient(result.status)) return null;
  const retryAfter = parseRetryAfter(result.retryAfter, now);
  if (retryAfter === undefined) return backoff;
  return retryAfter <= options.maxRetryAfterMs ? retryAfter : null;
}

/**
 * Whether a HEAD answer should be confirmed with GET: some servers refuse or mishandle HEAD
 * (405, 501, or a 4xx that GET does not give), so only success and transient failures are
 * taken from HEAD as they are.
 */
export function shouldFallBackToGet(result: AttemptResult): boolean {
  return result.kind === 'status' && result.status >= 400 && !isTransient(result.status);
}

/** The verdict on the last attempt's result. */
export function verdictFor(result: AttemptResult): ExternalVerdict {
  switch (result.kind) {
    case 'timeout':
      return { severity: 'error', reason: 'timed out' };
    case 'network':
      return { severity: 'error', reason: `connection failed (${result.reason})` };
    case 'redirect-loop':
      return { severity: 'error', reason: `redirect loop at ${result.at}` };
    case 'too-many-redirects':
      return { severity: 'error', reason: 'too many redirects' };
    case 'status': {
      const { status } = result;
      if (status >= 200 && status < 300)
        return { severity: 'ok', reason: `HTTP ${status}`, status };
      // Sign-in walls and bot filters answer 401/403 to checkers while readers get through.
      if (status === 401 || status === 403)
        return {
          severity: 'warning',
          reason: `HTTP ${status} (may need sign-in or block checkers)`,
          status,
        };
      if (status === 429)
        return { severity: 'warning', reason: 'HTTP 429 (rate limited; not confirmed)', status };
      return { severity: 'error', reason: `HTTP ${status}`, status };
    }
  }
}
