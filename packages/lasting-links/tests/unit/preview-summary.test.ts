/**
 * The preview's summary: its JSON round trip, and the pull request comment made from it, which
 * nothing a pull request wrote can turn into links, mentions or HTML.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  changesMarkdown,
  parseChangesSummary,
  summarizeChanges,
} from '../../src/lib/preview/changes-summary.ts';
import type { Root as MdastRoot, Nodes as MdastNode } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { MAP_FILE, BUILT, report } from './support/preview-sites.ts';

test('the summary survives its JSON round trip and becomes Markdown with links into the preview', () => {
  const summary = parseChangesSummary(JSON.stringify(summarizeChanges(report)), 'summary.json');
  const markdown = changesMarkdown(summary, 'https://previews.example.com/pr-12/', MAP_FILE, BUILT);
  assert.match(markdown, /^### Preview of #12 at `abcdef1`$/m);
  assert.match(
    markdown,
    /\*\*\[Open the preview\]\(https:\/\/previews\.example\.com\/pr-12\/\)\*\* · \[What changed\]\(https:\/\/previews\.example\.com\/pr-12\/_changes\/\)/,
  );
  assert.match(markdown, /: 2 changed, 1 moved, 1 added, 1 removed, 1 unchanged\./);
  assert.match(
    markdown,
    /^\| \[`Troubleshooting`\]\(https:\/\/previews\.example\.com\/pr-12\/trouble\/\) `\/trouble\/` \| changed: `WebSocket connections drop`, `Monitor replica lag`, `Collect logs` \|$/m,
  );
  assert.match(
    markdown,
    /^\| \[`Configuration reference`\]\(https:\/\/previews\.example\.com\/pr-12\/settings\/\) `\/settings\/` \| moved from `\/config\/`; text unchanged \|$/m,
  );
  assert.match(
    markdown,
    /^\| \[`New <page>`\]\(https:\/\/previews\.example\.com\/pr-12\/new\/\) `\/new\/` \| added \|$/m,
  );
  assert.match(
    markdown,
    /^\| `\/config\/` and its 2 anchors \| \[`\/settings\/`\]\(https:\/\/previews\.example\.com\/pr-12\/settings\/\) \| line 5 \|$/m,
  );
  assert.match(
    markdown,
    /^\| `\/trouble\/#ws` \| \[`\/trouble\/#ws-drop`\]\(https:\/\/previews\.example\.com\/pr-12\/trouble\/#ws-drop\) \| line 3 \|$/m,
  );
  assert.match(markdown, /\*\*Moved and renamed addresses\*\* \(4\)/);
  assert.match(markdown, /\*\*Link check:\*\* 0 errors, 1 warning/);
  // A summary written before anchors were grouped under their page still reads.
  const old = JSON.parse(JSON.stringify(summarizeChanges(report))) as {
    moves: Array<Record<string, unknown>>;
  };
  for (const move of old.moves) delete move['anchors'];
  assert.equal(parseChangesSummary(JSON.stringify(old), 's').moves[0]!.anchors, 0);
});

test('a summary from an untrusted build cannot smuggle links or paths into the comment', () => {
  const good = summarizeChanges(report);
  const forged = (change: (copy: Record<string, unknown>) => void) => {
    const copy = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    change(copy);
    return JSON.stringify(copy);
  };
  const pages = (copy: Record<string, unknown>) => copy['pages'] as Array<Record<string, unknown>>;
  const movedAt = good.pages.findIndex((p) => p.change === 'moved');
  for (const [what, text, message] of [
    [
      'a path that climbs',
      forged((c) => (pages(c)[0]!['path'] = '/../../evil/')),
      /pages\[0\]\.path .* is not a site path/,
    ],
    [
      'a path with a host',
      forged((c) => (pages(c)[0]!['path'] = '//evil.example/')),
      /is not a site path/,
    ],
    [
      'a moved page from a host',
      forged((c) => (pages(c)[movedAt]!['from'] = '//evil.example/')),
      new RegExp(`pages\\[${movedAt}\\]\\.from .* is not a site path`),
    ],
    ['a bad pull request', forged((c) => (c['pr'] = '12; rm')), /pr is missing/],
    ['a bad change', forged((c) => (pages(c)[0]!['change'] = 'pwned')), /pages\[0\]\.change/],
    [
      'a bad anchor count',
      forged((c) => ((c['moves'] as Array<Record<string, unknown>>)[0]!['anchors'] = -1)),
      /moves\[0\]\.anchors is not a count/,
    ],
    ['not JSON', '{', /not JSON/],
  ] as const) {
    assert.throws(() => parseChangesSummary(text, 'summary.json'), message, what);
  }
  // Titles are text: Markdown that would make a link shows as written.
  const sneaky = parseChangesSummary(
    forged((c) => (pages(c)[0]!['title'] = '[click](https://evil.example) <img src=x>')),
    's',
  );
  const markdown = changesMarkdown(sneaky, '/pr-12/', 'm.yaml', BUILT);
  assert.match(markdown, /`\[click\]\(https:\/\/evil\.example\) <img src=x>`/);
});

/** The comment as GitHub-flavoured Markdown reads it. */
function gfmTree(markdown: string): MdastRoot {
  return unified().use(remarkParse).use(remarkGfm).parse(markdown);
}

test('everything a pull request wrote reaches the comment as text: no links, mentions, emphasis or HTML of its own', () => {
  const hostile = [
    'cc @mona',
    'see http://evil.example',
    'mail mailto:x@evil.example',
    'www.evil.example',
    'x@evil.example',
    '**bold** ~~strike~~ _em_',
    '[click](https://evil.example)',
    '<b>html</b>',
  ].join(' and ');
  const summary = parseChangesSummary(
    JSON.stringify({
      ...summarizeChanges(report),
      base: { ref: `main ${hostile}`, sha: undefined },
      pages: [
        {
          path: '/a)www.evil.example/',
          title: hostile,
          change: 'changed',
          sections: [hostile, 'cc @octo'],
        },
        { path: '/b@evil.example/', title: hostile, change: 'added', sections: [] },
        { path: '/c/', title: hostile, change: 'removed', sections: [] },
      ],
      moves: [{ from: '/d@mona/', to: `https://x.example/${hostile}`, lines: [1] }],
    }),
    'summary.json',
  );
  const previewUrl = 'https://previews.example.com/pr-12/';
  const identity = {
    pr: 12,
    sha: 'abcdef1234567',
    at: '2025-01-31T12:00:00Z',
    event: 'published',
  } as const;
  const reasonSummary = { ...summary, base: { reason: hostile } };
  for (const markdown of [
    changesMarkdown(summary, previewUrl, 'content/redirects.yaml', identity),
    changesMarkdown(reasonSummary, previewUrl, 'content/redirects.yaml', identity),
  ]) {
    const problems: string[] = [];
    const ours = ['Open the preview', 'Link check:', 'breaks', 'Moved and renamed addresses'];
    const walk = (node: MdastNode, inside: string[]) => {
      if (node.type === 'link' && !(node as { url: string }).url.startsWith(previewUrl))
        problems.push(`a link to ${(node as { url: string }).url}`);
      if (node.type === 'html') problems.push(`HTML ${(node as { value: string }).value}`);
      if (node.type === 'text' && /(^|[^\w`])@\w/.test((node as { value: string }).value))
        problems.push(`a mention in ${JSON.stringify((node as { value: string }).value)}`);
      if (['strong', 'emphasis', 'delete'].includes(node.type)) {
        const text = toString(node);
        if (!ours.some((label) => text.startsWith(label))) problems.push(`${node.type} ${text}`);
      }
      for (const child of (node as { children?: MdastNode[] }).children ?? [])
        walk(child, [...inside, node.type]);
    };
    walk(gfmTree(markdown), []);
    assert.deepEqual(problems, [], markdown);
    assert.match(markdown, /cc @mona/, 'the text still reads as written');
  }
});

test("the comment's pull request, commit and time are the publisher's, not the summary's", () => {
  const forged = parseChangesSummary(
    JSON.stringify({ ...summarizeChanges(report), pr: 5, sha: 'deadbeef', builtAt: 'not a time' }),
    'summary.json',
  );
  const markdown = changesMarkdown(forged, 'https://previews.example.com/pr-77/', 'm.yaml', {
    pr: 77,
    sha: '0123456789abcdef',
    at: '2025-02-03T04:05:00Z',
    event: 'published',
  });
  assert.match(markdown, /^### Preview of #77 at `0123456`$/m);
  assert.match(markdown, /published 3 Feb 2025, 04:05 UTC/);
  assert.doesNotMatch(markdown, /#5\b|deadbee|Invalid Date|not a time|pr-5\//);
});
