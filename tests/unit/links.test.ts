import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUrl, outputFileToSitePath } from '../../src/lib/links/site-paths.ts';
import { findTargetFile } from '../../src/lib/links/target-file.ts';
import { parseRedirectMap } from '../../src/lib/links/redirect-map.ts';
import { redirectLookup } from '../../src/lib/links/redirect-lookup.ts';
import { redirectsFileTargets, sitemapLocations } from '../../src/lib/links/other-outputs.ts';
import { findWrittenUrl, writtenForms, sourceCandidates, assignSources } from '../../src/lib/links/source-map.ts';
import { formatReport } from '../../src/lib/links/format.ts';
import { checkInternalLinks, type SiteModel } from '../../src/lib/links/check-internal.ts';
import type { Problem } from '../../src/lib/links/problem.ts';

const ORIGIN = 'https://docs.example.com';

test('output files map to the URLs they are served at', () => {
  assert.equal(outputFileToSitePath('index.html'), '/');
  assert.equal(outputFileToSitePath('a/b/index.html'), '/a/b/');
  assert.equal(outputFileToSitePath('404.html'), '/404.html');
  assert.equal(outputFileToSitePath('deployment/cluster.html'), '/deployment/cluster.html');
});

test('URLs are classified relative to the page, the base and the site origin', () => {
  const base = '/pr-123/';
  assert.deepEqual(classifyUrl('/pr-123/a/b/#Sec', '/x/', base, ORIGIN), { kind: 'internal', path: '/a/b/', fragment: 'Sec' });
  assert.deepEqual(classifyUrl('../c/', '/a/b/', base, ORIGIN), { kind: 'internal', path: '/a/c/', fragment: null });
  assert.deepEqual(classifyUrl('#caf%C3%A9', '/a/', base, ORIGIN), { kind: 'internal', path: '/a/', fragment: 'café' });
  assert.deepEqual(classifyUrl('#', '/a/', base, ORIGIN), { kind: 'internal', path: '/a/', fragment: '' });
  assert.deepEqual(classifyUrl('/a/', '/x/', base, ORIGIN), { kind: 'outside-base', path: '/a/', fragment: null });
  assert.deepEqual(classifyUrl('https://docs.example.com/pr-123/a/', '/x/', base, ORIGIN), { kind: 'internal', path: '/a/', fragment: null });
  assert.deepEqual(classifyUrl('https://example.org/x', '/x/', base, ORIGIN), { kind: 'external', url: 'https://example.org/x' });
  assert.deepEqual(classifyUrl('//cdn.example.org/x.js', '/x/', base, ORIGIN), { kind: 'external', url: 'http://cdn.example.org/x.js' });
  for (const ignored of ['mailto:a@b.c', 'tel:+1', 'javascript:void(0)', 'data:image/png;base64,AA']) {
    assert.deepEqual(classifyUrl(ignored, '/', '/', ORIGIN), { kind: 'ignored' });
  }
});

test('targets resolve like a static host: index.html, .html, trailing slash', () => {
  const files = new Set(['index.html', 'a/b/index.html', 'old.html', 'img/x y.png']);
  assert.deepEqual(findTargetFile('/', files), { file: 'index.html', canonicalPath: '/' });
  assert.deepEqual(findTargetFile('/a/b/', files), { file: 'a/b/index.html', canonicalPath: '/a/b/' });
  assert.deepEqual(findTargetFile('/a/b', files), { file: 'a/b/index.html', canonicalPath: '/a/b/' });
  assert.deepEqual(findTargetFile('/a/b/index.html', files), { file: 'a/b/index.html', canonicalPath: '/a/b/index.html' });
  assert.deepEqual(findTargetFile('/old', files), { file: 'old.html', canonicalPath: '/old' });
  assert.deepEqual(findTargetFile('/img/x%20y.png', files), { file: 'img/x y.png', canonicalPath: '/img/x%20y.png' });
  assert.equal(findTargetFile('/a/', files), null);
  assert.equal(findTargetFile('/old/', files), null);
});

const MAP = `# comment
- from: /deployment/cluster.html
  to: /ha/
- from: /deployment/cluster.html#upgrade-guide
  to: /ha/upgrade/
  note: moved
- from: /ha/#old-name
  to: /ha/#new-name
- from: /a/
  to: /b/
- from: /b/
  to: /a/
`;

test('the redirect map is read with line numbers; bad entries name file and line', () => {
  const entries = parseRedirectMap(MAP, 'content/redirects.yaml');
  assert.deepEqual(entries.slice(0, 2), [
    { from: '/deployment/cluster.html', to: '/ha/', line: 2 },
    { from: '/deployment/cluster.html#upgrade-guide', to: '/ha/upgrade/', line: 4 },
  ]);
  assert.throws(() => parseRedirectMap('- from: /a/\n  to: /b/\n- from: /c/\n', 'r.yaml'), /r\.yaml:3: error: the entry has no "to"/);
  assert.throws(() => parseRedirectMap('from: /a/\n', 'r.yaml'), /r\.yaml:1: error: the redirect map must be a YAML list/);
  assert.throws(() => parseRedirectMap('- from: [\n', 'r.yaml'), /^Error: r\.yaml:\d+:/);
  assert.deepEqual(parseRedirectMap('', 'r.yaml'), []);
});

test('redirect lookup: anchor entries win, page entries carry the fragment, chains and cycles', () => {
  const lookup = redirectLookup(parseRedirectMap(MAP, 'r.yaml'));
  const landing = (path: string, fragment: string | null) => {
    const outcome = lookup(path, fragment);
    return outcome === null ? null : `${outcome.path}#${outcome.fragment ?? ''} ${outcome.cycle ? 'cycle' : outcome.via.map((entry) => entry.line).join(',')}`;
  };
  assert.equal(landing('/deployment/cluster.html', 'upgrade-guide'), '/ha/upgrade/# 4');
  assert.equal(landing('/deployment/cluster.html', 'other'), '/ha/#other 2');
  assert.equal(landing('/deployment/cluster.html', 'old-name'), '/ha/#new-name 2,7');
  assert.equal(landing('/ha/', 'old-name'), '/ha/#new-name 7');
  assert.equal(landing('/ha/', 'new-name'), null);
  assert.equal(landing('/a/', null), '/a/# cycle');
  assert.equal(landing('/a/index.html', null), '/a/# cycle');
});

test('_redirects targets and sitemap locations keep their positions', () => {
  assert.deepEqual(redirectsFileTargets('# header\n/old /new/ 301\n\n/x.html   /y/#a 301\n'), [
    { url: '/new/', tag: '_redirects', attribute: 'to', line: 2, column: 6 },
    { url: '/y/#a', tag: '_redirects', attribute: 'to', line: 4, column: 11 },
  ]);
  const xml = '<?xml version="1.0"?>\n<urlset>\n<url><loc>https://d.example/a/</loc></url>\n<url><loc>\n  https://d.example/b/</loc></url></urlset>';
  assert.deepEqual(sitemapLocations(xml).map((link) => `${link.url} ${link.line}:${link.column}`), ['https://d.example/a/ 3:11', 'https://d.example/b/ 5:3']);
});

test('source mapping finds whole URLs only, without the base', () => {
  assert.deepEqual(sourceCandidates('/a/b/', 'content/docs'), ['content/docs/a/b.mdx', 'content/docs/a/b/index.mdx', 'content/docs/a/b.md', 'content/docs/a/b/index.md']);
  assert.deepEqual(sourceCandidates('/', 'content/docs'), ['content/docs/index.mdx', 'content/docs/index.md']);
  assert.deepEqual(writtenForms('/pr-1/a/%C3%A9/', '/pr-1/'), ['/a/%C3%A9/', '/pr-1/a/%C3%A9/', '/a/é/', '/pr-1/a/é/']);
  const mdx = 'x [a](/a/) [b](/a/b/)\n<a href="/a/">c</a> [](/a/#x)\n[ref]: /a/\n';
  assert.deepEqual(findWrittenUrl(mdx, '/a/'), [
    { line: 1, column: 7 },
    { line: 2, column: 10 },
    { line: 3, column: 8 },
  ]);
  const range = { start: { line: 10, column: 1 }, end: { line: 20, column: 1 } };
  const sources = assignSources([{ line: 2, column: 1 }, { line: 12, column: 5 }, { line: 15, column: 5 }, { line: 16, column: 1 }], [{ line: 1, column: 7 }, { line: 3, column: 8 }], 'p.mdx', range);
  assert.deepEqual(sources, [undefined, { file: 'p.mdx', line: 1, column: 7 }, { file: 'p.mdx', line: 3, column: 8 }, undefined]);
});

test('the internal check judges each target once and reports every use', () => {
  const site: SiteModel = {
    files: new Set(['index.html', 'a/index.html', 'old/index.html']),
    ids: new Map([
      ['index.html', new Set(['top-section'])],
      ['a/index.html', new Set(['x'])],
      ['old/index.html', new Set()],
    ]),
    stubs: new Map([['old/index.html', '/a/']]),
    sources: [
      {
        file: 'index.html',
        path: '/',
        links: ['/a/#x', '/a/#y', 'a/#y', '/a', '/b/', '/old/', '#top', '#TOP', '#', 'https://example.org/', '/a/#x'].map((url, index) => ({ url, tag: 'a', attribute: 'href', line: index + 1, column: 1 })),
      },
    ],
  };
  const { problems, external } = checkInternalLinks(site, { base: '/', siteOrigin: ORIGIN, redirects: () => null, redirectsFile: 'r.yaml' });
  assert.deepEqual(problems.map((problem) => `${problem.output.line} ${problem.severity} ${problem.code} ${problem.suggestion ?? ''}`), [
    '2 error missing-anchor /a/#x',
    '3 error missing-anchor /a/#x',
    '4 warning missing-trailing-slash /a/',
    '5 error missing-page ',
    '6 warning redirected /a/',
  ]);
  assert.deepEqual(external.map((use) => `${use.url} ${use.uses.length}`), ['https://example.org/ 1']);
});

test('reports: human lines, JSON, and escaped GitHub annotations', () => {
  const problem: Problem = {
    severity: 'error',
    code: 'missing-anchor',
    message: 'no id "a,b"\n100%',
    url: '/x/#a',
    page: '/p/',
    output: { file: 'p/index.html', line: 9, column: 4 },
    source: { file: 'content/docs/p.mdx', line: 3, column: 7 },
  };
  const warning: Problem = { ...problem, severity: 'warning', code: 'redirected', source: undefined };
  const report = { errors: [problem], warnings: [warning], distDir: 'dist', pages: 1, links: 2 };
  const human = formatReport(report, 'human').split('\n');
  assert.equal(human[0], 'content/docs/p.mdx:3:7: error: no id "a,b"\n100% [missing-anchor] (output dist/p/index.html:9:4, page /p/)'.split('\n')[0]);
  assert.match(formatReport(report, 'human'), /^dist\/p\/index\.html:9:4: warning: /m);
  assert.match(formatReport(report, 'human'), /1 page, 2 links checked: 1 error, 1 warning\n$/);
  const github = formatReport(report, 'github').split('\n');
  assert.equal(github[0], '::error file=content/docs/p.mdx,line=3,col=7,title=Link check%3A missing-anchor::no id "a,b"%0A100%25 (on page /p/)');
  assert.equal(github[1]?.startsWith('::warning file=dist/p/index.html,line=9,col=4,'), true);
  assert.deepEqual(JSON.parse(formatReport(report, 'json')).errors[0].source, problem.source);
});

test('scan results survive packing for the trip between threads', async () => {
  const { packScan, unpackScan } = await import('../../src/lib/links/read-site.ts');
  const scanned = [
    { file: 'a/index.html', ids: ['x', 'y'], links: [{ url: '/b/', tag: 'a', attribute: 'href', line: 3, column: 9 }], bytes: 120 },
    { file: 'b/index.html', ids: [], links: [{ url: '/b/', tag: 'a', attribute: 'href', line: 1, column: 1 }, { url: 'i.png', tag: 'img', attribute: 'src', line: 2, column: 5 }], bytes: 80 },
  ];
  const packed = packScan(scanned);
  assert.equal(packed.strings.filter((text) => text === '/b/').length, 1, 'each string once');
  assert.deepEqual(unpackScan(packed), scanned);
});

test('URLs a parser would normalise take the careful path', () => {
  assert.deepEqual(classifyUrl('/pr-123/a/../b/?q=1#s', '/x/', '/pr-123/', ORIGIN), { kind: 'internal', path: '/b/', fragment: 's' });
  assert.deepEqual(classifyUrl('/pr-123/a b/', '/x/', '/pr-123/', ORIGIN), { kind: 'internal', path: '/a%20b/', fragment: null });
  assert.deepEqual(classifyUrl('/pr-123/a/?q=1', '/x/', '/pr-123/', ORIGIN), { kind: 'internal', path: '/a/', fragment: null });
});
