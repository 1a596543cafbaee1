/**
 * Asks the network about one external URL: HEAD first (cheap), GET when HEAD is refused,
 * redirects followed by hand so loops are caught, every request bounded by a timeout and
 * passed through the per-host limiter. The decisions live in `retry-policy.ts`.
 */
import type { HostLimiter } from './host-limiter.ts';
import {
  retryDelay,
  shouldFallBackToGet,
  verdictFor,
  type AttemptResult,
  type ExternalVerdict,
  type RetryOptions,
} from './retry-policy.ts';

/** How to ask. */
export interface CheckUrlOptions {
  timeoutMs: number;
  maxRedirects: number;
  retry: RetryOptions;
  limiter: HostLimiter;
  userAgent: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Checks `url` with retries and returns the final verdict. Never throws. */
export async function checkUrl(
  url: string,
  options: CheckUrlOptions,
): Promise<ExternalVerdict & { finalUrl?: string }> {
  for (let attempt = 0; ; attempt += 1) {
    let result = await followRedirects(url, 'HEAD', options);
    if (shouldFallBackToGet(result)) result = await followRedirects(url, 'GET', options);
    const delay = retryDelay(result, attempt, options.retry, Date.now());
    if (delay === null)
      return {
        ...verdictFor(result),
        ...(result.kind === 'status' ? { finalUrl: result.finalUrl } : {}),
      };
    await sleep(delay);
  }
}

/** One request chain: follows 3xx answers up to `maxRedirects`, stopping at the first URL seen twice. */
async function followRedirects(
  start: string,
  method: 'HEAD' | 'GET',
  options: CheckUrlOptions,
): Promise<AttemptResult> {
  const seen = new Set<string>();
  let url = start;
  for (let hop = 0; hop <= options.maxRedirects; hop += 1) {
    if (seen.has(url)) return { kind: 'redirect-loop', at: url };
    seen.add(url);
    const answer = await request(url, method, options);
    if ('kind' in answer) return answer;
    const location = answer.location;
    if (answer.status < 300 || answer.status >= 400 || location === null) {
      return {
        kind: 'status',
        status: answer.status,
        retryAfter: answer.retryAfter,
        finalUrl: url,
      };
    }
    try {
      url = new URL(location, url).href;
    } catch {
      return { kind: 'network', reason: `bad Location header "${location}"` };
    }
  }
  return { kind: 'too-many-redirects' };
}

/** One HTTP request; the body is never read (only the status matters), so a stalled body cannot hang. */
async function request(
  url: string,
  method: 'HEAD' | 'GET',
  options: CheckUrlOptions,
): Promise<{ status: number; location: string | null; retryAfter: string | null } | AttemptResult> {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return { kind: 'network', reason: 'not a valid URL' };
  }
  return options.limiter(host, async () => {
    try {
      const response = await fetch(url, {
        method,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { 'user-agent': options.userAgent, accept: 'text/html,*/*;q=0.8' },
      });
      await response.body?.cancel().catch(() => undefined);
      return {
        status: response.status,
        location: response.headers.get('location'),
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout' };
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { kind: 'network', reason: cause?.code ?? cause?.message ?? (error as Error).message };
    }
  });
}
