import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guide, path, plan, site } from './support/redirect-fixtures.ts';
import { displayTarget } from '../../src/lib/redirects/locations.ts';
import { largestTable } from '../../src/lib/redirects/plan-redirects.ts';
import { fileOfSitePath } from '../../src/lib/site/output-paths.ts';
import { follow, landsOnContent } from '../../src/lib/redirects/follow.ts';
import { renderNetlifyRedirects } from '../../src/lib/redirects/netlify-redirects.ts';
import {
  nginxVariable,
  renderNginxMap,
  renderNginxRules,
} from '../../src/lib/redirects/nginx-rules.ts';
import { renderStubPage } from '../../src/lib/redirects/stub-page.ts';
import { objectRedirects, parseObjectRedirects } from '../../src/lib/redirects/object-redirects.ts';
import { anchorInsertions } from '../../src/lib/redirects/anchor-injection.ts';
import { livePageScript } from '../../src/lib/redirects/anchor-script.ts';
import { scanPage } from '../../src/lib/html/scan-page.ts';
import { applyInsertions } from '../../src/lib/html/splice.ts';
import { parseBase } from '../../src/lib/site-path.ts';

const ROOT = parseBase('/');
const PREVIEW = parseBase('/pr-123/');

const MAP = [
  '- from: /deployment/cluster.html',
  '  to: /ha/',
  '- from: /deployment/cluster.html#upgrade-guide',
  '  to: /ha/upgrade/#upgrade-guide',
  '- from: /deployment/cluster.html#proxy-server-configuration',
  '  to: /ha/deploy/#proxy-server',
  '- from: /ha/#old-name',
  '  to: /ha/#new-name',
  '- from: /old/guide/',
  '  to: /ha/deploy/',
].join('\n');

test('stubs, per-page tables, legacy ids and server moves come out of one plan', () => {
  const { plan: result, problems } = plan(MAP, guide());
  assert.deepEqual(problems, []);
  assert.deepEqual([...result.stubs.keys()], ['/deployment/cluster.html', '/old/guide/']);
  assert.deepEqual(
    [...result.stubs.get(path('/deployment/cluster.html'))!.table.keys()],
    ['upgrade-guide', 'proxy-server-configuration'],
  );
  // The overview page answers its own rename and the fragments a 301 from cluster.html delivers.
  const table = result.pageTables.get(path('/ha/'))!;
  assert.deepEqual(
    [...table].map(([key, route]) => `${key}=${displayTarget(route.target)}`),
    [
      'old-name=/ha/#new-name',
      'upgrade-guide=/ha/upgrade/#upgrade-guide',
      'proxy-server-configuration=/ha/deploy/#proxy-server',
    ],
  );
  assert.equal(
    result.pageTables.has(path('/ha/deploy/')),
    false,
    'a page gets only its own entries',
  );
  assert.deepEqual([...result.legacyIds.get(path('/ha/'))!], [['old-name', 'new-name']]);
  assert.deepEqual(
    result.serverRedirects.map((move) => move.from),
    ['/deployment/cluster.html', '/old/guide/'],
  );
  assert.equal(largestTable(result).size, 3);
  assert.equal(fileOfSitePath(path('/old/guide/')), 'old/guide/index.html');
  assert.equal(fileOfSitePath(path('/deployment/cluster.html')), 'deployment/cluster.html');
});

test('every source lands on the same content in static and server mode', () => {
  const index = guide();
  const { plan: result } = plan(MAP, index);
  const cases: Array<[string, string | null, string]> = [
    ['/deployment/cluster.html', null, '/ha/'],
    ['/deployment/cluster.html', 'upgrade-guide', '/ha/upgrade/#upgrade-guide'],
    ['/deployment/cluster.html', 'proxy-server-configuration', '/ha/deploy/#proxy-server'],
    ['/deployment/cluster.html', 'overview', '/ha/#overview'],
    ['/ha/', 'old-name', '/ha/#new-name'],
    ['/old/guide/', 'database', '/ha/deploy/#database'],
  ];
  for (const mode of ['static', 'server'] as const) {
    for (const [from, fragment, expected] of cases) {
      const landing = follow(result, index, { path: path(from), fragment }, mode);
      assert.equal(
        landing.kind === 'landed' ? displayTarget(landing.target) : 'not found',
        expected,
        `${mode} ${from}#${fragment}`,
      );
      assert.ok(landsOnContent(landing, index));
    }
  }
  const unknown = follow(result, index, { path: path('/ha/'), fragment: 'constructor' }, 'static');
  assert.equal(unknown.kind === 'landed' && displayTarget(unknown.target), '/ha/#constructor');
  assert.equal(landsOnContent(unknown, index), false);
});

test('two removed pages whose same fragment must go to different places clash only under a 301: reported with reason and fix', () => {
  const { problems } = plan(
    '- from: /a.html\n  to: /ha/\n- from: /a.html#setup\n  to: /ha/deploy/\n- from: /b.html\n  to: /ha/\n- from: /b.html#setup\n  to: /ha/upgrade/\n',
    guide(),
  );
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.at?.line, 7);
  assert.match(
    problems[0]!.message,
    /ambiguous under a server redirect: \/b\.html#setup goes to \/ha\/upgrade\/ but \/a\.html#setup \(line 3\) goes to \/ha\/deploy\/.*\/ha\/#setup/,
  );
  assert.match(problems[0]!.fix!, /different default pages/);
});

test('a removed anchor that a 301 would deliver onto a live section of the same name is ambiguous', () => {
  const { problems } = plan(
    '- from: /a.html\n  to: /ha/\n- from: /a.html#overview\n  to: /ha/deploy/\n',
    guide(),
  );
  assert.equal(problems.length, 1);
  assert.match(problems[0]!.message, /arrives at \/ha\/#overview, a live section there/);
});

test('a removed page whose default names a fragment keeps its stub instead of a 301 when its table matters', () => {
  const { plan: result, problems } = plan(
    '- from: /a.html\n  to: /ha/#overview\n- from: /a.html#x\n  to: /ha/deploy/\n- from: /b.html\n  to: /ha/#overview\n',
    guide(),
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(
    result.serverRedirects.map((move) => move.from),
    ['/b.html'],
  );
});

test('_redirects and nginx rules are base-aware and cover both spellings of a directory', () => {
  const { plan: result } = plan(MAP, guide());
  const netlify = renderNetlifyRedirects(result, PREVIEW, 'redirects.yaml');
  assert.match(netlify, /^\/pr-123\/deployment\/cluster\.html \/pr-123\/ha\/ 301$/m);
  assert.match(netlify, /^\/pr-123\/old\/guide \/pr-123\/ha\/deploy\/ 301$/m);
  assert.doesNotMatch(netlify, /!/);
  const rootNetlify = renderNetlifyRedirects(result, ROOT, 'redirects.yaml');
  assert.match(rootNetlify, /^\/old\/guide\/ \/ha\/deploy\/ 301$/m);
  const map = renderNginxMap(result, PREVIEW, 'redirects.yaml');
  assert.match(map, /^map \$uri \$docs_moved_to_pr_123 \{$/m);
  assert.match(map, /^ {4}default "";$/m);
  assert.match(map, /^ {4}"\/pr-123\/deployment\/cluster\.html" "\/pr-123\/ha\/";$/m);
  for (const spelling of [
    '/pr-123/old/guide/',
    '/pr-123/old/guide',
    '/pr-123/old/guide/index.html',
  ])
    assert.ok(map.includes(`    "${spelling}" "/pr-123/ha/deploy/";`), spelling);
  // One map and one if, however many pages moved: never a location block per move.
  assert.doesNotMatch(map, /location/);
  const rules = renderNginxRules(result, PREVIEW, 'redirects.yaml');
  assert.match(
    rules,
    /^if \(\$docs_moved_to_pr_123 != ""\) \{\n {4}return 301 \$docs_moved_to_pr_123;\n\}$/m,
  );
  assert.doesNotMatch(rules, /location/);
  assert.equal(nginxVariable(ROOT), '$docs_moved_to');
});

test("object redirects name each moved page's stub object and its new page under the base", () => {
  const { plan: result } = plan(MAP, guide());
  const redirects = objectRedirects(result, PREVIEW);
  assert.deepEqual(redirects, {
    'deployment/cluster.html': '/pr-123/ha/',
    'old/guide/index.html': '/pr-123/ha/deploy/',
  });
  assert.deepEqual(
    [...parseObjectRedirects(JSON.stringify(redirects), 'x.json')],
    Object.entries(redirects),
  );
  // S3 takes only a path or an http(s) URL.
  assert.throws(
    () => parseObjectRedirects('{"a.html":"javascript:alert(1)"}', 'x.json'),
    /x\.json: the location of "a\.html" is not a URL path/,
  );
  assert.throws(() => parseObjectRedirects('[]', 'x.json'), /x\.json is not an object/);
});

test('nginx map values cannot expand variables, and keys hold quotes and backslash-free odd characters safely', () => {
  const index = site({ '/a$b/': [] });
  const { plan: result, problems } = plan(
    `- from: /x.html\n  to: /a$b/\n- from: '/q"u;{o}te''s$.html'\n  to: /a$b/\n`,
    index,
  );
  assert.deepEqual(problems, []);
  const map = renderNginxMap(result, ROOT, 'r');
  assert.match(map, /^ {4}"\/x\.html" "\/a%24b\/";$/m);
  assert.ok(map.includes(`    "/q\\"u;{o}te's$.html" "/a%24b/";`), map);
});

test('the map asks nginx for hash sizes that hold its longest path and all its keys', () => {
  const long = `/${'x'.repeat(300)}.html`;
  const pages: Record<string, Array<[string, string]>> = { '/t/': [] };
  const lines = [`- from: ${long}\n  to: /t/`];
  for (let n = 0; n < 3000; n += 1) lines.push(`- from: /old/${n}.html\n  to: /t/`);
  const { plan: result } = plan(lines.join('\n'), site(pages));
  const map = renderNginxMap(result, ROOT, 'r');
  assert.equal(/map_hash_bucket_size (\d+);/.exec(map)?.[1], '2048');
  assert.equal(/map_hash_max_size (\d+);/.exec(map)?.[1], '8192');
});

test('a stub maps the hash, keeps it on the default, refreshes without JS, shows a link and is noindex', () => {
  const { plan: result } = plan(MAP, guide());
  const stub = result.stubs.get(path('/deployment/cluster.html'))!;
  const html = renderStubPage({ stub, base: PREVIEW, targetTitle: 'High <availability>' });
  assert.match(html, /<meta name="robots" content="noindex">/);
  assert.match(
    html,
    /<noscript><meta http-equiv="refresh" content="0; url=\/pr-123\/ha\/"><\/noscript>/,
  );
  assert.match(html, /<a href="\/pr-123\/ha\/">High &lt;availability&gt;<\/a>/);
  assert.match(html, /\["upgrade-guide","\/pr-123\/ha\/upgrade\/#upgrade-guide"\]/);
  assert.match(html, /"\/pr-123\/ha\/"\+location\.hash/);
});

test('the head script goes after <meta charset>, old ids stand just before their new heading, nothing else moves', () => {
  const page =
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title></head><body><h2 id="intro">I</h2><h2 id="new-name">N</h2></body></html>';
  const { plan: result } = plan(MAP, guide());
  const script = livePageScript(result.pageTables.get(path('/ha/'))!, path('/ha/'), ROOT);
  const points = scanPage(page, { editPoints: true }).editPoints!;
  const { insertions, missingTargets } = anchorInsertions(points, {
    headScript: script,
    legacyIds: new Map([
      ['old-name', 'new-name'],
      ['gone', 'missing'],
    ]),
  });
  const html = applyInsertions(page, insertions);
  assert.equal(
    html,
    page
      .replace('<meta charset="utf-8">', `<meta charset="utf-8">${script}`)
      .replace(
        '<h2 id="new-name">',
        '<span id="old-name" data-legacy-anchor></span><h2 id="new-name">',
      ),
  );
  assert.deepEqual(missingTargets, ['gone']);
  assert.match(script, /\["old-name","#new-name"\]/);
});

test('script tables cannot close their <script> element', () => {
  const index = site({ '/ha/': [['new', 'New']] });
  const { plan: result, problems } = plan(
    '- from: "/ha/#</script><script>alert(1)</script>"\n  to: /ha/#new\n',
    index,
  );
  assert.deepEqual(problems, []);
  const script = livePageScript(result.pageTables.get(path('/ha/'))!, path('/ha/'), ROOT);
  assert.equal(script.indexOf('</script>'), script.length - '</script>'.length);
});

test("a reader's anchor carries over to a page that moved to another site, as a browser carries it", () => {
  const index = guide();
  const { plan: result, problems } = plan(
    '- from: /old.html\n  to: https://docs.mattermost.com/marketplace/\n- from: /gone.html\n  to: https://docs.mattermost.com/marketplace/#apps\n',
    index,
  );
  assert.deepEqual(problems, []);
  for (const mode of ['static', 'server'] as const) {
    const carried = follow(result, index, { path: path('/old.html'), fragment: 'a b' }, mode);
    assert.equal(
      carried.kind === 'landed' && displayTarget(carried.target),
      'https://docs.mattermost.com/marketplace/#a%20b',
      mode,
    );
    const named = follow(result, index, { path: path('/gone.html'), fragment: 'x' }, mode);
    assert.equal(
      named.kind === 'landed' && displayTarget(named.target),
      'https://docs.mattermost.com/marketplace/#apps',
    );
  }
});
