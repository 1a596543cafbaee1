/**
 * Every rule of the docs lint against the fixture pages: each reports exactly the lines of
 * `defects.mdx` listed here (the 2025 review's defects and each rule's own cases), and
 * `clean.mdx`, which holds the legitimate look-alikes, reports nothing.
 *
 * Each expectation names a snippet of its line, so that an edit to the fixture that moves
 * lines fails with "line 50 should hold …" rather than with a puzzling diff.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintDocs, RULES } from '../../src/lib/lint/index.ts';
import {
  cleanPage,
  defectsPage,
  fixtureSettings,
  fixtureText,
  lintFixtures,
  pagesDir,
  projectRoot,
} from '../../../../tests/fixtures/lint/fixtures.ts';

/** rule id → the defect lines it must report, each with a snippet of that line. */
const expected: Record<string, [line: number, snippet: string][]> = {
  'markup-leak': [
    [8, ':doc:`upgrade`'],
    [10, '.. note::'],
    [12, '`NGINX guide <https://nginx.org/en/docs/>`__'],
    [14, '|product|'],
    [16, '**unbalanced emphasis.'],
  ],
  'no-undefined-references': [[30, '[unit file][unit]']],
  'no-empty-url': [[30, '[this link]()']],
  'link-text': [
    [20, '[configure-the-database](/clean/#configure-the-database)'],
    [22, '[](/clean/#no-such-heading)'],
    [24, '[](https://example.com/guide/)'],
    [28, '[](/no-such-page/)'],
    [100, 'in the order [](/clean/#configure-the-database) describes'],
    [102, 'see [](/clean/#does-the-cluster-need-a-license).'],
    [104, 'of [](/clean/#with-one-node)'],
    [106, '[](/clean/#plan-the-upgrade) and'],
    [106, '[](/clean/) are the next pages'],
    [108, 'See also [](/clean/#with-one-node).'],
  ],
  'bare-url': [[26, 'bully algorithm : https://']],
  'list-labels': [
    [36, '- Load balancers: redundant proxies.'],
    [41, '**Database Servers:**'],
    [42, '**Load balancers**:'],
  ],
  'heading-case': [
    [2, 'title: High Availability Defects'],
    [44, '## High Availability Settings'],
    [46, '## troubleshooting steps'],
    [48, 'title="Keep the Nginx Proxy"'],
  ],
  terminology: [
    [48, 'title="Keep the Nginx Proxy"'],
    [58, 'The master database'],
    [58, 'the Nginx proxy'],
    [58, 'talk to Postgres'],
    [60, 'Point the DataSource at'],
    [87, 'The master node.'],
  ],
  'mid-sentence-capital': [
    [54, 'configuration, Verify the servers'],
    [54, '[and Read the guide]'],
    [56, '`config.json` File first'],
  ],
  'stale-version': [[64, 'In v5.14 and earlier']],
  'fenced-code-flag': [[68, '```']],
  'shell-prompt': [[73, '$ sudo systemctl restart mattermost']],
  placeholder: [
    [78, 'NEED MORE DETAILS HERE'],
    [80, 'TODO: describe'],
    [82, 'Lorem ipsum'],
  ],
  'disable-comment': [
    [86, 'lint-disable-next-line terminology */'],
    [89, 'no-such-rule'],
    [92, 'lint disable'],
    [95, 'nothing to disable here'],
  ],
};

const defectLines = fixtureText(defectsPage).split('\n');
const results = lintFixtures([defectsPage, cleanPage]);

test('the clean fixture reports nothing', () => {
  assert.deepEqual(
    results.filter((result) => result.file === cleanPage),
    [],
  );
});

test('every rule has defect expectations, and nothing is reported by an unknown rule', () => {
  for (const rule of RULES) assert.ok(expected[rule.id], `no expectations for ${rule.id}`);
  const unknown = results.filter((result) => !(result.rule in expected));
  assert.deepEqual(unknown, []);
});

for (const [rule, lines] of Object.entries(expected)) {
  test(`${rule}: reports exactly its lines of the defect fixture`, () => {
    for (const [line, snippet] of lines) {
      assert.ok(
        defectLines[line - 1]?.includes(snippet),
        `line ${line} of ${defectsPage} should hold ${JSON.stringify(snippet)}; the fixture moved?`,
      );
    }
    const found = results
      .filter((result) => result.file === defectsPage && result.rule === rule)
      .map((result) => result.line);
    assert.deepEqual(
      found,
      lines.map(([line]) => line),
    );
  });
}

test('each finding is at the defect itself, not just on its line', () => {
  const at = (rule: string, line: number) =>
    results.filter((r) => r.rule === rule && r.line === line).map((r) => r.column);
  assert.deepEqual(at('mid-sentence-capital', 54), [44, 68]); // "Verify", "Read" (inside link text)
  assert.deepEqual(at('terminology', 58), [5, 29, 49]); // master, Nginx, Postgres
  assert.deepEqual(at('markup-leak', 14), [5]); // |product|
  assert.deepEqual(at('shell-prompt', 73), [1]);
});

test('severities: errors fail the run, stale versions and unused disable comments only warn', () => {
  const severityOf = (rule: string) =>
    new Set(results.filter((r) => r.rule === rule).map((r) => r.severity));
  for (const rule of RULES)
    assert.deepEqual(severityOf(rule.id), new Set([rule.severity]), rule.id);
  const unused = results.find((r) => r.rule === 'disable-comment' && r.line === 95);
  assert.equal(unused?.severity, 'warning');
});

test('messages say how to fix the defect', () => {
  const message = (rule: string, line: number) =>
    results.find((r) => r.rule === rule && r.line === line)?.message ?? '';
  assert.match(message('mid-sentence-capital', 54), /write "verify"/);
  assert.match(message('terminology', 58), /write "primary", not "master"/);
  assert.match(message('heading-case', 44), /write "High availability settings"/);
  assert.match(message('link-text', 22), /no heading #no-such-heading/);
  assert.match(message('link-text', 100), /"Configure the database", which starts with a verb/);
  assert.match(
    message('link-text', 100),
    /end the sentence with "see \[\]\(\/clean\/#configure-the-database\)"/,
  );
  assert.match(message('link-text', 102), /is a question .* and no full stop/);
  assert.match(message('link-text', 104), /starts with a preposition/);
  assert.match(message('link-text', 108), /a noun inside a sentence: write the link text/);
  assert.match(message('list-labels', 42), /write \*\*Load balancers:\*\*/);
  assert.match(message('placeholder', 78), /NEED MORE DETAILS HERE/);
});

test('a disable comment with a reason silences one rule on the next line only', () => {
  const contents = [
    '{/* lint-disable-next-line terminology -- the old interface says so */}',
    'The master node, Verify it.',
    'The master node.',
  ].join('\n');
  const found = lintDocs([{ path: `${pagesDir}/inline.mdx`, contents }], fixtureSettings());
  assert.deepEqual(
    found.map((r) => `${r.line}:${r.rule}`),
    ['2:mid-sentence-capital', '3:terminology'],
  );
});

test('an inline disable comment covers its own line, e.g. in a table row', () => {
  const contents = [
    '| label | meaning |',
    '| --- | --- |',
    '| master {/* lint-disable-line terminology -- a label in the old interface */} | the master |',
    '| master | the primary |',
  ].join('\n');
  const found = lintDocs([{ path: `${pagesDir}/table.mdx`, contents }], fixtureSettings());
  assert.deepEqual(
    found.map((r) => `${r.line}:${r.column}:${r.rule}`),
    ['4:3:terminology'],
  );
});

test('an absolute path under the given root is the same page (the build passes absolute paths)', () => {
  // The clean page's "Master" is allowed only on /clean/: a wrong site path would report it.
  const absolute = `${projectRoot}${cleanPage}`;
  const found = lintDocs([{ path: absolute, contents: fixtureText(cleanPage) }], {
    ...fixtureSettings(),
    root: projectRoot,
  });
  assert.deepEqual(found, []);
});
