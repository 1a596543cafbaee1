/**
 * Reproducible filler for generated sites: the build benchmark's corpus, the link-checker
 * benchmark's site and the scale test site all draw their prose from here, so the same seed
 * gives the same pages on every run and every machine.
 */

/** Words of a docs page about running a server, mixed with the small words prose needs. */
export const FILLER_WORDS: readonly string[] = (
  'server cluster node database replica proxy configure enable setting value default file storage ' +
  'upgrade deploy channel team user message plugin license search index cache metrics logging audit ' +
  'export import network timeout retry backup restore migration schema version release support policy ' +
  'permission role session token secret certificate domain endpoint request response worker queue job ' +
  'schedule notification the a an of to in for with on when each every before after while because ' +
  'administrators operators readers services requests connections minutes seconds restart reload check'
).split(' ');

/** A small seeded PRNG (mulberry32): reproducible output without a dependency. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
