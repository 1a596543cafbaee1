/**
 * What the logs say, counted as they stream by: each path that answered 404 with its hits and
 * first and last time, the hits of each redirect the map serves, and what was left out and why.
 * Only counters are kept, never lines, so a log of any size is read in bounded memory.
 */
import { ownCopy, type LogRequest } from './log-request.ts';
import { skipReason, type SkipReason } from './not-a-page.ts';

/** A path and how often and when readers asked for it. */
export interface PathHits {
  hits: number;
  first: number;
  last: number;
}

export interface TrafficTally {
  /** Paths that answered 404 to readers, by the path as sent (percent-encoded). */
  notFound: Map<string, PathHits>;
  /** Requests for each watched path (the map's `from`s), whatever the answer. */
  used: Map<string, number>;
  /** Page requests read, and the ones left out. */
  requests: number;
  /** The first and last time of any request: the window the counts cover. */
  window: { first: number; last: number } | undefined;
  skipped: Record<SkipReason, number>;
  /** Lines no parser could read. */
  unreadLines: number;
  /** 404 paths seen once and dropped to keep memory bounded (a flood of random paths). */
  dropped: number;
}

/**
 * Distinct 404 paths kept at most. A scanner sending millions of random paths would otherwise
 * grow the table without end; when it is full, paths seen only once are dropped, since a
 * redirect is for an address readers keep asking for.
 */
const MAX_NOT_FOUND_PATHS = 200_000;

export function emptyTally(): TrafficTally {
  return {
    notFound: new Map(),
    used: new Map(),
    requests: 0,
    window: undefined,
    skipped: { asset: 0, probe: 0, bot: 0 },
    unreadLines: 0,
    dropped: 0,
  };
}

/**
 * Counts one request. `watched` holds the paths whose use is counted (as a reader would send
 * them: the map's `from`s, percent-encoded where needed).
 */
export function countRequest(
  tally: TrafficTally,
  request: LogRequest,
  watched: ReadonlySet<string>,
  limit = MAX_NOT_FOUND_PATHS,
): void {
  tally.requests += 1;
  if (tally.window === undefined) tally.window = { first: request.time, last: request.time };
  else {
    tally.window.first = Math.min(tally.window.first, request.time);
    tally.window.last = Math.max(tally.window.last, request.time);
  }
  const reason = skipReason(request.path, request.userAgent);
  if (reason !== undefined) {
    tally.skipped[reason] += 1;
    return;
  }
  if (watched.has(request.path)) {
    const used = tally.used.get(request.path);
    if (used === undefined) tally.used.set(ownCopy(request.path), 1);
    else tally.used.set(request.path, used + 1);
  }
  if (request.status !== 404) return;
  const seen = tally.notFound.get(request.path);
  if (seen !== undefined) {
    seen.hits += 1;
    seen.first = Math.min(seen.first, request.time);
    seen.last = Math.max(seen.last, request.time);
    return;
  }
  if (tally.notFound.size >= limit) dropSingles(tally);
  tally.notFound.set(ownCopy(request.path), {
    hits: 1,
    first: request.time,
    last: request.time,
  });
}

function dropSingles(tally: TrafficTally): void {
  for (const [path, seen] of tally.notFound) {
    if (seen.hits > 1) continue;
    tally.notFound.delete(path);
    tally.dropped += 1;
  }
}
