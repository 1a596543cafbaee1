/**
 * Checks the external URLs a site links to: each distinct URL once, several hosts at a time,
 * each host within its limits, recent successes taken from the cache.
 */
import type { ExternalUse } from '../check-links.ts';
import type { Problem } from '../../problems/problem.ts';
import { loadCache, saveCache } from './cache-file.ts';
import { checkUrl } from './check-url.ts';
import { hostLimiter } from './host-limiter.ts';
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from './retry-policy.ts';
import { freshEntry, pruneCache } from './verdict-cache.ts';

/** Settings of the external check; every field has a default. */
export interface ExternalCheckOptions {
  /** Cache file path; no cache when undefined. */
  cacheFile?: string;
  /** How long a success stays trusted. Default one day. */
  cacheTtlMs?: number;
  /** Requests in flight per host. Default 2. */
  perHostConcurrency?: number;
  /** Minimum spacing of request starts per host. Default 200 ms. */
  perHostIntervalMs?: number;
  /** URLs checked at once across all hosts. Default 16. */
  concurrency?: number;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  retry?: RetryOptions;
}

/** Problems (one per place a failing URL is used, no source positions yet) for the external URLs in `uses`. */
export async function checkExternalUses(
  uses: readonly ExternalUse[],
  options: ExternalCheckOptions = {},
): Promise<Problem[]> {
  const ttl = options.cacheTtlMs ?? 24 * 60 * 60 * 1000;
  const cache =
    options.cacheFile === undefined
      ? { version: 1 as const, entries: {} }
      : await loadCache(options.cacheFile);
  const limiter = hostLimiter({
    concurrency: options.perHostConcurrency ?? 2,
    intervalMs: options.perHostIntervalMs ?? 200,
  });
  const checkOptions = {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRedirects: 10,
    retry: options.retry ?? DEFAULT_RETRY_OPTIONS,
    limiter,
    userAgent: 'lasting-links-docs link checker',
  };
  const problems: Problem[] = [];
  const pending = uses.filter((use) => freshEntry(cache, use.url, Date.now(), ttl) === undefined);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < pending.length; index = next++) {
      const use = pending[index]!;
      const verdict = await checkUrl(use.url, checkOptions);
      if (verdict.severity === 'ok') {
        cache.entries[use.url] = { status: verdict.status ?? 200, checkedAt: Date.now() };
        continue;
      }
      for (const { source, link } of use.uses) {
        problems.push({
          severity: verdict.severity,
          code: 'external',
          message: `${use.url}: ${verdict.reason}`,
          url: link.url,
          page: source.path,
          output: { file: source.file, line: link.line, column: link.column },
        });
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 16, pending.length) }, worker),
  );
  if (options.cacheFile !== undefined)
    await saveCache(options.cacheFile, pruneCache(cache, Date.now(), ttl));
  return problems;
}
