/**
 * The Sphinx-era map import, on slices of the real 2,166-entry Mattermost map
 * (tests/fixtures/mattermost/mattermost-redirects-2026.json) against its real page list: what each kind
 * of key and value becomes, chains, cycles, targets outside the site, entries left alone, and
 * the text written back to the map.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { displayLocation } from '../../src/lib/redirects/locations.ts';
import { ALLOWED, slice, run, written, errors, warnings } from './support/sphinx-fixture.ts';

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
