/** The real Sphinx-era Mattermost map and page list, and how the import tests run the import on slices of it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  importSphinxMap,
  type SphinxImportInput,
} from '../../../src/lib/redirects/import-sphinx.ts';
import { displayLocation, displayTarget } from '../../../src/lib/redirects/locations.ts';
import type { SitePath } from '../../../src/lib/site-path.ts';

export const FIXTURES = join(import.meta.dirname, '../../../../../tests/fixtures/mattermost');
export const SPHINX = JSON.parse(
  readFileSync(join(FIXTURES, 'mattermost-redirects-2026.json'), 'utf8'),
) as Record<string, string>;
export const PAGES = new Set(
  readFileSync(join(FIXTURES, 'mattermost-pages-2026.txt'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((page) => `/${page}/` as SitePath),
);
export const ALLOWED = ['docs.mattermost.com', 'mattermost.com'];

/** A Sphinx map of some keys of the fixture, with the fixture's values unless given: key N is on line N + 1. */
export function slice(keys: readonly string[], values: Record<string, string> = {}): string {
  const rows = keys.map((key) => {
    const value = values[key] ?? SPHINX[key];
    assert.ok(value !== undefined, `the fixture has no key "${key}"`);
    return ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${rows.join(',\n')}\n}\n`;
}

export function run(text: string, overrides: Partial<SphinxImportInput> = {}) {
  return importSphinxMap({
    text,
    file: 'sphinx.json',
    host: 'docs.mattermost.com',
    pages: PAGES,
    existing: [],
    allowedHosts: ALLOWED,
    ...overrides,
  });
}

/** `from -> to` of every entry. */
export const written = (result: ReturnType<typeof run>) =>
  result.entries.map((entry) => `${displayLocation(entry.from)} -> ${displayTarget(entry.to)}`);
export const errors = (result: ReturnType<typeof run>) =>
  result.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.at?.line}: ${problem.message}`);
export const warnings = (result: ReturnType<typeof run>) =>
  result.problems
    .filter((problem) => problem.severity === 'warning')
    .map((problem) => `${problem.at?.line}: ${problem.message}`);
