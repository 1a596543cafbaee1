/**
 * Converts a Sphinx-era redirect map (a JSON object of old path to new URL, as the old site's
 * `conf.py` held it) into entries of this site's redirect map.
 *
 * - URLs on the docs host become site paths (`sphinx-addresses.ts` says how `.html` is read).
 * - Chains are flattened: a value that is itself a key (or a `from` of the existing map) is
 *   followed to where it ends, with the reader's fragment carried as a browser would carry it.
 * - Cycles, targets that are not pages of this site and targets on hosts the site may not send
 *   readers to are errors naming the file, the key's line, what is wrong and the fix; those
 *   keys are left out, never written half-right.
 * - Entries already in the map are left alone; the import only adds.
 * - The old site could not honour a key's `#anchor` (a fragment never reaches a server); here
 *   each becomes an entry of the removed page's table. Where a page's anchors are mapped but
 *   the page itself is not, its default is the page it still is (its `.html` address), or else
 *   the page most of its anchors go to, with a warning to review it.
 * - Every `.html` address the map shows the old site published for a page that still exists
 *   (as a target, or as a key's page) gets an entry to that page, so old links to it keep
 *   working under trailing-slash URLs.
 */
import type { SitePath } from '../site-path.ts';
import { compareProblems, type Problem, type ProblemCode } from '../problems/problem.ts';
import { pageSuggester } from './suggest-page.ts';
import type { RedirectEntry } from './redirect-map.ts';
import { displayLocation, displayTarget, locationKey, type SiteLocation } from './locations.ts';
import { readSphinxKey, readSphinxValue, type OldAddress } from './sphinx-addresses.ts';
import type { ImportedEntry } from './imported-entry.ts';
import { readSphinxFile, type SphinxKey } from './sphinx-file.ts';
import {
  existingTarget,
  follow,
  keyOf,
  siteTarget,
  type Alias,
  type Link,
  type Parsed,
} from './sphinx-chains.ts';
import { groupByPage, mostCommonPage, placeDefaults } from './sphinx-defaults.ts';

/** What the import reads. */
export interface SphinxImportInput {
  /** The Sphinx map's text, and its path for messages. */
  text: string;
  file: string;
  /** The old site's host: its absolute URLs are this site's addresses. */
  host: string;
  /** Every page of this site. */
  pages: ReadonlySet<SitePath>;
  /** The redirect map's entries today; they are never changed. */
  existing: readonly RedirectEntry[];
  /** Hosts a `to` may name (siteConfig.redirectHosts). */
  allowedHosts: readonly string[];
}

/** The entries to add, every problem, and what was done, counted. */
export interface SphinxImport {
  entries: ImportedEntry[];
  problems: Problem[];
  summary: {
    keys: number;
    /** Entries from keys (with an anchor: `anchors`). */
    imported: number;
    anchors: number;
    /** Keys whose value was a chain, written as its end. */
    chains: number;
    /** `.html` addresses of live pages, added. */
    aliases: number;
    /** Removed pages whose default was inferred from their anchors. */
    inferredDefaults: number;
    /** Keys already in the map, left alone. */
    kept: number;
    /** Keys left out because of an error. */
    leftOut: number;
  };
}

/** Parses and imports a Sphinx map; pure: the caller reads and writes the files. */
export function importSphinxMap(input: SphinxImportInput): SphinxImport {
  const problems: Problem[] = [];
  const report = (
    severity: Problem['severity'],
    code: ProblemCode,
    line: number | undefined,
    message: string,
    fix: string,
  ) =>
    problems.push({
      severity,
      code,
      message,
      fix,
      at: line === undefined ? { file: input.file } : { file: input.file, line },
    });
  const keys = readSphinxFile(input.text, input.file, problems);
  const summary: SphinxImport['summary'] = {
    keys: keys.length,
    imported: 0,
    anchors: 0,
    chains: 0,
    aliases: 0,
    inferredDefaults: 0,
    kept: 0,
    leftOut: 0,
  };

  // 1. Every key as an old address, once; the first of two spellings of one address wins.
  const sources: Array<{ entry: SphinxKey; from: OldAddress }> = [];
  const byAddress = new Map<string, SphinxKey>();
  for (const entry of keys) {
    const read = readSphinxKey(entry.key);
    if (!read.ok) {
      report(
        'error',
        'redirect-syntax',
        entry.line,
        `key "${entry.key}": ${read.reason}`,
        `leave the key out, or redirect that URL on the server`,
      );
      summary.leftOut += 1;
      continue;
    }
    if (read.rewritten !== undefined)
      report(
        'warning',
        'redirect-syntax',
        entry.line,
        `key "${entry.key}": ${read.rewritten}`,
        'check that this is the address the old site published',
      );
    const address = keyOf(read.value.address, read.value.fragment);
    const first = byAddress.get(address);
    if (first !== undefined) {
      // Two spellings of one address: harmless when they agree, a choice to make when not.
      const agree = first.value.trim() === entry.value.trim();
      report(
        agree ? 'warning' : 'error',
        'redirect-duplicate',
        entry.line,
        `key "${entry.key}" is the address of key "${first.key}" (line ${first.line})${agree ? ', with the same value; imported once' : `, which goes to "${first.value}" instead of "${entry.value}"`}`,
        agree
          ? 'delete one of the two keys'
          : 'keep the key with the right value and delete the other',
      );
      if (!agree) summary.leftOut += 1;
      continue;
    }
    byAddress.set(address, entry);
    sources.push({ entry, from: read.value });
  }

  // 2. The links a reader can follow: the existing map's entries, then the Sphinx keys.
  const links = new Map<string, Link>();
  for (const entry of input.existing)
    links.set(locationKey(entry.from), {
      target: { ok: true, value: existingTarget(entry.to) },
      pageLevel: entry.from.fragment === null,
      describe: `line ${entry.line} of the redirect map`,
    });
  const known = (at: OldAddress) =>
    input.pages.has(at.page) ||
    links.has(keyOf(at.address, null)) ||
    byAddress.has(keyOf(at.address, null));
  const targets = new Map<SphinxKey, Parsed & { rewritten?: string }>();
  for (const { entry, from } of sources) {
    const target = readSphinxValue(entry.value, from, input.host, known);
    targets.set(entry, target);
    const key = keyOf(from.address, from.fragment);
    if (!links.has(key))
      links.set(key, {
        target,
        pageLevel: from.fragment === null,
        describe: `key "${entry.key}" (line ${entry.line})`,
      });
  }

  // 3. Each key's final target.
  const suggest = pageSuggester(input.pages);
  const existingFroms = new Map(input.existing.map((entry) => [locationKey(entry.from), entry]));
  const entries: ImportedEntry[] = [];
  const aliases = new Map<SitePath, Alias>();
  const written = new Set<string>();
  for (const { entry, from } of sources) {
    const target = targets.get(entry)!;
    const location: SiteLocation = { path: from.address, fragment: from.fragment };
    const existing = existingFroms.get(locationKey(location));
    if (existing !== undefined) {
      summary.kept += 1;
      continue;
    }
    if (!target.ok) {
      report(
        'error',
        'redirect-syntax',
        entry.line,
        `key "${entry.key}": ${target.reason}`,
        'correct the value in the Sphinx map and import again, or leave the key out',
      );
      summary.leftOut += 1;
      continue;
    }
    if (target.rewritten !== undefined)
      report(
        'warning',
        'redirect-syntax',
        entry.line,
        `key "${entry.key}": ${target.rewritten}`,
        'check that this is where the key meant to go',
      );
    if (from.fragment === null && input.pages.has(from.address)) {
      report(
        'error',
        'redirect-live-source',
        entry.line,
        `key "${entry.key}" is ${from.address}, a page of this site, so a redirect from it would never fire`,
        'leave the key out',
      );
      summary.leftOut += 1;
      continue;
    }
    const end = follow(target.value, links, input.pages);
    if (end.kind === 'cycle') {
      report(
        'error',
        'redirect-cycle',
        entry.line,
        `key "${entry.key}" is part of a redirect cycle: ${[displayLocation(location), ...end.trail].join(' -> ')}`,
        'point one of these keys at a page of this site so the loop ends',
      );
      summary.leftOut += 1;
      continue;
    }
    if (end.kind === 'missing') {
      const suggestion = suggest(end.at.page);
      report(
        'error',
        'redirect-target',
        entry.line,
        `key "${entry.key}" goes to ${end.at.address}${end.at.fragment === null ? '' : `#${end.at.fragment}`}, which is outside this site: no page at ${end.at.page} and no redirect from ${end.at.address}`,
        suggestion === undefined
          ? `point the key at a page of this site, or add the page ${end.at.page}`
          : `did you mean ${suggestion.path}? point the key at it, or add the page ${end.at.page}`,
      );
      summary.leftOut += 1;
      continue;
    }
    if (end.kind === 'broken') {
      report(
        'error',
        'redirect-target',
        entry.line,
        `key "${entry.key}" goes through ${end.via}, which cannot be followed: ${end.reason}`,
        'fix that key or entry, then import again',
      );
      summary.leftOut += 1;
      continue;
    }
    const to = siteTarget(end.target, input.allowedHosts);
    if (!to.ok) {
      report(
        'error',
        'redirect-target',
        entry.line,
        `key "${entry.key}" goes outside this site: ${to.reason}`,
        `add the host to siteConfig.redirectHosts in src/config.ts if readers may be sent there, then import again; or point the key at a page of this site`,
      );
      summary.leftOut += 1;
      continue;
    }
    if (end.hops > 1) summary.chains += 1;
    for (const alias of end.aliases)
      if (!aliases.has(alias.address)) aliases.set(alias.address, { ...alias, line: entry.line });
    // A mapped anchor of a page that still exists: the page's old address needs its own entry.
    if (
      from.fragment !== null &&
      from.address !== from.page &&
      input.pages.has(from.page) &&
      !aliases.has(from.address)
    )
      aliases.set(from.address, { address: from.address, page: from.page, line: entry.line });
    entries.push({ from: location, to: to.value, line: entry.line });
    written.add(locationKey(location));
    summary.imported += 1;
    if (from.fragment !== null) summary.anchors += 1;
  }

  // 4. A default for every removed page whose anchors are mapped, and the `.html` addresses of live pages.
  const defaults = new Map<SitePath, ImportedEntry>();
  const hasDefault = (path: SitePath) =>
    written.has(path) || existingFroms.has(path) || defaults.has(path);
  for (const { address, page, line } of aliases.values()) {
    // `/a/index.html` is the live page's own file, not an old address.
    if (address.endsWith('/index.html') || hasDefault(address)) continue;
    defaults.set(address, {
      from: { path: address, fragment: null },
      to: { kind: 'site', path: page, fragment: null },
      line,
    });
    summary.aliases += 1;
  }
  for (const [path, group] of groupByPage(entries)) {
    if (hasDefault(path)) continue;
    const pick = mostCommonPage(group.map((entry) => entry.to));
    const lines = group.map((entry) => byAddress.get(locationKey(entry.from))?.line ?? 0);
    report(
      'warning',
      'redirect-no-default',
      Math.min(...lines),
      `${path} has mapped anchors but no key of its own; its other anchors and the page itself go to ${displayTarget(pick)}, where most of its anchors go`,
      `check it, or add a key for "${path.slice(1)}" to the Sphinx map`,
    );
    defaults.set(path, {
      from: { path, fragment: null },
      to: pick,
      line: Math.min(...lines),
      note: 'inferred: the page most of its anchors moved to',
    });
    summary.inferredDefaults += 1;
  }
  return {
    entries: placeDefaults(entries, defaults),
    problems: problems.sort(compareProblems),
    summary,
  };
}
