/**
 * The Sphinx-era map import, on slices of the real 2,166-entry Mattermost map
 * (tests/fixtures/mattermost/mattermost-redirects-2026.json) against its real page list: what each kind
 * of key and value becomes, chains, cycles, targets outside the site, entries left alone, and
 * the text written back to the map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSphinxMap, type SphinxImportInput } from '../../src/lib/redirects/import-sphinx.ts';
import { appendToMap, fitToSite } from '../../src/lib/redirects/append-imported.ts';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { displayLocation, displayTarget } from '../../src/lib/redirects/locations.ts';
import type { SitePath } from '../../src/lib/site-path.ts';
import { path, site } from './support/redirect-fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../../../../tests/fixtures/mattermost');
const SPHINX = JSON.parse(
  readFileSync(join(FIXTURES, 'mattermost-redirects-2026.json'), 'utf8'),
) as Record<string, string>;
const PAGES = new Set(
  readFileSync(join(FIXTURES, 'mattermost-pages-2026.txt'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((page) => `/${page}/` as SitePath),
);
const ALLOWED = ['docs.mattermost.com', 'mattermost.com'];

/** A Sphinx map of some keys of the fixture, with the fixture's values unless given: key N is on line N + 1. */
function slice(keys: readonly string[], values: Record<string, string> = {}): string {
  const rows = keys.map((key) => {
    const value = values[key] ?? SPHINX[key];
    assert.ok(value !== undefined, `the fixture has no key "${key}"`);
    return ` ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${rows.join(',\n')}\n}\n`;
}

function run(text: string, overrides: Partial<SphinxImportInput> = {}) {
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
const written = (result: ReturnType<typeof run>) =>
  result.entries.map((entry) => `${displayLocation(entry.from)} -> ${displayTarget(entry.to)}`);
const errors = (result: ReturnType<typeof run>) =>
  result.problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => `${problem.at?.line}: ${problem.message}`);
const warnings = (result: ReturnType<typeof run>) =>
  result.problems
    .filter((problem) => problem.severity === 'warning')
    .map((problem) => `${problem.at?.line}: ${problem.message}`);

test('a removed page and its anchors become site paths; the .html address of the target page is kept alive too', () => {
  const result = run(
    slice([
      'about/cloud-subscriptions.html',
      'about/cloud-subscriptions.html#buy-a-cloud-subscription',
      'about/faq-enterprise.html#what-are-mattermost-s-policies-around-licensing-terms-of-use-and-privacy',
    ]),
  );
  assert.deepEqual(errors(result), []);
  assert.deepEqual(written(result), [
    '/about/cloud-subscriptions.html -> /product-overview/cloud-subscriptions/',
    '/about/cloud-subscriptions.html#buy-a-cloud-subscription -> /product-overview/cloud-subscriptions/',
    '/about/faq-enterprise.html -> /product-overview/faq-license/',
    '/about/faq-enterprise.html#what-are-mattermost-s-policies-around-licensing-terms-of-use-and-privacy -> /product-overview/faq-license/#what-are-mattermost-s-policies-around-licensing-terms-of-use-and-privacy',
    '/product-overview/cloud-subscriptions.html -> /product-overview/cloud-subscriptions/',
    '/product-overview/faq-license.html -> /product-overview/faq-license/',
  ]);
  assert.equal(result.summary.anchors, 2);
  assert.equal(result.summary.aliases, 2);
  assert.equal(result.summary.inferredDefaults, 1);
  assert.match(
    warnings(result).join('\n'),
    /^4: \/about\/faq-enterprise\.html has mapped anchors but no key of its own/m,
  );
});

test("a chain is written as where it ends, carrying the reader's anchor through a page move", () => {
  const result = run(
    slice([
      'about/faq-business.html',
      'product-overview/faq-business.html',
      'deploy/legacy-self-hosted-changelog.html',
      'deploy/legacy-self-hosted-changelog.html#release-v9-0-major-release',
      'product-overview/mattermost-v9-changelog.html',
    ]),
  );
  assert.deepEqual(errors(result), []);
  const entries = written(result);
  assert.ok(
    entries.includes('/about/faq-business.html -> /product-overview/faq-license/'),
    entries.join('\n'),
  );
  assert.ok(
    entries.includes(
      '/deploy/legacy-self-hosted-changelog.html#release-v9-0-major-release -> /product-overview/unsupported-legacy-releases/#release-v9-0-major-release',
    ),
    entries.join('\n'),
  );
  assert.equal(result.summary.chains, 2);
});

test('a key for the exact old anchor wins over the live page of the same name', () => {
  const result = run(
    slice(
      [
        'administration-guide/onboard/migrating-to-mattermost.html#migrate-from-slack',
        'onboard/migrating.html#migrating-from-slack-using-the-mattermost-web-app',
      ],
      {
        'onboard/migrating.html#migrating-from-slack-using-the-mattermost-web-app':
          'https://docs.mattermost.com/administration-guide/onboard/migrating-to-mattermost.html#migrate-from-slack',
      },
    ),
  );
  assert.deepEqual(errors(result), []);
  assert.ok(
    written(result).includes(
      '/onboard/migrating.html#migrating-from-slack-using-the-mattermost-web-app -> /administration-guide/onboard/migrating-to-mattermost/#move-from-slack',
    ),
    written(result).join('\n'),
  );
  // The live page's own old address gets its default before its first anchor entry.
  assert.deepEqual(written(result).slice(0, 2), [
    '/administration-guide/onboard/migrating-to-mattermost.html -> /administration-guide/onboard/migrating-to-mattermost/',
    '/administration-guide/onboard/migrating-to-mattermost.html#migrate-from-slack -> /administration-guide/onboard/migrating-to-mattermost/#move-from-slack',
  ]);
});

test('a cycle is reported at each key in it, with the loop spelled out, and nothing of it is written', () => {
  const result = run(
    slice(['about/cloud-dedicated.html', 'about/cloud-shared.html'], {
      'about/cloud-dedicated.html': 'https://docs.mattermost.com/about/cloud-shared.html',
      'about/cloud-shared.html': 'https://docs.mattermost.com/about/cloud-dedicated.html',
    }),
  );
  assert.deepEqual(result.entries, []);
  assert.deepEqual(errors(result), [
    '2: key "about/cloud-dedicated.html" is part of a redirect cycle: /about/cloud-dedicated.html -> /about/cloud-shared.html -> /about/cloud-dedicated.html -> /about/cloud-shared.html',
    '3: key "about/cloud-shared.html" is part of a redirect cycle: /about/cloud-shared.html -> /about/cloud-dedicated.html -> /about/cloud-shared.html -> /about/cloud-dedicated.html',
  ]);
  assert.match(result.problems[0]!.fix!, /point one of these keys at a page/);
  assert.equal(result.summary.leftOut, 2);
});

test('a target that is not a page of the site is an error at its line, with the closest page as a suggestion', () => {
  const result = run(
    slice(['about/cloud-shared.html', 'about/embed-mattermost-within-microsoft-teams.html']),
  );
  assert.deepEqual(written(result), [
    '/about/cloud-shared.html -> /product-overview/cloud-shared/',
    '/product-overview/cloud-shared.html -> /product-overview/cloud-shared/',
  ]);
  assert.deepEqual(errors(result), [
    '3: key "about/embed-mattermost-within-microsoft-teams.html" goes to /use-case-guide/maximize-microsoft-investment.html, which is outside this site: no page at /use-case-guide/maximize-microsoft-investment/ and no redirect from /use-case-guide/maximize-microsoft-investment.html',
  ]);
  const problem = result.problems.find((candidate) => candidate.severity === 'error')!;
  assert.equal(problem.code, 'redirect-target');
  assert.equal(problem.at?.file, 'sphinx.json');
  assert.match(problem.fix!, /did you mean \/use-case-guide\/maximize-microsoft-investments\/\?/);
});

test('a target on another host is imported only when the site allows that host', () => {
  const keys = ['about/mattermost-customizable-ai-bot-framework.html'];
  const refused = run(slice(keys));
  assert.deepEqual(refused.entries, []);
  assert.match(
    errors(refused)[0]!,
    /^2: .*goes outside this site: .*github\.com, which is not an allowed redirect host/,
  );
  assert.match(refused.problems[0]!.fix!, /siteConfig\.redirectHosts in src\/config\.ts/);
  const allowed = run(slice(keys), { allowedHosts: [...ALLOWED, 'github.com'] });
  assert.deepEqual(written(allowed), [
    '/about/mattermost-customizable-ai-bot-framework.html -> https://github.com/mattermost/openops#readme',
  ]);
});

test('entries already in the map are left alone, and count as the way on for chains', () => {
  const existing = parseRedirectMap(
    '- from: /about/cloud-shared.html\n  to: /product-overview/cloud-dedicated/\n- from: /old/faq.html\n  to: /product-overview/faq-license/\n',
    'redirects.yaml',
    ALLOWED,
  ).entries;
  const result = run(
    slice(['about/cloud-shared.html', 'about/cloud-dedicated.html'], {
      'about/cloud-dedicated.html': 'https://docs.mattermost.com/old/faq.html',
    }),
    { existing },
  );
  assert.deepEqual(errors(result), []);
  assert.equal(result.summary.kept, 1);
  assert.deepEqual(written(result), [
    '/about/cloud-dedicated.html -> /product-overview/faq-license/',
  ]);
});

test('keys the old site spelled loosely are read as the page they meant, each with a warning', () => {
  const result = run(
    slice([
      'administration/config-settings#post-edit-time-limit.html',
      'configure/experimental-configuration-settings.rst#remote-clusters',
      'focalboard/installing-boards',
      'administration/performance-alerting-guide',
      'administration/performance-alerting-guide.html',
    ]),
    { allowedHosts: [...ALLOWED, 'github.com'] },
  );
  const froms = result.entries.map((entry) => displayLocation(entry.from));
  assert.ok(
    froms.includes('/administration/config-settings.html#post-edit-time-limit'),
    froms.join('\n'),
  );
  assert.ok(froms.includes('/configure/experimental-configuration-settings.html#remote-clusters'));
  assert.ok(froms.includes('/focalboard/installing-boards.html'));
  // Two spellings of one address with different values: the first is imported, the second refused.
  assert.equal(
    froms.filter((from) => from === '/administration/performance-alerting-guide.html').length,
    1,
  );
  assert.match(
    errors(result).join('\n'),
    /^6: key "administration\/performance-alerting-guide\.html" is the address of key "administration\/performance-alerting-guide" \(line 5\), which goes to "https:\/\/docs\.mattermost\.com\/administration-guide\/scale\/deploy-prometheus-grafana-for-performance-monitoring\.html" instead of/m,
  );
  const said = warnings(result).join('\n');
  assert.match(
    said,
    /^2: .*has "\.html" after its #fragment; read as \/administration\/config-settings\.html#post-edit-time-limit/m,
  );
  assert.match(
    said,
    /^3: .*names a source file; read as \/configure\/experimental-configuration-settings\.html/m,
  );
  assert.match(said, /^4: .*has no extension; read as the page Sphinx published for it/m);
});

test('values with slips are read as meant or refused, each named at its key', () => {
  const result = run(
    slice([
      'about/faq-community.html',
      'deploy/postgres-migration.html',
      'deploy/postgres-migration.html#migrate-the-data',
      'deploy/manual-postgres-migration.html',
      'install/install-rhel-8.html#download-the-latest-mattermost-server-tarball',
      'mobile/mobile-compile yourself.html',
      'upgrade/upgrade_mattermost.sh',
    ]),
  );
  assert.ok(
    written(result).includes(
      '/about/faq-community.html -> /get-help/contribute-to-documentation/#frequently-asked-questions',
    ),
    written(result).join('\n'),
  );
  assert.ok(
    written(result).includes(
      '/deploy/postgres-migration.html#migrate-the-data -> /deployment-guide/manual-postgres-migration/#migrate-the-data',
    ),
    written(result).join('\n'),
  );
  assert.match(
    warnings(result).join('\n'),
    /^4: .*is relative and names nothing from \/deploy\/postgres-migration\.html \(\/deploy\/deploy\/manual-postgres-migration\.html\); read from the site root/m,
  );
  assert.deepEqual(
    errors(result).map((line) => line.replace(/:.*?(is not an|has a|is not a page)/, ': $1')),
    [
      '6: is not an http(s) URL; did you mean "https://docs.mattermost.com/deployment-guide/server/deploy-linux.html"?',
      '7: has a space in its path, and the map holds paths without spaces',
      '8: is not a page but a .sh file; the map redirects pages and their anchors only',
    ],
  );
});

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
