import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { parseSiteLocation, parseTarget, targetHref } from '../../src/lib/redirects/locations.ts';
import { parseBase, sitePath } from '../../src/lib/site-path.ts';

const hosts = ['docs.mattermost.com'];

test('entries keep their line, legacy .html sources and decoded fragments', () => {
  const { entries, problems } = parseRedirectMap(
    '# header\n- from: /deployment/cluster.html\n  to: /ha/\n\n- from: /ha/#caf%C3%A9\n  to: /ha/#new\n  note: renamed\n',
    'r.yaml',
    hosts,
  );
  assert.deepEqual(problems, []);
  assert.equal(entries.length, 2);
  assert.deepEqual(entries[0]!.from, { path: '/deployment/cluster.html', fragment: null });
  assert.equal(entries[0]!.line, 2);
  assert.equal(entries[1]!.line, 5);
  assert.equal(entries[1]!.from.fragment, 'café');
  assert.equal(entries[1]!.note, 'renamed');
});

test('an empty map is no redirects', () => {
  assert.deepEqual(parseRedirectMap('', 'r.yaml', hosts), { entries: [], problems: [] });
  assert.deepEqual(parseRedirectMap('# nothing yet\n', 'r.yaml', hosts), {
    entries: [],
    problems: [],
  });
});

test('malformed entries are errors naming the file and the line, never skipped', () => {
  const text = [
    '- from: /ok/', //            1
    '  to: /ha/', //               2
    '- from: /no-slash', //        3
    '  to: /ha/', //               4
    '- form: /typo/', //           5
    '  to: /ha/', //               6
    '- from: /x.html', //          7
    '  to: https://evil.example/', // 8
    '- from: /y.html', //          9
    '- just a string', //          10
    '- from: /z.html', //          11
    '  to: http://docs.mattermost.com/a/', // 12
  ].join('\n');
  const { entries, problems } = parseRedirectMap(text, 'r.yaml', hosts);
  assert.equal(entries.length, 1);
  const at = (line: number) =>
    problems
      .filter((problem) => problem.at?.line === line)
      .map((problem) => problem.message)
      .join(' | ');
  assert.match(at(3), /neither a page.*did you mean "\/no-slash\/"/);
  assert.match(at(5), /unknown field "form"/);
  assert.match(at(8), /not an allowed redirect host/);
  assert.match(at(9), /no "to"/);
  assert.match(at(10), /not a mapping/);
  assert.match(at(12), /must use https/);
  assert.ok(
    problems.every(
      (problem) =>
        problem.at?.file === 'r.yaml' &&
        problem.severity === 'error' &&
        problem.code === 'redirect-syntax',
    ),
  );
});

test('invalid YAML and a non-list are reported with a line', () => {
  const broken = parseRedirectMap('- from: /a/\n  to: [unclosed\n', 'r.yaml', hosts);
  assert.equal(broken.problems.length > 0, true);
  assert.match(broken.problems[0]!.message, /not valid YAML/);
  assert.equal(typeof broken.problems[0]!.at?.line, 'number');
  const mapping = parseRedirectMap('from: /a/\nto: /b/\n', 'r.yaml', hosts);
  assert.match(mapping.problems[0]!.message, /must be a YAML list/);
});

test('site locations reject hosts, queries, dot segments and empty fragments', () => {
  assert.equal(parseSiteLocation('//evil.example/').ok, false);
  assert.equal(parseSiteLocation('/a/?q=1').ok, false);
  assert.equal(parseSiteLocation('/a/../b/').ok, false);
  assert.equal(parseSiteLocation('/a/#').ok, false);
  assert.equal(parseSiteLocation('a/b/').ok, false);
  assert.deepEqual(parseSiteLocation('/a/b.htm#x'), {
    ok: true,
    value: { path: '/a/b.htm', fragment: 'x' },
  });
});

test('allowed external targets keep their fragment; others and credentials are refused', () => {
  const ok = parseTarget('https://docs.mattermost.com/a.html#b', hosts);
  assert.deepEqual(ok, {
    ok: true,
    value: { kind: 'external', url: 'https://docs.mattermost.com/a.html#b' },
  });
  assert.equal(parseTarget('https://user@docs.mattermost.com/', hosts).ok, false);
  assert.equal(parseTarget('javascript:alert(1)', hosts).ok, false);
  assert.equal(parseTarget('https://docs.mattermost.com.evil.example/', hosts).ok, false);
});

test('targets are written under the base, with fragments encoded only where needed', () => {
  assert.equal(
    targetHref({ kind: 'site', path: sitePath('/a/b/'), fragment: 'x-y' }, parseBase('/pr-123/')),
    '/pr-123/a/b/#x-y',
  );
  assert.equal(
    targetHref({ kind: 'site', path: sitePath('/a/'), fragment: null }, parseBase('/')),
    '/a/',
  );
  assert.equal(
    targetHref({ kind: 'site', path: sitePath('/a/'), fragment: 'café "x"' }, parseBase('/')),
    '/a/#caf%C3%A9%20%22x%22',
  );
});

test('addresses are decoded, then refused with a backslash, NUL or another control character, at their line', () => {
  const text = [
    '- from: /bs%5Cx.html', //      1
    '  to: /ha/', //                 2
    '- from: /x%00y.html', //        3
    '  to: /ha/', //                 4
    '- from: /line%0Abreak/', //     5
    '  to: /ha/', //                 6
    '- from: /ok/#a%07b', //         7
    '  to: /ha/', //                 8
    '- from: /fine/', //             9
    '  to: /x%7F/', //               10
    '- from: /good/', //             11
    '  to: /ha/', //                 12
  ].join('\n');
  const { entries, problems } = parseRedirectMap(text, 'r.yaml', hosts);
  assert.deepEqual(
    entries.map((entry) => entry.from.path),
    ['/good/'],
  );
  assert.deepEqual(
    problems.map((problem) => `${problem.at?.line}: ${problem.message}`),
    [
      '1: from: "/bs%5Cx.html" decodes to a backslash, which hosts and browsers read as "/"; write the path with "/" or without it',
      '3: from: "/x%00y.html" decodes to a control character (U+0000), which no address may hold; remove it',
      '5: from: "/line%0Abreak/" decodes to a control character (U+000A), which no address may hold; remove it',
      '7: from: "/ok/#a%07b" decodes to a control character (U+0007), which no address may hold; remove it',
      '10: to: "/x%7F/" decodes to a control character (U+007F), which no address may hold; remove it',
    ],
  );
  assert.ok(
    problems.every((problem) => problem.severity === 'error' && problem.at?.file === 'r.yaml'),
  );
});

test('an unclosed quote is reported at the line where the quote opens, not at the end of the file', () => {
  const text = [
    '- from: /a/',
    '  to: "/b/',
    '- from: /c/',
    '  to: /d/',
    '- from: /e/',
    '  to: /f/',
    '',
  ].join('\n');
  const { problems } = parseRedirectMap(text, 'r.yaml', hosts);
  assert.deepEqual(
    problems.map((problem) => `${problem.at?.line}: ${problem.message}`),
    [
      '2: the file is not valid YAML: the quoted value that starts here ("/b/…) is never closed; add the closing " where it ends',
    ],
  );
});
