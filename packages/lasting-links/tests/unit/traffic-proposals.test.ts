/**
 * `moves --from-log`, proposing: where a path that answered 404 should land, from its
 * Sphinx-era name, the map, the anchors lock, and its words; what is confident and what is a
 * question; and which map entries nobody used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mdx, currentSite, publishedOf, prose } from './support/source-sites.ts';
import { parseRedirectMap } from '../../src/lib/redirects/redirect-map.ts';
import { planRedirects } from '../../src/lib/redirects/plan-redirects.ts';
import { displayLocation, displayTarget } from '../../src/lib/redirects/locations.ts';
import { CONFIDENT, proposeHome, type Proposal } from '../../src/lib/traffic/propose.ts';
import { formerNames } from '../../src/lib/traffic/map-history.ts';
import { oldPathName } from '../../src/lib/traffic/rank-by-words.ts';
import { unusedEntries } from '../../src/lib/traffic/unused-entries.ts';

const SITE = {
  '/deploy/server/setup-tls/': mdx(
    'Set up TLS',
    `${prose('certificates keys renewal')}\n\n## Renew certificates\n\n${prose('renew expiry')}`,
  ),
  '/deploy/server/deploy-linux/': mdx('Deploy on Linux', prose('packages systemd service')),
  '/admin/overview/': mdx('Overview', prose('admin console')),
  '/users/overview/': mdx('Overview', prose('people profiles')),
  '/users/manage-channel-members/': mdx('Manage channel members', prose('add remove members')),
  '/reference/config-settings/': mdx(
    'Configuration settings',
    `${prose('settings reference')}\n\n## Database\n\n${prose('sql driver')}`,
  ),
};
const MAP = `
- from: /install/install-rhel.html
  to: /deploy/server/deploy-linux/
- from: /install/install-debian.html
  to: /deploy/server/deploy-linux/
- from: /old/settings.html#db
  to: /reference/config-settings/#database
- from: /old/settings.html#sql
  to: /reference/config-settings/#database
- from: /ancient/
  to: /admin/overview/
`;

function context(published = publishedOf({}, 'lock')) {
  const site = currentSite(SITE);
  const entries = parseRedirectMap(MAP, 'redirects.yaml', []).entries;
  const plan = planRedirects(entries, site.index, 'redirects.yaml').plan;
  return { site, plan, published, entries, formerNames: formerNames(entries, plan, site.index) };
}

type Proposed = Extract<Proposal, { kind: 'proposed' }>;

/** The proposal, which must be a confident one. */
function proposed(proposal: Proposal): Proposed {
  assert.equal(proposal.kind, 'proposed', JSON.stringify(summary(proposal)));
  return proposal;
}

/** A proposal as the paths it names. */
function summary(proposal: Proposal): {
  kind: Proposal['kind'];
  to?: string;
  candidates: string[];
} {
  if (proposal.kind === 'unusable') return { kind: proposal.kind, candidates: [] };
  if (proposal.kind === 'covered')
    return { kind: proposal.kind, to: displayTarget(proposal.to), candidates: [] };
  return {
    kind: proposal.kind,
    ...(proposal.kind === 'proposed' ? { to: displayTarget(proposal.to) } : {}),
    candidates: proposal.candidates.map((candidate) => displayTarget(candidate.to)),
  };
}

test('the name of an old path: its last segment as words, an index page named by its folder', () => {
  assert.deepEqual(oldPathName('/install/config-ssl.html'), {
    name: 'config ssl',
    folders: ['install'],
  });
  assert.deepEqual(oldPathName('/deploy/server/index.html'), {
    name: 'server',
    folders: ['deploy'],
  });
  assert.deepEqual(oldPathName('/a_b/Set_Up-TLS/'), { name: 'set up tls', folders: ['a', 'b'] });
});

test('a Sphinx-era .html address of a live page lands on the page, with full confidence', () => {
  const proposal = proposed(proposeHome('/deploy/server/setup-tls.html', context()));
  assert.equal(displayTarget(proposal.to), '/deploy/server/setup-tls/');
  assert.equal(proposal.confidence, 1);
  // A path without the slash is the same page's address as hosts serve it.
  assert.deepEqual(summary(proposeHome('/deploy/server/setup-tls', context())).kind, 'covered');
});

test('a path the map already covers is not a proposal', () => {
  assert.deepEqual(summary(proposeHome('/install/install-rhel.html', context())), {
    kind: 'covered',
    to: '/deploy/server/deploy-linux/',
    candidates: [],
  });
  assert.equal(proposeHome('/ancient', context()).kind, 'covered');
});

test('a page whose anchors the map moved lands where they went', () => {
  const proposal = proposed(proposeHome('/old/settings.html', context()));
  assert.equal(displayTarget(proposal.to), '/reference/config-settings/');
  assert.match(proposal.reason, /2 of the 2 anchors/);
});

test('the words of an old path find a renamed page: confident for the same words, a question for close ones', () => {
  const proposal = proposed(proposeHome('/messaging/managing-channel-members.html', context()));
  assert.equal(displayTarget(proposal.to), '/users/manage-channel-members/');
  assert.ok(proposal.confidence >= CONFIDENT);
  // One word fewer: the right page first, but under the threshold, so a question.
  const close = proposeHome('/messaging/managing-members.html', context());
  assert.equal(close.kind, 'question');
  assert.equal(summary(close).candidates[0], '/users/manage-channel-members/');
  // A sibling of old addresses the map already sends somewhere goes the same way: confident
  // when only a version differs, the first candidate when a word differs.
  const sibling = proposed(proposeHome('/install/install-rhel-8.html', context()));
  assert.equal(displayTarget(sibling.to), '/deploy/server/deploy-linux/');
  const cousin = proposeHome('/install/install-ubuntu.html', context());
  assert.equal(cousin.kind, 'question');
  assert.equal(summary(cousin).candidates[0], '/deploy/server/deploy-linux/');
});

test('two pages of the same name, or words that match nothing well, are questions with three candidates', () => {
  const tie = proposeHome('/guide/overview.html', context());
  assert.equal(tie.kind, 'question');
  assert.deepEqual(summary(tie).candidates.slice(0, 2).sort(), [
    '/admin/overview/',
    '/users/overview/',
  ]);
  const weak = proposeHome('/legacy/xyzzy-frobnicate.html', context());
  assert.ok(weak.kind === 'question', weak.kind);
  assert.equal(weak.candidates.length, 3);
  assert.ok(weak.confidence < CONFIDENT);
});

test('a page the anchors lock published is followed by its text, whatever its new name', () => {
  const before = { '/guides/certs/': mdx('Certificates', prose('certificates keys renewal')) };
  const proposal = proposed(proposeHome('/guides/certs/', context(publishedOf(before, 'lock'))));
  assert.equal(displayTarget(proposal.to), '/deploy/server/setup-tls/');
  assert.match(proposal.reason, /anchors lock/);
});

test('an address no map can hold is reported, not proposed', () => {
  assert.equal(proposeHome('/a/%2F/b/', context()).kind, 'unusable');
});

test("unused map entries: not the used ones, not anchors (logs never see them), not the lock's", () => {
  const entries = parseRedirectMap(MAP, 'redirects.yaml', []).entries;
  const unused = unusedEntries(
    entries,
    new Map([['/install/install-rhel.html', 3]]),
    new Set(['/ancient/']),
  );
  assert.deepEqual(
    unused.map((entry) => displayLocation(entry.from)),
    ['/install/install-debian.html'],
  );
});
