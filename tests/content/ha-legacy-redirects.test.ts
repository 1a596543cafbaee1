/**
 * Every URL and heading anchor the old site published for the high availability guide has an
 * entry in `content/redirects.yaml`, and each lands on a section that exists in the built
 * guide. (How entries are resolved and served is proven by the redirect tests; this file proves
 * the guide's data is complete and points at real sections.)
 *
 * The legacy list is read from `../shared/ha-guide/legacy-anchors.json` beside the project, or
 * from `LEGACY_ANCHORS_FILE`. A checkout without that file uses the project's own record of it:
 * the pages of `content/anchors.lock.json` that were seeded from it (a lock entry is never
 * removed without a reviewed hand edit). Run after a build: npx node --test 'tests/content/*.test.ts'
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { projectRoot } from './support/guide-sources.ts';

const SECTION = '/administration-guide/scale/high-availability/';
const distDir = resolve(projectRoot, process.env.DIST_DIR ?? 'dist');
const legacyFile = resolve(projectRoot, process.env.LEGACY_ANCHORS_FILE ?? '../shared/ha-guide/legacy-anchors.json');

interface LegacyAnchor { id: string }
interface LegacyPage { url: string; anchors: LegacyAnchor[]; anchors_of_2025_restructure_draft?: LegacyAnchor[]; also_carried?: string }
interface Entry { from: string; to: string }

function legacyPages(): LegacyPage[] {
  assert.ok(existsSync(legacyFile), `${legacyFile} is missing: it lists the old guide's URLs and anchors (set LEGACY_ANCHORS_FILE to its path)`);
  return (JSON.parse(readFileSync(legacyFile, 'utf8')) as { pages: LegacyPage[] }).pages;
}

/** The legacy pages as the anchors lock recorded them when it was seeded from legacy-anchors.json. */
function legacyLocationsFromLock(): string[] {
  const lock = JSON.parse(readFileSync(join(projectRoot, 'content/anchors.lock.json'), 'utf8')) as { pages: { url: string; source: string; anchors: LegacyAnchor[] }[] };
  const pages = lock.pages.filter((page) => page.source.includes('legacy-anchors.json'));
  assert.ok(pages.length > 0, 'content/anchors.lock.json records no page from legacy-anchors.json');
  return pages.flatMap((page) => [page.url, ...page.anchors.map((anchor) => `${page.url}#${anchor.id}`)]);
}

/** Every (url, id) the old site published: each era's anchors, and the anchors a page carried over from another. */
function legacyLocations(): string[] {
  if (process.env.LEGACY_ANCHORS_FILE === undefined && !existsSync(legacyFile)) return legacyLocationsFromLock();
  const pages = legacyPages();
  const locations = new Set<string>();
  for (const page of pages) {
    const ids = [...page.anchors, ...(page.anchors_of_2025_restructure_draft ?? [])].map((anchor) => anchor.id);
    const carried = page.also_carried?.match(/of (\/\S+\.html)/)?.[1];
    if (page.also_carried !== undefined) {
      const source = pages.find((other) => other.url === carried);
      assert.ok(source, `legacy-anchors.json: "${page.url}" carries the anchors of "${carried}", which is not listed`);
      ids.push(...source.anchors.map((anchor) => anchor.id));
    }
    locations.add(page.url);
    for (const id of ids) locations.add(`${page.url}#${id}`);
  }
  return [...locations];
}

function redirectEntries(): Entry[] {
  const entries = parse(readFileSync(join(projectRoot, 'content/redirects.yaml'), 'utf8')) as Entry[];
  assert.ok(Array.isArray(entries), 'content/redirects.yaml must be a YAML list');
  return entries;
}

/** The ids of a built page. */
function builtIds(sitePath: string): Set<string> {
  const file = join(distDir, sitePath, 'index.html');
  assert.ok(existsSync(file), `${file} is missing: run \`npm run build\` first (or point DIST_DIR at a built site)`);
  return new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
}

test('every legacy URL and anchor of the guide has a redirect entry', () => {
  const from = new Set(redirectEntries().map((entry) => entry.from));
  const locations = legacyLocations();
  assert.ok(locations.length >= 120, `expected the three eras and older paths to publish over 120 locations, found ${locations.length}`);
  const missing = locations.filter((location) => !from.has(location));
  assert.deepEqual(missing, [], 'legacy locations with no entry in content/redirects.yaml');
});

test('an old anchor has one target, whichever old page it was on', () => {
  // A server answers every old page with a 301 to the overview, so the fragments of all of
  // them meet in the overview's table: one id can only go one way.
  const targets = new Map<string, string>();
  const clashes: string[] = [];
  for (const entry of redirectEntries()) {
    const id = entry.from.split('#')[1];
    if (id === undefined) continue;
    const earlier = targets.get(id);
    if (earlier !== undefined && earlier !== entry.to) clashes.push(`#${id}: ${earlier} and ${entry.to}`);
    targets.set(id, entry.to);
  }
  assert.deepEqual(clashes, []);
});

test('every legacy entry lands on a section of the built guide', () => {
  const legacy = new Set(legacyLocations());
  const wrong: string[] = [];
  for (const entry of redirectEntries().filter((item) => legacy.has(item.from))) {
    const [path = '', id] = entry.to.split('#');
    if (!path.startsWith(SECTION)) {
      wrong.push(`${entry.from} -> ${entry.to}: outside ${SECTION}`);
      continue;
    }
    if (id !== undefined && !builtIds(path).has(id)) wrong.push(`${entry.from} -> ${entry.to}: no id "${id}" on ${path}`);
  }
  assert.deepEqual(wrong, []);
});

/** The visible text of a built section: its heading and everything up to the next heading of the same or a higher level. */
function builtSectionText(sitePath: string, id: string): string {
  const file = join(distDir, sitePath, 'index.html');
  assert.ok(existsSync(file), `${file} is missing: run \`npm run build\` first (or point DIST_DIR at a built site)`);
  const document = parseDocument(readFileSync(file, 'utf8'));
  const target = DomUtils.findOne((element) => element.attribs.id === id, document.children, true);
  assert.ok(target, `${sitePath}: no element with id "${id}"`);
  const heading = /^h[1-6]$/.test(target.name) ? target : (DomUtils.findOne((element) => /^h[1-6]$/.test(element.name), DomUtils.nextElementSibling(target) ? [DomUtils.nextElementSibling(target)!] : [], true) ?? target);
  const level = Number(heading.name.slice(1));
  const start = heading.parent && (heading.parent as Element).attribs.class?.includes('heading-wrapper') ? (heading.parent as Element) : heading;
  const levelOf = (element: Element): number | undefined => {
    const inner = /^h[1-6]$/.test(element.name) ? element : DomUtils.findOne((child) => /^h[1-6]$/.test(child.name), element.children, false);
    return inner ? Number(inner.name.slice(1)) : undefined;
  };
  const parts = [DomUtils.textContent(heading)];
  for (let next = DomUtils.nextElementSibling(start); next; next = DomUtils.nextElementSibling(next)) {
    const nextLevel = levelOf(next);
    if (nextLevel !== undefined && nextLevel <= level) break;
    parts.push(DomUtils.textContent(next));
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

test('old anchors land on a section that covers what they used to cover', () => {
  // What each old section was about, in words its new home must contain.
  const topics: Record<string, RegExp[]> = {
    'next-steps': [/Calls/, /Redis/, /[Ee]nterprise search|Elasticsearch/, /Prometheus|[Mm]onitoring/],
    'requirements-for-continuous-operation': [/100% of the load/, /one at a time/, /about 5 seconds/, /about 30 seconds/],
    'continuous-operation': [/100% of the load/, /one at a time/, /about 5 seconds/, /about 30 seconds/],
  };
  const entries = redirectEntries();
  for (const [id, words] of Object.entries(topics)) {
    const targets = new Set(entries.filter((entry) => entry.from.endsWith(`#${id}`)).map((entry) => entry.to));
    assert.ok(targets.size === 1, `#${id}: expected one target, found ${[...targets].join(', ') || 'none'}`);
    const [target] = [...targets];
    const [path = '', anchor] = target!.split('#');
    assert.ok(anchor, `#${id} must land on a section, not the top of ${path}`);
    const text = builtSectionText(path, anchor);
    const missing = words.filter((word) => !word.test(text)).map(String);
    assert.deepEqual(missing, [], `#${id} lands on ${target}, whose section does not cover its old topic`);
  }
});
