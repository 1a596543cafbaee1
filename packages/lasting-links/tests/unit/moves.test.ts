/**
 * `moves` finds where published pages and sections went by what they say. Each kind of move is
 * played on a small site written as MDX, from the lock alone (fingerprints) and with the earlier
 * sources at hand (exact text), and the map it proposes must send every old address to the
 * section that now holds its text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  containment,
  fingerprintOf,
  parseFingerprint,
  serializeFingerprint,
  shingles,
} from '../../src/lib/moves/fingerprint.ts';
import { findNewHome } from '../../src/lib/moves/find-new-home.ts';
import { landingEverywhere } from '../../src/lib/redirects/follow.ts';
import { displayLocation, displayTarget } from '../../src/lib/redirects/locations.ts';
import type { SitePath } from '../../src/lib/site-path.ts';
import {
  currentSite,
  mdx,
  movesBetween,
  prose,
  publishedOf,
  type MdxSite,
} from './support/source-sites.ts';
import { planMoves, type MovesPlan } from '../../src/lib/moves/plan-moves.ts';

const INTRO = prose('guide intro overview of this whole guide');
const INSTALL = prose('install the package with your package manager');
const PROXY = prose('configure the proxy upstream block nginx');
const TIMEOUTS = prose('proxy timeouts read send connect keepalive');
const UPGRADE = prose('upgrade one node at a time rolling');
const MONITORING = prose('monitoring metrics prometheus grafana alerts');
const BACKUPS = prose('backups pg dump restore test weekly');

const guide = (body: string) => mdx('Guide', body);
const ops = (body: string) => mdx('Operations', body);

const BEFORE: MdxSite = {
  '/guide/': guide(
    `${INTRO}\n\n## Install\n\n${INSTALL}\n\n## Configure the proxy\n\n${PROXY}\n\n### Proxy timeouts\n\n${TIMEOUTS}\n\n## Upgrade\n\n${UPGRADE}`,
  ),
  '/guide/ops/': ops(
    `Running the cluster.\n\n## Monitoring\n\n${MONITORING}\n\n## Backups\n\n${BACKUPS}`,
  ),
};

/** Where each old address lands under the proposed map, as `old → new`. */
function landings(result: MovesPlan, addresses: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const address of addresses) {
    const [path, fragment] = address.split('#') as [string, string | undefined];
    const target = landingEverywhere(result.plan, result.site.index, {
      path: path as SitePath,
      fragment: fragment ?? null,
    });
    out[address] = target === undefined ? 'LOST' : displayTarget(target);
  }
  return out;
}

const ALL_OLD = [
  '/guide/',
  '/guide/#install',
  '/guide/#configure-the-proxy',
  '/guide/#proxy-timeouts',
  '/guide/#upgrade',
  '/guide/ops/',
  '/guide/ops/#monitoring',
  '/guide/ops/#backups',
];

for (const record of ['lock', 'lock-and-sources'] as const) {
  test(`an H2 renamed to unrelated words is found by its text (${record})`, () => {
    const after = {
      ...BEFORE,
      '/guide/': BEFORE['/guide/']!.replace('## Configure the proxy', '## Front door'),
    };
    const result = movesBetween(BEFORE, after, record);
    assert.deepEqual(result.found.questions, []);
    assert.deepEqual(
      result.found.sections.map(
        (move) => `${displayLocation(move.from)} → ${displayLocation(move.to)}`,
      ),
      ['/guide/#configure-the-proxy → /guide/#front-door'],
    );
    assert.ok(result.found.sections[0]!.confidence > 0.9);
    assert.match(
      result.found.sections[0]!.reason,
      /text is in "Front door" \(heading "Configure the proxy" → "Front door"\)/,
    );
    assert.equal(
      landings(result, ['/guide/#configure-the-proxy'])['/guide/#configure-the-proxy'],
      '/guide/#front-door',
    );
  });

  test(`an H3 moved to another page lands there (${record})`, () => {
    const after = {
      '/guide/': guide(
        `${INTRO}\n\n## Install\n\n${INSTALL}\n\n## Configure the proxy\n\n${PROXY}\n\n## Upgrade\n\n${UPGRADE}`,
      ),
      '/guide/ops/': ops(
        `Running the cluster.\n\n## Monitoring\n\n${MONITORING}\n\n### Proxy timeouts\n\n${TIMEOUTS}\n\n## Backups\n\n${BACKUPS}`,
      ),
    };
    const result = movesBetween(BEFORE, after, record);
    assert.deepEqual(landings(result, ['/guide/#proxy-timeouts']), {
      '/guide/#proxy-timeouts': '/guide/ops/#proxy-timeouts',
    });
    assert.deepEqual(result.found.questions, []);
  });

  test(`a page file renamed: the page moves, its sections keep their ids through the page's redirect (${record})`, () => {
    const after = { '/guide/': BEFORE['/guide/']!, '/guide/operations/': BEFORE['/guide/ops/']! };
    const result = movesBetween(BEFORE, after, record);
    assert.deepEqual(
      result.found.pages.map((move) => `${move.from} → ${move.to}`),
      ['/guide/ops/ → /guide/operations/'],
    );
    assert.deepEqual(
      result.found.sections,
      [],
      'no entry per section: the page redirect carries the fragment',
    );
    assert.deepEqual(
      landings(result, ['/guide/ops/', '/guide/ops/#monitoring', '/guide/ops/#backups']),
      {
        '/guide/ops/': '/guide/operations/',
        '/guide/ops/#monitoring': '/guide/operations/#monitoring',
        '/guide/ops/#backups': '/guide/operations/#backups',
      },
    );
  });

  test(`a page split in two: the page goes to the part with most of it, each section to its part (${record})`, () => {
    const after = {
      '/guide/setup/': mdx(
        'Set up',
        `${INTRO}\n\n## Install\n\n${INSTALL}\n\n## Configure the proxy\n\n${PROXY}\n\n### Proxy timeouts\n\n${TIMEOUTS}`,
      ),
      '/guide/upgrade/': mdx('Upgrade', `How to upgrade.\n\n## Rolling upgrade\n\n${UPGRADE}`),
      '/guide/ops/': BEFORE['/guide/ops/']!,
    };
    const result = movesBetween(BEFORE, after, record);
    assert.deepEqual(result.found.questions, []);
    assert.deepEqual(landings(result, ALL_OLD.slice(0, 5)), {
      '/guide/': '/guide/setup/',
      '/guide/#install': '/guide/setup/#install',
      '/guide/#configure-the-proxy': '/guide/setup/#configure-the-proxy',
      '/guide/#proxy-timeouts': '/guide/setup/#proxy-timeouts',
      '/guide/#upgrade': '/guide/upgrade/#rolling-upgrade',
    });
  });

  test(`two sections merged: both old anchors land on the merged section (${record})`, () => {
    const after = {
      ...BEFORE,
      '/guide/ops/': ops(
        `Running the cluster.\n\n## Keep it healthy\n\n${MONITORING}\n\n${BACKUPS}`,
      ),
    };
    const result = movesBetween(BEFORE, after, record);
    assert.deepEqual(landings(result, ['/guide/ops/#monitoring', '/guide/ops/#backups']), {
      '/guide/ops/#monitoring': '/guide/ops/#keep-it-healthy',
      '/guide/ops/#backups': '/guide/ops/#keep-it-healthy',
    });
  });

  test(`a section deleted whose text now lives elsewhere lands there; one whose text is gone is a question, never a redirect by itself (${record})`, () => {
    const after = {
      '/guide/': guide(
        `${INTRO}\n\n## Install\n\n${INSTALL}\n\n## Configure the proxy\n\n${PROXY}`,
      ),
      '/guide/ops/': ops(
        `Running the cluster.\n\n## Monitoring\n\n${MONITORING}\n\n## Backups\n\n${BACKUPS}\n\n${UPGRADE}`,
      ),
    };
    const result = movesBetween(BEFORE, after, record);
    assert.deepEqual(landings(result, ['/guide/#upgrade', '/guide/#proxy-timeouts']), {
      '/guide/#upgrade': '/guide/ops/#backups',
      '/guide/#proxy-timeouts': 'LOST',
    });
    const gone = result.found.questions.find(
      (question) => question.from.fragment === 'proxy-timeouts',
    )!;
    assert.match(gone.reason, /text is no longer on the site/);
    assert.ok(
      gone.choices.some((choice) => displayLocation(choice.to) === '/guide/'),
      'the top of its page is one of the answers',
    );
  });
}

test('a heading renamed twice in two commits: the second run retargets the first entry, leaving no chain', () => {
  const first = {
    ...BEFORE,
    '/guide/': BEFORE['/guide/']!.replace('## Upgrade', '## Upgrade the cluster'),
  };
  const one = movesBetween(BEFORE, first);
  const map = one.edits
    .map((edit) =>
      edit.kind === 'add'
        ? `- from: ${displayLocation(edit.from)}\n  to: ${displayTarget(edit.to)}\n`
        : '',
    )
    .join('');
  assert.equal(map, '- from: /guide/#upgrade\n  to: /guide/#upgrade-the-cluster\n');
  // The lock now holds the first new name too; the second rename starts from there.
  const second = {
    ...BEFORE,
    '/guide/': BEFORE['/guide/']!.replace('## Upgrade', '## Roll out a new version'),
  };
  const two = movesBetween(
    { ...BEFORE, ...first, '/guide/extra/': BEFORE['/guide/']! },
    second,
    'lock-and-sources',
    map,
  );
  const edits = two.edits.map((edit) =>
    edit.kind === 'add'
      ? `+ ${displayLocation(edit.from)} → ${displayTarget(edit.to)}`
      : edit.kind === 'retarget'
        ? `~ ${displayLocation(edit.entry.from)} → ${displayTarget(edit.to)}`
        : `- ${displayLocation(edit.entry.from)}`,
  );
  assert.ok(edits.includes('~ /guide/#upgrade → /guide/#roll-out-a-new-version'), edits.join('\n'));
  assert.ok(
    edits.includes('+ /guide/#upgrade-the-cluster → /guide/#roll-out-a-new-version'),
    edits.join('\n'),
  );
});

test("a rename that takes another section's published id: that heading is pinned to its own old id", () => {
  // "Install" becomes "Get started"; "Configure the proxy" becomes "Install", which would take #install.
  const after = {
    ...BEFORE,
    '/guide/': BEFORE['/guide/']!.replace('## Install', '## Get started').replace(
      '## Configure the proxy',
      '## Install',
    ),
  };
  const result = movesBetween(BEFORE, after);
  assert.deepEqual(
    result.found.pins.map((pin) => `${pin.heading} {#${pin.newId}} (was #${pin.takenId})`),
    ['Install {#configure-the-proxy} (was #install)'],
  );
  assert.deepEqual(landings(result, ['/guide/#install', '/guide/#configure-the-proxy']), {
    '/guide/#install': '/guide/#get-started',
    '/guide/#configure-the-proxy': '/guide/#configure-the-proxy',
  });
});

test('a section whose text went into its own new subsections keeps its id: nothing moved, nothing pinned', () => {
  // A reference table turned into one block per setting: the heading stays, its rows become h3s.
  const words = BACKUPS.split(' ');
  const most = Math.ceil(words.length * 0.7);
  const after = {
    ...BEFORE,
    '/guide/ops/': BEFORE['/guide/ops/']!.replace(
      `## Backups\n\n${BACKUPS}`,
      `## Backups\n\nTwo kinds.\n\n### Daily\n\n${words.slice(0, most).join(' ')}\n\n### Weekly\n\n${words.slice(most).join(' ')}`,
    ),
  };
  for (const record of ['lock', 'lock-and-sources'] as const) {
    const result = movesBetween(BEFORE, after, record);
    assert.deepEqual(result.found.pins, [], record);
    assert.deepEqual(result.found.sections, [], record);
    assert.deepEqual(landings(result, ['/guide/ops/#backups']), {
      '/guide/ops/#backups': '/guide/ops/#backups',
    });
  }
});

test('text split evenly between sections whose headings do not decide is a question with the candidates', () => {
  const half = (text: string) => text.split(' ').slice(0, 30).join(' ');
  const rest = (text: string) => text.split(' ').slice(30).join(' ');
  const after = {
    ...BEFORE,
    '/guide/': guide(
      `${INTRO}\n\n## Install\n\n${INSTALL}\n\n## Alpha\n\n${half(PROXY)}\n\n## Beta\n\n${rest(PROXY)}\n\n### Proxy timeouts\n\n${TIMEOUTS}\n\n## Upgrade\n\n${UPGRADE}`,
    ),
  };
  const result = movesBetween(BEFORE, after);
  assert.equal(result.found.questions.length, 1);
  const question = result.found.questions[0]!;
  assert.equal(displayLocation(question.from), '/guide/#configure-the-proxy');
  assert.deepEqual(
    question.choices
      .slice(0, 2)
      .map((choice) => displayLocation(choice.to))
      .sort(),
    ['/guide/#alpha', '/guide/#beta'],
  );
  assert.match(question.reason, /split about evenly/);
  assert.equal(result.edits.length, 0, 'a question writes nothing');
});

test('fingerprints: exact containment for a full text, an estimate from the sample, a lossless round trip', () => {
  const old = shingles(PROXY + ' ' + TIMEOUTS);
  const candidate = shingles(PROXY);
  const exact = containment(old, candidate);
  const estimate = containment(fingerprintOf(old), candidate);
  assert.ok(exact > 0.4 && exact < 0.6, `half of the text: ${exact}`);
  assert.ok(Math.abs(estimate - exact) < 0.25, `the sample estimates it: ${estimate} vs ${exact}`);
  const fingerprint = fingerprintOf(old);
  assert.deepEqual(parseFingerprint(serializeFingerprint(fingerprint)), fingerprint);
  assert.equal(parseFingerprint('12:abc'), undefined, 'not a whole number of hashes');
  assert.equal(containment(shingles(''), candidate), 0);
});

test('new homes are content sections only, and a weak match is a question, never a redirect by itself', () => {
  const site = currentSite(BEFORE);
  const lost = {
    path: '/guide/' as SitePath,
    id: 'search-dialog',
    heading: 'Search the docs',
    identity: { scope: 'own' as const, text: shingles(prose('something nobody wrote about')) },
  };
  const decision = findNewHome(
    lost,
    site.candidates.sections,
    site.candidates.pageTops.get('/guide/' as SitePath),
  );
  assert.ok(decision.kind === 'ask');
  assert.equal(decision.choices.at(-1)!.home.id, null, 'the top of the page is an answer');
  assert.ok(
    site.candidates.sections.every(
      (candidate) => !['_top', 'search-dialog', 'sidebar', 'content'].includes(candidate.id!),
    ),
  );
});

const PLUGINS = prose('installing or upgrading a plugin on one node propagates to every node');
const REWORDED = prose('when you put a new plugin on any server the shared storage copies it over');
const CLI = prose('two command line tools and only one of them is cluster aware');
const OPS_BEFORE: MdxSite = {
  '/ops/': mdx(
    'Operations',
    `Running it.\n\n## Monitoring\n\n${MONITORING}\n\n## Plugins\n\n${PLUGINS}\n\n## CLI versus mmctl\n\n${CLI}\n\n## Backups\n\n${BACKUPS}`,
  ),
};
const OPS_AFTER: MdxSite = {
  '/ops/': mdx(
    'Operations',
    `Running it.\n\n## Monitoring\n\n${MONITORING}\n\n## Extend the cluster with plugins\n\n${REWORDED}\n\n## Backups\n\n${BACKUPS}`,
  ),
};

test('a section renamed and reworded is a question; its renamed heading, in its place, leads the candidates', () => {
  const result = movesBetween(OPS_BEFORE, OPS_AFTER);
  assert.deepEqual(
    result.found.questions.map((question) => displayLocation(question.from)),
    ['/ops/#plugins', '/ops/#cli-versus-mmctl'],
  );
  assert.deepEqual(result.found.sections, [], 'nothing redirected by itself');
  assert.deepEqual(result.edits, [], 'and nothing to write');
  const plugins = result.found.questions[0]!;
  assert.deepEqual(
    plugins.choices.map((choice) => displayLocation(choice.to)),
    ['/ops/#extend-the-cluster-with-plugins', '/ops/#monitoring', '/ops/#backups', '/ops/'],
  );
  assert.match(plugins.choices[0]!.reason, /100% of its heading's words, 83% near where it stood/);
});

test('an answer (--choose) to a question is written like a move; an answer to no question is named', () => {
  const answers = new Map([
    ['/ops/#plugins', { path: '/ops/' as SitePath, fragment: 'extend-the-cluster-with-plugins' }],
    ['/ops/#cli-versus-mmctl', { path: '/ops/' as SitePath, fragment: null }],
    ['/ops/#monitoring', { path: '/ops/' as SitePath, fragment: null }],
  ]);
  const result = planMoves({
    published: publishedOf(OPS_BEFORE, 'lock-and-sources'),
    site: currentSite(OPS_AFTER),
    entries: [],
    mapFile: 'redirects.yaml',
    answers,
  });
  assert.deepEqual(result.found.questions, []);
  assert.deepEqual(landings(result, ['/ops/#plugins', '/ops/#cli-versus-mmctl']), {
    '/ops/#plugins': '/ops/#extend-the-cluster-with-plugins',
    '/ops/#cli-versus-mmctl': '/ops/',
  });
  assert.deepEqual(result.unusedAnswers, ['/ops/#monitoring']);
});
