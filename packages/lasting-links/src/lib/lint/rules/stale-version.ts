/**
 * `stale-version`: a note about a release older than the oldest supported one ("in v5.14 and
 * earlier, …"). Readers cannot run such a release any more, and the 2025 review asked why the
 * guide kept one. A version that dates the current behaviour ("since v5.15", "from v6.0",
 * "v4.0 or later") is history that still explains today, and is not reported.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { anyWithin, offsetAt, proseBlocks, Within } from '../prose.ts';
import { reportAt } from '../report.ts';

interface StaleVersionOptions {
  /** `major.minor`, e.g. `10.5`. */
  oldestSupportedVersion: string;
}

/** `v5.14`, `v5.14.2`, or a bare `5.14` after "version", "release" or "Mattermost (Server)". */
const VERSION =
  /(?<![\p{L}\p{N}.])v(\d+)\.(\d+)(?:\.\d+)?(?![\p{N}]|\.\d)|(?<=\b(?:[Vv]ersions?|[Rr]eleases?|Mattermost(?: [Ss]erver)?) )(\d+)\.(\d+)(?:\.\d+)?(?![\p{N}]|\.\d)/gu;
/** Words right before a version that make it the start of what is true today. */
const DATES_CURRENT =
  /\b(?:since|from|as of|starting (?:with|in|from)|introduced in|added in|new in|removed in|deprecated in|changed in)\s+(?:(?:Mattermost|[Ss]erver|[Vv]ersion|[Rr]elease)\s+)*$/i;
/** Words right after a version that make it a lower bound ("v6.0 or later"). */
const LOWER_BOUND = /^\s*(?:and|or)\s+(?:later|newer|above|higher)\b/i;

const staleVersion = lintRule<Root, StaleVersionOptions>(
  { origin: 'docs-lint:stale-version' },
  (tree, file, options) => {
    const oldest = parseVersion(options.oldestSupportedVersion);
    for (const prose of proseBlocks(tree, String(file))) {
      for (const m of prose.text.matchAll(VERSION)) {
        const major = Number(m[1] ?? m[3]);
        const minor = Number(m[2] ?? m[4]);
        const end = m.index + m[0].length;
        if (major > oldest.major || (major === oldest.major && minor >= oldest.minor)) continue;
        if (anyWithin(prose, m.index, end, Within.code)) continue;
        if (
          DATES_CURRENT.test(prose.text.slice(Math.max(0, m.index - 60), m.index)) ||
          LOWER_BOUND.test(prose.text.slice(end))
        )
          continue;
        reportAt(
          file,
          `${m[0]} is older than the oldest supported release (${options.oldestSupportedVersion}): remove what applies only to it, or, if readers still need it, say when today's behaviour began ("since vX.Y, …")`,
          offsetAt(prose, m.index),
          offsetAt(prose, end),
        );
      }
    }
  },
);

/** `10.5` → `{ major: 10, minor: 5 }`; throws on anything else, naming the setting. */
export function parseVersion(version: string): { major: number; minor: number } {
  const m = /^v?(\d+)\.(\d+)$/.exec(version.trim());
  if (m === null) throw new Error(`oldestSupportedVersion must look like "10.5", not "${version}"`);
  return { major: Number(m[1]), minor: Number(m[2]) };
}

export default staleVersion;
