import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guide, plan } from './support/redirect-fixtures.ts';
import { displayTarget } from '../../src/lib/redirects/locations.ts';

const messages = (problems: Array<{ severity: string; line?: number; message: string }>, severity = 'error') =>
  problems.filter((problem) => problem.severity === severity).map((problem) => `${problem.line}: ${problem.message}`);

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
  assert.deepEqual(result.resolved.map((item) => displayTarget(item.final)), ['/ha/', '/ha/#new-name', '/ha/upgrade/#rolling-upgrade', '/ha/deploy/', '/ha/upgrade/#upgrade-guide']);
});

test('chains are flattened in the result, with a warning naming the chain and the fix', () => {
  const result = plan('- from: /a.html\n  to: /b.html\n- from: /b.html\n  to: /c/\n- from: /c/\n  to: /ha/#new-name\n', guide());
  assert.deepEqual(messages(result.problems), []);
  assert.equal(displayTarget(result.resolved[0]!.final), '/ha/#new-name');
  const warnings = messages(result.problems, 'warning');
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!, /^1: redirect chain \/a\.html -> \/b\.html -> \/c\/ -> \/ha\/#new-name/);
  assert.match(result.problems[0]!.fix, /write "to: \/ha\/#new-name" on line 1/);
});

test('a chain through a removed page carries the fragment into its default', () => {
  const result = plan('- from: /x.html#sec\n  to: /old.html#proxy-server\n- from: /x.html\n  to: /ha/\n- from: /old.html\n  to: /ha/deploy/\n', guide());
  assert.deepEqual(messages(result.problems), []);
  assert.equal(displayTarget(result.resolved[0]!.final), '/ha/deploy/#proxy-server');
});

test('cycles are errors that show the loop', () => {
  const result = plan('- from: /a.html\n  to: /b.html\n- from: /b.html\n  to: /a.html\n', guide());
  const errors = messages(result.problems);
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /^1: to: redirect cycle: \/a\.html -> \/b\.html -> \/a\.html/);
});

test('missing target pages and anchors are errors that say what exists', () => {
  const result = plan('- from: /a.html\n  to: /nope/\n- from: /b.html\n  to: /ha/deploy/#nope\n', guide());
  const errors = messages(result.problems);
  assert.match(errors[0]!, /^1: .*no page is built at \/nope\//);
  assert.match(errors[1]!, /^3: .*\/ha\/deploy\/ has no element with id "nope"/);
  assert.match(result.problems[1]!.fix, /proxy-server, database/);
});

test('a from that is still live can never fire', () => {
  const result = plan('- from: /ha/\n  to: /ha/deploy/\n- from: /ha/#overview\n  to: /ha/deploy/#database\n', guide());
  const errors = messages(result.problems);
  assert.match(errors[0]!, /^1: .*is a live page/);
  assert.match(errors[1]!, /^3: .*is a live anchor/);
});

test('duplicate froms are errors pointing at the first one', () => {
  const result = plan('- from: /a.html\n  to: /ha/\n- from: /a.html\n  to: /ha/deploy/\n', guide());
  assert.deepEqual(messages(result.problems), ['3: duplicate "from: /a.html" (first written on line 1)']);
});

test('anchors of a removed page need the page default, or other anchors would 404', () => {
  const result = plan('- from: /gone.html#x\n  to: /ha/\n', guide());
  assert.match(messages(result.problems)[0]!, /^1: \/gone\.html is not a built page and has no default redirect/);
  assert.match(result.problems[0]!.fix, /- from: \/gone\.html\n  to: /);
});

test('external targets on allowed hosts are final', () => {
  const result = plan('- from: /gone.html\n  to: https://docs.mattermost.com/x/\n', guide());
  assert.deepEqual(result.problems, []);
  assert.equal(displayTarget(result.resolved[0]!.final), 'https://docs.mattermost.com/x/');
});
