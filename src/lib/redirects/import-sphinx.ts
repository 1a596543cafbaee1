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
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { SitePath } from '../site-path.ts';
import { compareProblems, type Problem, type ProblemCode } from '../problems/problem.ts';
import { closestPage } from '../did-you-mean.ts';
import { lineLocator } from '../html/line-locator.ts';
import type { RedirectEntry } from './redirect-map.ts';
import {
  displayLocation,
  displayTarget,
  locationKey,
  parseTarget,
  sameTarget,
  type RedirectTarget,
  type SiteLocation,
} from './locations.ts';
import {
  readSphinxKey,
  readSphinxValue,
  type OldAddress,
  type SphinxTarget,
} from './sphinx-addresses.ts';

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

/** One entry to add to the map. */
export interface ImportedEntry {
  from: SiteLocation;
  to: RedirectTarget;
  /** The line of the Sphinx key it comes from (for an inferred entry, of the key that implied it). */
  line: number;
  /** For reviewers, when the entry is the import's inference rather than a key of the map. */
  note?: string;
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

/** A key of the Sphinx map with its value and its line in the file. */
interface SphinxKey {
  key: string;
  value: string;
  line: number;
}

/** A way on from an address: a key of the Sphinx map, or an entry of the existing map. */
interface Link {
  target: Parsed;
  /** Whether the link is the page's default (it carries the reader's fragment). */
  pageLevel: boolean;
  describe: string;
}

type Parsed = { ok: true; value: SphinxTarget } | { ok: false; reason: string };

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
  const suggest = suggester(input.pages);
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

/**
 * The closest page to a missing one, for "did you mean", found once per missing page. Only
 * pages whose last segment is near enough in length to score as a suggestion are compared,
 * which gives the same answer as comparing all (a length gap bounds the edit distance) and
 * keeps an import of thousands of keys quick.
 */
function suggester(pages: ReadonlySet<SitePath>): (page: SitePath) => { path: string } | undefined {
  // The segments closestPage compares: lower case, no `.html`, no trailing `index`.
  const segments = (path: string) =>
    path
      .toLowerCase()
      .replace(/\.html?$/, '')
      .replace(/\/index\/?$/, '/')
      .split('/')
      .filter(Boolean);
  const choices = [...pages].map((page) => {
    const parts = segments(page);
    return { path: page, title: page, slug: parts.at(-1) ?? '', parents: parts.slice(0, -1) };
  });
  const found = new Map<SitePath, { path: string } | undefined>();
  return (page) => {
    if (!found.has(page)) {
      const asked = segments(page);
      const slug = asked.at(-1) ?? '';
      // closestPage needs a score of 0.7: the slugs' similarity (at most 1 minus their length
      // gap over the longer) plus 0.05 for each parent folder the two share.
      const near = choices.filter((choice) => {
        const longest = Math.max(choice.slug.length, slug.length, 1);
        const shared = choice.parents.filter((parent) => asked.includes(parent)).length;
        return 1 - Math.abs(choice.slug.length - slug.length) / longest + 0.05 * shared >= 0.7;
      });
      found.set(page, closestPage(page, near));
    }
    return found.get(page);
  };
}

/** Lookup key of an address: the same as the map's own (`/a.html#x`). */
function keyOf(path: SitePath, fragment: string | null): string {
  return locationKey({ path, fragment });
}

/** An existing map target as the importer follows it: a site path is its own page and address. */
function existingTarget(to: RedirectTarget): SphinxTarget {
  if (to.kind === 'external') return { kind: 'external', url: to.url };
  return {
    kind: 'site',
    at: { page: to.path, address: to.path, fragment: to.fragment, publishedHtml: false },
  };
}

/** An old `.html` address of a page that still exists, and the key that showed it was published. */
interface Alias {
  address: SitePath;
  page: SitePath;
  line: number;
}

type End =
  | { kind: 'landed'; target: SphinxTarget; hops: number; aliases: Array<Omit<Alias, 'line'>> }
  | { kind: 'missing'; at: OldAddress }
  | { kind: 'cycle'; trail: string[] }
  | { kind: 'broken'; via: string; reason: string };

/**
 * Follows a target through the maps as a reader would be sent: a key for the exact anchor
 * first (the old site's id is gone), then the live page, then the page's own key, which
 * carries the reader's fragment when it names none.
 */
function follow(
  start: SphinxTarget,
  links: ReadonlyMap<string, Link>,
  pages: ReadonlySet<SitePath>,
): End {
  const seen = new Set<string>();
  const trail: string[] = [];
  const aliases: Array<Omit<Alias, 'line'>> = [];
  let current = start;
  for (let hops = 1; ; hops += 1) {
    if (current.kind === 'external') return { kind: 'landed', target: current, hops, aliases };
    const at = current.at;
    const exact =
      at.fragment === null
        ? undefined
        : (links.get(keyOf(at.address, at.fragment)) ?? links.get(keyOf(at.page, at.fragment)));
    if (exact === undefined && pages.has(at.page)) {
      if (at.publishedHtml && at.address !== at.page)
        aliases.push({ address: at.address, page: at.page });
      return { kind: 'landed', target: current, hops, aliases };
    }
    const link = exact ?? links.get(keyOf(at.address, null));
    if (link === undefined) return { kind: 'missing', at };
    const id = exact === undefined ? keyOf(at.address, null) : keyOf(at.address, at.fragment);
    trail.push(
      displayLocation({ path: at.address, fragment: exact === undefined ? null : at.fragment }),
    );
    if (seen.has(id)) return { kind: 'cycle', trail };
    seen.add(id);
    if (!link.target.ok) return { kind: 'broken', via: link.describe, reason: link.target.reason };
    const next = link.target.value;
    // A page's own redirect keeps the reader's fragment unless it names one (as a 301 does).
    current =
      exact === undefined && next.kind === 'site' && next.at.fragment === null
        ? { kind: 'site', at: { ...next.at, fragment: at.fragment } }
        : next;
  }
}

/** The final target as the map writes it, checked against the hosts the site allows. */
function siteTarget(
  target: SphinxTarget,
  allowedHosts: readonly string[],
): { ok: true; value: RedirectTarget } | { ok: false; reason: string } {
  if (target.kind === 'site')
    return {
      ok: true,
      value: { kind: 'site', path: target.at.page, fragment: target.at.fragment },
    };
  const parsed = parseTarget(target.url, allowedHosts);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
}

function groupByPage(entries: readonly ImportedEntry[]): Map<SitePath, ImportedEntry[]> {
  const groups = new Map<SitePath, ImportedEntry[]>();
  for (const entry of entries)
    groups.set(entry.from.path, [...(groups.get(entry.from.path) ?? []), entry]);
  return groups;
}

/** The page (without fragment) most targets are on; the first of equals, in map order. */
function mostCommonPage(targets: readonly RedirectTarget[]): RedirectTarget {
  const pageOf = (target: RedirectTarget): RedirectTarget =>
    target.kind === 'site'
      ? { ...target, fragment: null }
      : { kind: 'external', url: target.url.split('#')[0]! };
  const counts: Array<{ page: RedirectTarget; count: number }> = [];
  for (const target of targets) {
    const page = pageOf(target);
    const row = counts.find((candidate) => sameTarget(candidate.page, page));
    if (row === undefined) counts.push({ page, count: 1 });
    else row.count += 1;
  }
  return counts.reduce((best, row) => (row.count > best.count ? row : best)).page;
}

/** Each page's default goes just before its first anchor entry; defaults of other pages go last. */
function placeDefaults(
  entries: readonly ImportedEntry[],
  defaults: ReadonlyMap<SitePath, ImportedEntry>,
): ImportedEntry[] {
  const out: ImportedEntry[] = [];
  const placed = new Set<SitePath>();
  for (const entry of entries) {
    const before = defaults.get(entry.from.path);
    if (before !== undefined && !placed.has(entry.from.path)) {
      out.push(before);
      placed.add(entry.from.path);
    }
    out.push(entry);
  }
  for (const [path, entry] of defaults) if (!placed.has(path)) out.push(entry);
  return out;
}

/**
 * The keys of a Sphinx map file with their lines. Anything but a JSON object of strings is a
 * problem naming the file and the line; nothing is skipped silently.
 */
function readSphinxFile(text: string, file: string, problems: Problem[]): SphinxKey[] {
  const locate = lineLocator(text);
  const lineOf = (offset: number) => locate(offset).line;
  const error = (line: number, message: string, fix: string) =>
    problems.push({ severity: 'error', code: 'redirect-syntax', message, fix, at: { file, line } });
  const example =
    '{\n  "old/page.html": "https://docs.example.com/new/page.html",\n  "old/page.html#anchor": "https://docs.example.com/new/page.html#section"\n}';
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    // The first error: the ones after it are mostly its echo.
    for (const parseError of errors.slice(0, 1))
      error(
        lineOf(parseError.offset),
        `the Sphinx map is not valid JSON: ${printParseErrorCode(parseError.error)}`,
        `fix the JSON; the map is one object of old path to new URL:\n${example}`,
      );
    return [];
  }
  if (tree?.type !== 'object') {
    error(
      tree === undefined ? 1 : lineOf(tree.offset),
      'the Sphinx map must be a JSON object of old path to new URL',
      `write it as:\n${example}\n(from conf.py: python -c 'import json, conf; print(json.dumps(conf.redirects, indent=1))')`,
    );
    return [];
  }
  const keys: SphinxKey[] = [];
  const seen = new Map<string, number>();
  for (const property of tree.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name === undefined || typeof name.value !== 'string') continue;
    const line = lineOf(name.offset);
    if (value?.type !== 'string' || typeof value.value !== 'string' || value.value.trim() === '') {
      error(
        line,
        `key "${name.value}": the new URL must be a non-empty string`,
        `write "${name.value}": "https://docs.example.com/new/page.html"`,
      );
      continue;
    }
    const first = seen.get(name.value);
    if (first !== undefined) {
      error(
        line,
        `key "${name.value}" appears twice (first on line ${first}); JSON keeps only the last`,
        'keep one of the two lines',
      );
      continue;
    }
    seen.set(name.value, line);
    keys.push({ key: name.value, value: value.value, line });
  }
  return keys;
}
