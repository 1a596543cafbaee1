import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guide, path, plan } from './support/redirect-fixtures.ts';
import {
  parseAnchorsLock,
  serializeAnchorsLock,
  type AnchorsLock,
} from '../../src/lib/anchors-lock/lock-file.ts';
import { compareLock } from '../../src/lib/anchors-lock/compare-lock.ts';
import { foldIntoLostAnchors, movedAddressesLead } from '../../src/lib/moves/fold-problems.ts';
import { shingles } from '../../src/lib/moves/fingerprint.ts';
import { serializeIdentity } from '../../src/lib/moves/identity.ts';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import type { Problem } from '../../src/lib/problems/problem.ts';
import type { AnchorIndex } from '../../src/lib/site/anchor-index.ts';
import type { SitePath } from '../../src/lib/site-path.ts';

const entriesOf = (yaml: string) =>
  parseRedirectMap(yaml, 'redirects.yaml', ['docs.mattermost.com']).entries;

const context = {
  lockFile: 'anchors.lock.json',
  mapFile: 'redirects.yaml',
  sourceFileOf: (page: SitePath) => (page === '/ha/' ? 'content/docs/ha/index.mdx' : undefined),
};

const lock: AnchorsLock = {
  pages: [
    {
      url: path('/ha/'),
      source: 'content/docs/ha/index.mdx',
      anchors: [
        { id: 'overview', heading: 'Overview' },
        { id: 'old-name', heading: 'Old name' },
      ],
    },
    {
      url: path('/deployment/cluster.html'),
      source: 'legacy-anchors.json',
      anchors: [
        { id: 'upgrade-guide', heading: 'Upgrade guide' },
        { id: 'proxy-server-configuration', heading: 'Proxy server configuration' },
      ],
    },
  ],
};

test('the lock round-trips through its file format, pages sorted, one anchor per line', () => {
  const text = serializeAnchorsLock(lock);
  const parsed = parseAnchorsLock(text, 'anchors.lock.json');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(
    parsed.lock.pages.map((page) => page.url),
    ['/deployment/cluster.html', '/ha/'],
  );
  assert.deepEqual(parsed.lock.pages[1], lock.pages[0]);
  assert.match(text, /^ {8}\{"id": "overview", "heading": "Overview"\},$/m);
});

test('a lock saved with a byte-order mark (as some editors on Windows do) reads the same', () => {
  const text = serializeAnchorsLock(lock);
  const parsed = parseAnchorsLock(`\uFEFF${text}`, 'anchors.lock.json');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.lock, parseAnchorsLock(text, 'anchors.lock.json').lock);
});

test('a malformed lock is an error, not an empty lock', () => {
  assert.match(parseAnchorsLock('{', 'l.json').problems[0]!.message, /not valid JSON/);
  assert.match(
    parseAnchorsLock('{"pages": [{"url": "/a/"}]}', 'l.json').problems[0]!.message,
    /"anchors" list/,
  );
  assert.match(
    parseAnchorsLock('{"pages": [{"url": "/a/", "anchors": [{}]}]}', 'l.json').problems[0]!.message,
    /without an "id"/,
  );
});

test('a lock that resolves through the map passes', () => {
  const map =
    '- from: /ha/#old-name\n  to: /ha/#new-name\n- from: /deployment/cluster.html\n  to: /ha/\n- from: /deployment/cluster.html#upgrade-guide\n  to: /ha/upgrade/#upgrade-guide\n- from: /deployment/cluster.html#proxy-server-configuration\n  to: /ha/deploy/#proxy-server\n';
  const index = guide();
  const { plan: result, problems } = plan(map, index);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    compareLock(lock, index, { plan: result, entries: entriesOf(map) }, context),
    [],
  );
});

const OLD_TEXT =
  'Point the nodes at the primary first, then list every replica in the data sources so reads spread out.';

/** The guide, with section text: the section once called "Old name" is now "New name". */
function guideWithText(): AnchorIndex {
  const index = new Map(guide());
  const ha = index.get(path('/ha/'))!;
  index.set(path('/ha/'), {
    ...ha,
    ids: new Set([...ha.ids, '_top']),
    headings: [
      { id: '_top', level: 1, text: 'High availability', section: 'What this guide covers.' },
      {
        id: 'overview',
        level: 2,
        text: 'Overview',
        section: 'A short overview of the cluster and its parts.',
      },
      { id: 'new-name', level: 2, text: 'New name', section: OLD_TEXT },
    ],
  });
  return index;
}

const fingerprinted: AnchorsLock = {
  pages: [
    {
      url: path('/ha/'),
      source: 'content/docs/ha/index.mdx',
      anchors: [
        { id: 'overview', heading: 'Overview' },
        {
          id: 'old-name',
          heading: 'Old name',
          fingerprint: serializeIdentity({ scope: 'own', text: shingles(OLD_TEXT) }),
        },
      ],
    },
    {
      url: path('/deployment/cluster.html'),
      source: 'legacy-anchors.json',
      anchors: [{ id: 'proxy-server-configuration', heading: 'Proxy server configuration' }],
    },
  ],
};

test('a lost anchor is reported once: URL#anchor, the page that defined it, where its text went and the fix', () => {
  const index = guideWithText();
  const map =
    '- from: /deployment/cluster.html\n  to: /ha/\n- from: /deployment/cluster.html#proxy-server-configuration\n  to: /ha/#old-name\n';
  const { plan: result } = plan(map, index);
  const problems = compareLock(
    fingerprinted,
    index,
    { plan: result, entries: entriesOf(map) },
    context,
  );
  assert.equal(problems.length, 1, problems.map((problem) => problem.message).join('\n'));
  const [lost] = problems;
  assert.equal(lost!.code, 'lost-anchor');
  assert.deepEqual(lost!.at, { file: 'content/docs/ha/index.mdx' });
  assert.equal(lost!.target, '/ha/#old-name');
  assert.match(
    lost!.message,
    /^\/ha\/#old-name \("Old name"\) was published and no longer resolves; most likely new home: \/ha\/#new-name, 100% of its text is in "New name"/,
  );
  // The legacy address whose entry led to it is part of the same rename, not a second problem.
  assert.match(
    lost!.message,
    /1 other published address depends on it \(\/deployment\/cluster\.html#proxy-server-configuration\)/,
  );
  assert.match(
    lost!.fix!,
    /^run `npx lasting-links moves --write`.*or add to redirects\.yaml:\n- from: \/ha\/#old-name\n {2}to: \/ha\/#new-name$/s,
  );
});

test('a lost page is reported with the page its text went to; without text, a question with candidates', () => {
  const index = guideWithText();
  const moved: AnchorsLock = {
    pages: [
      {
        url: path('/old/ha/'),
        source: 'content/docs/old/ha.mdx',
        anchors: [
          {
            id: 'new-name',
            heading: 'New name',
            fingerprint: serializeIdentity({ scope: 'own', text: shingles(OLD_TEXT) }),
          },
        ],
      },
    ],
  };
  const problems = compareLock(moved, index, { plan: plan('', index).plan, entries: [] }, context);
  assert.equal(problems.length, 1);
  assert.match(
    problems[0]!.message,
    /^\/old\/ha\/ was published and no longer resolves; it most likely moved to \/ha\/: 100% of its text is on \/ha\//,
  );
  const unknown: AnchorsLock = { pages: [{ url: path('/gone/'), source: 'x', anchors: [] }] };
  const asked = compareLock(unknown, index, { plan: plan('', index).plan, entries: [] }, context);
  assert.match(asked[0]!.message, /candidates: /);
  assert.match(
    asked[0]!.fix!,
    /^run `npx lasting-links moves --write` and choose among its candidates \(in a terminal, or with --choose \/gone\/=NEW\)/,
  );
});

test('the consequences of a lost address fold into its problem: map entries, links and empty cross-references', () => {
  const lost: Problem = {
    severity: 'error',
    code: 'lost-anchor',
    message: '/a/#x was published and no longer resolves',
    target: '/a/#x',
    suggestion: '/a/#y',
    at: { file: 'a.mdx' },
  };
  const entry: Problem = {
    severity: 'error',
    code: 'redirect-target',
    message: 'to: /a/#x does not exist',
    target: '/a/#x',
    at: { file: 'r.yaml', line: 7 },
  };
  const link: Problem = {
    severity: 'error',
    code: 'missing-anchor',
    message: 'no id x',
    target: '/a/#x',
    url: '#x',
    page: path('/a/'),
    at: { file: 'a.mdx', line: 3 },
  };
  const crossReference: Problem = { ...link, code: 'cross-reference', message: 'empty link' };
  const other: Problem = {
    severity: 'error',
    code: 'missing-page',
    message: 'no page',
    target: '/b/',
    at: { file: 'b.mdx' },
  };
  const folded = foldIntoLostAnchors([lost, entry, link, crossReference, other], 'r.yaml');
  assert.deepEqual(
    folded.map((problem) => problem.code),
    ['lost-anchor', 'missing-anchor', 'missing-page'],
  );
  assert.match(folded[0]!.message, /; 1 entry of r\.yaml points to it \(line 7\)$/);
  assert.match(
    folded[1]!.fix!,
    /^run `npx lasting-links moves --write`: \/a\/#x was published and moved to \/a\/#y, and it rewrites this link$/,
  );
  assert.equal(folded[2], other);
});

test('a link to a section of a lost page folds into the page, once, and the lint note on it goes', () => {
  const lost: Problem = {
    severity: 'error',
    code: 'lost-anchor',
    message: '/old/ was published and no longer resolves',
    target: '/old/',
    suggestion: '/new/',
    at: { file: 'old.mdx' },
  };
  const missing: Problem = {
    severity: 'error',
    code: 'missing-page',
    message: '/old/ does not exist',
    target: '/old/#part',
    url: '/old/#part',
    page: path('/a/'),
    at: { file: 'a.mdx', line: 3, column: 4 },
  };
  const empty: Problem = {
    ...missing,
    code: 'cross-reference',
    message: 'empty link',
    fix: 'point it at an existing page or heading, or write the link text',
  };
  const again: Problem = { ...empty, output: { file: 'a/index.html', line: 90, column: 1 } };
  const lint: Problem = {
    severity: 'warning',
    code: 'docs-lint',
    message: 'link-text: [](/old/#part) has no text, so it shows its target’s title',
    at: { file: 'a.mdx', line: 3, column: 1 },
  };
  const folded = foldIntoLostAnchors([lost, missing, empty, again, lint], 'r.yaml');
  assert.deepEqual(
    folded.map((problem) => problem.code),
    ['lost-anchor', 'missing-page'],
  );
  assert.match(folded[1]!.fix!, /^run `npx lasting-links moves --write`: \/old\/ was published/);
  assert.equal(
    movedAddressesLead(folded),
    '1 published address moved and nothing redirects it yet: run `npx lasting-links moves --write`; it adds the redirects, rewrites the 1 link to it listed below and updates the lock.',
  );
  assert.equal(movedAddressesLead([missing]), undefined);
  const { suggestion: _, ...unsure } = lost;
  assert.equal(
    movedAddressesLead([{ ...lost, target: '/x/' }, unsure]),
    '2 published addresses moved and nothing redirects them yet: run `npx lasting-links moves --write`; it adds the redirects and updates the lock, once you choose where 1 of them leads (it asks: too little of its text is left to tell).',
  );
});
