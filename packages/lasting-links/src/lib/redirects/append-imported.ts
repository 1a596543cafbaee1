/**
 * Writes imported entries into the redirect map's text, and keeps only those the build will
 * accept: the map is planned against the site, exactly as the build plans it, and an entry the
 * planner rejects is left out with the planner's reason, so an import never writes a map that
 * fails the build (or, worse, one that builds and sends readers nowhere).
 */
import { isScalar, isSeq, parseDocument, stringify } from 'yaml';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { Problem } from '../problems/problem.ts';
import { parseRedirectMap } from './redirect-map.ts';
import { planRedirects } from './plan-redirects.ts';
import { displayLocation, displayTarget } from './locations.ts';
import type { ImportedEntry } from './imported-entry.ts';

/**
 * The map's text with `entries` appended under a comment, every existing byte kept: the file
 * is a reviewed list, and an import only adds to it. Throws when the map is not a block list
 * (the only layout entries can be appended to without rewriting it).
 */
export function appendToMap(
  text: string,
  entries: readonly ImportedEntry[],
  comment: string,
): string {
  if (entries.length === 0) return text;
  const block = stringify(
    entries.map((entry) => ({
      from: displayLocation(entry.from),
      to: displayTarget(entry.to),
      ...(entry.note === undefined ? {} : { note: entry.note }),
    })),
    { lineWidth: 0 },
  );
  const header = comment
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  const list = parseDocument(text).contents;
  const empty =
    list === null ||
    (isScalar(list) && list.value === null) ||
    (isSeq(list) && list.items.length === 0);
  if (empty) {
    // Keep the comments of an empty map; drop its `[]`.
    const kept = text
      .split('\n')
      .filter((line) => /^\s*(#|$)/.test(line))
      .join('\n')
      .trim();
    return `${kept === '' ? '' : `${kept}\n\n`}${header}\n${block}`;
  }
  if (!isSeq(list) || list.flow)
    throw new Error(
      'the redirect map is not a YAML block list ("- from: …" items); write it as one before importing',
    );
  return `${text.endsWith('\n') ? text : `${text}\n`}\n${header}\n${block}`;
}

/** What the build would accept: the new text, the entries in it, and each one left out with why. */
export interface FittedImport {
  text: string;
  entries: ImportedEntry[];
  rejected: Array<{ entry: ImportedEntry; problem: Problem }>;
}

/**
 * Appends `entries` to the map and plans the result against `index` (the site's pages and
 * ids); entries the planner reports as errors are left out and the rest planned again, until
 * nothing imported is in error. Errors of the existing entries are not the import's to fix.
 */
export function fitToSite(
  existingText: string,
  entries: readonly ImportedEntry[],
  options: {
    index: AnchorIndex;
    mapFile: string;
    allowedHosts: readonly string[];
    comment: string;
  },
): FittedImport {
  const existingCount = parseRedirectMap(existingText, options.mapFile, options.allowedHosts)
    .entries.length;
  let kept = [...entries];
  const rejected: FittedImport['rejected'] = [];
  for (;;) {
    const text = appendToMap(existingText, kept, options.comment);
    const parsed = parseRedirectMap(text, options.mapFile, options.allowedHosts);
    const imported = parsed.entries.slice(existingCount);
    if (imported.length !== kept.length)
      throw new Error(
        `an imported entry does not read back from the map: ${parsed.problems.map((problem) => problem.message).join('; ')}`,
      );
    const byLine = new Map(imported.map((entry, at) => [entry.line, kept[at]!]));
    const errors = planRedirects(parsed.entries, options.index, options.mapFile).problems.filter(
      (problem) => problem.severity === 'error' && byLine.has(problem.at?.line ?? 0),
    );
    if (errors.length === 0) return { text, entries: kept, rejected };
    const out = new Set<ImportedEntry>();
    for (const problem of errors) {
      const entry = byLine.get(problem.at!.line!)!;
      if (out.has(entry)) continue;
      out.add(entry);
      rejected.push({ entry, problem });
    }
    kept = kept.filter((entry) => !out.has(entry));
  }
}
