/**
 * The Sphinx-era map import on the whole of the real Mattermost map: a malformed map is one clear
 * error, every address imported once with its page default, the map's bytes kept when appending,
 * and only entries the build's planner accepts written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendToMap, fitToSite } from '../../src/lib/redirects/append-imported.ts';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { displayLocation, displayTarget } from '../../src/lib/redirects/locations.ts';
import { path, site } from './support/redirect-fixtures.ts';
import {
  FIXTURES,
  SPHINX,
  PAGES,
  ALLOWED,
  slice,
  run,
  written,
  errors,
  warnings,
} from './support/sphinx-fixture.ts';

test('a malformed map is one error naming the file and line, never an exception', () => {
  const trailingComma = run('{\n "a.html": "https://docs.mattermost.com/b.html",\n}\n');
  assert.deepEqual(errors(trailingComma), [
    '3: the Sphinx map is not valid JSON: PropertyNameExpected',
  ]);
  assert.equal(trailingComma.problems[0]!.at?.file, 'sphinx.json');
  assert.deepEqual(errors(run('[1, 2]')), [
    '1: the Sphinx map must be a JSON object of old path to new URL',
  ]);
  assert.deepEqual(errors(run('{\n "a.html": 3\n}')), [
    '2: key "a.html": the new URL must be a non-empty string',
  ]);
  assert.deepEqual(
    errors(
      run(
        '{\n "about/cloud-shared.html": "https://docs.mattermost.com/product-overview/cloud-shared.html",\n "about/cloud-shared.html": "https://docs.mattermost.com/x.html"\n}',
      ),
    ),
    ['3: key "about/cloud-shared.html" appears twice (first on line 2); JSON keeps only the last'],
  );
});

test('the whole fixture: one entry per address, every anchor with its page default, every target a page of the site', () => {
  const result = run(readFileSync(join(FIXTURES, 'mattermost-redirects-2026.json'), 'utf8'), {
    allowedHosts: [
      ...ALLOWED,
      'developers.mattermost.com',
      'handbook.mattermost.com',
      'github.com',
      'forum.mattermost.com',
      'api.mattermost.com',
    ],
  });
  assert.equal(result.summary.keys, 2166);
  const froms = result.entries.map((entry) => displayLocation(entry.from));
  assert.equal(new Set(froms).size, froms.length, 'no address written twice');
  const defaults = new Set(
    result.entries.filter((entry) => entry.from.fragment === null).map((entry) => entry.from.path),
  );
  for (const entry of result.entries) {
    if (entry.from.fragment !== null)
      assert.ok(
        defaults.has(entry.from.path),
        `${displayLocation(entry.from)} has its page default`,
      );
    if (entry.to.kind === 'site')
      assert.ok(PAGES.has(entry.to.path), `${displayTarget(entry.to)} is a page of the site`);
  }
  // Every key is accounted for: written, or reported as an error.
  assert.equal(
    result.summary.imported + result.summary.leftOut + 1,
    result.summary.keys,
    'one duplicate key was imported once',
  );
  assert.equal(
    result.summary.anchors,
    result.entries.filter((entry) => entry.from.fragment !== null).length,
  );
  assert.ok(result.summary.anchors > 1000, `${result.summary.anchors} anchor entries`);
});

test('appending keeps every byte of the map, and an empty map keeps its comments', () => {
  const existing = '# Moves.\n- from: /a.html\n  to: /b/ # kept as written\n';
  const entries = [
    {
      from: { path: path('/c.html'), fragment: 'x y' },
      to: { kind: 'site' as const, path: path('/d/'), fragment: null },
      line: 2,
    },
    {
      from: { path: path('/c.html'), fragment: null },
      to: { kind: 'site' as const, path: path('/d/'), fragment: 'a: b' },
      line: 3,
      note: 'inferred',
    },
  ];
  const text = appendToMap(existing, entries, 'Imported from x.json.');
  assert.ok(text.startsWith(existing));
  const parsed = parseRedirectMap(text, 'redirects.yaml', ALLOWED);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(
    parsed.entries.map((entry) => `${displayLocation(entry.from)} -> ${displayTarget(entry.to)}`),
    ['/a.html -> /b/', '/c.html#x y -> /d/', '/c.html -> /d/#a: b'],
  );
  assert.equal(parsed.entries[2]!.note, 'inferred');
  const fresh = appendToMap('# The map.\n[]\n', entries, 'Imported.');
  assert.match(fresh, /^# The map\.\n\n# Imported\.\n- from:/);
  assert.equal(parseRedirectMap(fresh, 'r', ALLOWED).entries.length, 2);
  assert.throws(
    () => appendToMap('[{ from: /a.html, to: /b/ }]\n', entries, 'x'),
    /not a YAML block list/,
  );
});

test("entries the build would reject are left out with the planner's reason; the rest plan cleanly", () => {
  const index = site({ '/d/': [['setup', 'Setup']] });
  const entries = [
    {
      from: { path: path('/c.html'), fragment: null },
      to: { kind: 'site' as const, path: path('/d/'), fragment: null },
      line: 2,
    },
    {
      from: { path: path('/c.html'), fragment: 'a' },
      to: { kind: 'site' as const, path: path('/d/'), fragment: 'setup' },
      line: 3,
    },
    {
      from: { path: path('/c.html'), fragment: 'b' },
      to: { kind: 'site' as const, path: path('/d/'), fragment: 'gone' },
      line: 4,
    },
  ];
  const fitted = fitToSite('', entries, {
    index,
    mapFile: 'redirects.yaml',
    allowedHosts: ALLOWED,
    comment: 'Imported.',
  });
  assert.deepEqual(fitted.entries, entries.slice(0, 2));
  assert.equal(fitted.rejected.length, 1);
  assert.equal(fitted.rejected[0]!.entry, entries[2]);
  assert.match(fitted.rejected[0]!.problem.message, /\/d\/ has no element with id "gone"/);
  assert.doesNotMatch(fitted.text, /gone/);
});

test('two spellings of one address that agree are imported once, with a warning', () => {
  const result = run(
    slice(['install/install-rhel-8', 'install/install-rhel-8.html'], {
      'install/install-rhel-8.html': SPHINX['install/install-rhel-8']!,
    }),
  );
  assert.deepEqual(errors(result), []);
  assert.equal(
    written(result).filter((entry) => entry.startsWith('/install/install-rhel-8.html ->')).length,
    1,
  );
  assert.match(
    warnings(result).join('\n'),
    /^3: key "install\/install-rhel-8\.html" is the address of key "install\/install-rhel-8" \(line 2\), with the same value; imported once/m,
  );
});
