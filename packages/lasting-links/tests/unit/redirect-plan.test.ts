import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finalTargets, guide, messages, plan } from './support/redirect-fixtures.ts';
import { reservedNamesOf } from '../../src/lib/site/reserved-names.ts';
import { formatProblems } from '../../src/lib/problems/format-problems.ts';
import { path } from './support/redirect-fixtures.ts';

test('the four kinds of redirect resolve: page move, same-page rename, anchor to another page, removed page with default', () => {
  const result = plan(
    [
      '- from: /old/guide/', //                      1
      '  to: /ha/',
      '- from: /ha/#old-name', //                     3
      '  to: /ha/#new-name',
      '- from: /ha/#upgrading', //                    5
      '  to: /ha/upgrade/#rolling-upgrade',
      '- from: /deployment/cluster.html', //          7
      '  to: /ha/deploy/',
      '- from: /deployment/cluster.html#upgrade-guide', // 9
      '  to: /ha/upgrade/#upgrade-guide',
    ].join('\n'),
    guide(),
  );
  assert.deepEqual(result.problems, []);
  assert.deepEqual(Object.fromEntries(finalTargets(result.plan)), {
    '/old/guide/': '/ha/',
    '/ha/#old-name': '/ha/#new-name',
    '/ha/#upgrading': '/ha/upgrade/#rolling-upgrade',
    '/deployment/cluster.html': '/ha/deploy/',
    '/deployment/cluster.html#upgrade-guide': '/ha/upgrade/#upgrade-guide',
  });
});

test('chains are flattened in the plan, with a warning naming the chain and the fix', () => {
  const result = plan(
    '- from: /a.html\n  to: /b.html\n- from: /b.html\n  to: /c/\n- from: /c/\n  to: /ha/#new-name\n',
    guide(),
  );
  assert.deepEqual(messages(result.problems), []);
  assert.equal(finalTargets(result.plan).get('/a.html'), '/ha/#new-name');
  const warnings = messages(result.problems, 'warning');
  assert.deepEqual(warnings, [
    '1: redirect chain /a.html -> /b.html -> /c/ -> /ha/#new-name (3 entries); 2 entries in all reach it only through other redirects; every output sends readers straight to /ha/#new-name',
  ]);
  assert.equal(result.problems[0]!.code, 'redirect-chain');
  assert.equal(result.problems[0]!.fix!, 'write "to: /ha/#new-name" on lines 1 and 3');
});

test('a chain through a removed page carries the fragment into its default', () => {
  const result = plan(
    '- from: /x.html#sec\n  to: /old.html#proxy-server\n- from: /x.html\n  to: /ha/\n- from: /old.html\n  to: /ha/deploy/\n',
    guide(),
  );
  assert.deepEqual(messages(result.problems), []);
  assert.equal(finalTargets(result.plan).get('/x.html#sec'), '/ha/deploy/#proxy-server');
});

test('a cycle is one error that shows the loop from its first entry, and the entries led into it', () => {
  const result = plan(
    '- from: /a.html\n  to: /b.html\n- from: /b.html\n  to: /a.html\n- from: /c.html\n  to: /a.html\n',
    guide(),
  );
  const errors = messages(result.problems);
  assert.deepEqual(errors, [
    '1: redirect cycle of 2 entries: /a.html -> /b.html -> /a.html (lines 1 and 3); 1 more entry leads into it (line 5)',
  ]);
  assert.equal(result.problems[0]!.code, 'redirect-cycle');
  assert.equal(result.plan.stubs.size, 0, 'entries with errors stay out of the plan');
});

test('missing target pages and anchors are errors that say what exists', () => {
  const result = plan(
    '- from: /a.html\n  to: /nope/\n- from: /b.html\n  to: /ha/deploy/#nope\n',
    guide(),
  );
  const errors = messages(result.problems);
  assert.match(errors[0]!, /^1: .*no page is built at \/nope\//);
  assert.match(errors[1]!, /^3: .*\/ha\/deploy\/ has no element with id "nope"/);
  assert.match(result.problems[1]!.fix!, /proxy-server, database/);
});

test('a from that is still live can never fire', () => {
  const result = plan(
    '- from: /ha/\n  to: /ha/deploy/\n- from: /ha/#overview\n  to: /ha/deploy/#database\n',
    guide(),
  );
  const errors = messages(result.problems);
  assert.match(errors[0]!, /^1: .*is a live page/);
  assert.match(errors[1]!, /^3: .*is a live anchor/);
});

test('duplicate froms are errors pointing at the first one', () => {
  const result = plan('- from: /a.html\n  to: /ha/\n- from: /a.html\n  to: /ha/deploy/\n', guide());
  assert.deepEqual(messages(result.problems), [
    '3: duplicate "from: /a.html" (first written on line 1)',
  ]);
});

test('anchors of a removed page need the page default, or other anchors would 404', () => {
  const result = plan('- from: /gone.html#x\n  to: /ha/\n', guide());
  assert.match(
    messages(result.problems)[0]!,
    /^1: \/gone\.html is not a built page and has no default redirect/,
  );
  assert.match(result.problems[0]!.fix!, /- from: \/gone\.html\n {2}to: /);
});

test('a stub that would replace a live page is refused: /a/index.html is the file of /a/', () => {
  const result = plan('- from: /ha/index.html\n  to: /ha/deploy/\n', guide());
  assert.match(messages(result.problems)[0]!, /^1: .*\/ha\/index\.html.*live page \/ha\//);
});

test('external targets on allowed hosts are final', () => {
  const result = plan('- from: /gone.html\n  to: https://docs.mattermost.com/x/\n', guide());
  assert.deepEqual(result.problems, []);
  assert.equal(finalTargets(result.plan).get('/gone.html'), 'https://docs.mattermost.com/x/');
});

test('a from under a folder the site keeps its own files in is an error; page folders are not', () => {
  const files = [
    '_astro/app.js',
    'pagefind/pagefind.js',
    'images/diagram.svg',
    'favicon.svg',
    'ha/index.html',
    'ha/diagram.png',
    '404.html',
  ];
  const reserved = reservedNamesOf(files);
  assert.ok(reserved.has('images') && reserved.has('_astro') && reserved.has('_redirects'));
  assert.ok(!reserved.has('ha'));
  const result = plan(
    [
      '- from: /images/old.html',
      '  to: /ha/',
      '- from: /_redirects/',
      '  to: /ha/',
      '- from: /pagefind/',
      '  to: /ha/',
      '- from: /ha/old.html',
      '  to: /ha/',
    ].join('\n'),
    guide(),
    { reserved },
  );
  assert.deepEqual(
    result.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.at?.line]),
    [
      ['redirect-reserved', 1],
      ['redirect-reserved', 3],
      ['redirect-reserved', 5],
    ],
  );
  assert.deepEqual([...finalTargets(result.plan).keys()], ['/ha/old.html']);
});

test('a 5,000-entry chain and a 5,000-entry cycle are each reported once, with length and ends, in bounded output', () => {
  const n = 5000;
  const lines: string[] = [];
  for (let i = 0; i < n; i += 1)
    lines.push(`- from: /a${i}/`, `  to: ${i === n - 1 ? '/ha/#new-name' : `/a${i + 1}/`}`);
  for (let i = 0; i < n; i += 1) lines.push(`- from: /c${i}/`, `  to: /c${(i + 1) % n}/`);
  const started = performance.now();
  const result = plan(lines.join('\n') + '\n', guide());
  const seconds = (performance.now() - started) / 1000;
  const text = formatProblems(result.problems, 'human');
  assert.ok(seconds < 10, `planned in ${seconds.toFixed(1)} s`);
  assert.ok(text.length < 4000, `the report is ${text.length} characters`);
  const chains = result.problems.filter((problem) => problem.code === 'redirect-chain');
  const cycles = result.problems.filter((problem) => problem.code === 'redirect-cycle');
  assert.equal(chains.length, 1, 'the chain once');
  assert.equal(cycles.length, 1, 'the cycle once');
  assert.match(
    chains[0]!.message,
    /^redirect chain \/a0\/ -> \/a1\/ -> \/a2\/ -> … -> \/a4999\/ -> \/ha\/#new-name \(5,000 entries\)/,
  );
  assert.equal(chains[0]!.at?.line, 1);
  assert.match(
    cycles[0]!.message,
    /^redirect cycle of 5,000 entries: \/c0\/ -> \/c1\/ -> \/c2\/ -> … -> \/c4999\/ -> \/c0\//,
  );
  assert.equal(cycles[0]!.at?.line, 2 * n + 1);
  assert.equal(finalTargets(result.plan).get('/a0/'), '/ha/#new-name');
  assert.equal(result.plan.stubs.has(path('/c0/')), false, 'the cycle stays out of the plan');
});
