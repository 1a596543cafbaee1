/**
 * The two sites the preview-change tests compare: a base and a pull request that renames,
 * moves, splits and rewrites, with the redirect map between them, and the changes report made
 * from them. Built once per test process.
 */
import { scanPage } from '../../../src/lib/html/scan-page.ts';
import type { AnchorIndex, PageAnchors } from '../../../src/lib/site/anchor-index.ts';
import { sitePath, type SitePath } from '../../../src/lib/site-path.ts';
import { parseRedirectMap } from '../../../src/lib/redirects/redirect-map.ts';
import { planRedirects } from '../../../src/lib/redirects/plan-redirects.ts';
import { compareSites, type SiteContent } from '../../../src/lib/preview/compare-sites.ts';
import { anchorMoves } from '../../../src/lib/preview/anchor-moves.ts';
import { pageBlocks } from '../../../src/lib/preview/page-blocks.ts';
import { buildChangesReport } from '../../../src/lib/preview/changes-report.ts';
import type { PreviewSettings } from '../../../src/lib/preview/settings.ts';

/** A section as a test writes it: id, heading, level, then its blocks (`<p>` unless tagged). */
export type SectionSpec = [id: string, heading: string, level: number, blocks: string[]];

/** A built page as the site writes one: a title, then sections with self-linked headings. */
function pageHtml(title: string, sections: SectionSpec[]): string {
  return (
    `<html><head><title>${title}</title></head><body><main><article><h1 id="_top">${title}</h1><p>Intro of ${title}.</p>` +
    sections
      .map(
        ([id, heading, level, blocks]) =>
          `<div class="heading-wrapper"><h${level} id="${id}">${heading}</h${level}><a class="heading-anchor" href="#${id}"><span class="sr-only">Link to this section: ${heading}</span></a></div>` +
          blocks.map((block) => (block.startsWith('<') ? block : `<p>${block}</p>`)).join(''),
      )
      .join('') +
    '</article></main></body></html>'
  );
}

export interface Site {
  index: AnchorIndex;
  content: SiteContent;
}

export function site(pages: Record<string, [string, SectionSpec[]]>): Site {
  const index = new Map<SitePath, PageAnchors>();
  const content = new Map<SitePath, ReturnType<typeof pageBlocks>>();
  for (const [path, [title, sections]] of Object.entries(pages)) {
    const html = pageHtml(title, sections);
    const scan = scanPage(html, { sectionText: true });
    index.set(sitePath(path), {
      path: sitePath(path),
      ids: new Set(scan.ids),
      headings: scan.headings,
    });
    content.set(sitePath(path), pageBlocks(html));
  }
  return { index, content };
}

export const LONG = Array.from(
  { length: 5 },
  (_, n) => `Paragraph ${n + 1} of the new section, with enough words to read as prose.`,
);
const CODE_BEFORE =
  '<pre><code>mmctl config get JobSettings.RunScheduler\nsudo grep MM_JOBSETTINGS_RUNSCHEDULER /opt/env</code></pre>';
const CODE_AFTER =
  '<pre><code>mmctl config get JobSettings.RunScheduler\nsudo grep -H MM_JOBSETTINGS /opt/env</code></pre>';

export const base = site({
  '/ops/': [
    'Operations',
    [
      ['jobs', 'Job server', 2, ['Jobs run on nodes.', CODE_BEFORE, 'Keep it on.']],
      [
        'lag',
        'Monitor replica lag',
        3,
        ['A replica that falls behind serves stale reads.', 'Alert on it.'],
      ],
      ['vacuum', 'Monitor vacuuming', 2, ['Vacuum keeps tables small.']],
    ],
  ],
  '/trouble/': [
    'Troubleshooting',
    [
      ['ws', 'WebSocket disconnects', 2, ['Most problems come from one of three causes.']],
      ['faq', 'Questions', 2, ['Ask away.']],
    ],
  ],
  '/config/': [
    'Configuration reference',
    [
      ['cluster', 'Cluster settings', 2, ['Every cluster key.']],
      ['log', 'Log settings', 2, ['Every log key.']],
    ],
  ],
  '/gone/': ['Gone page', [['only', 'Only', 2, ['Bye.']]]],
  '/same/': ['Same', [['s', 'S', 2, ['Nothing changes here.']]]],
});
export const pr = site({
  '/ops/': [
    'Operations',
    [
      ['jobs', 'Job server', 2, ['Jobs run on nodes.', CODE_AFTER, 'Keep it on.']],
      ['vacuum', 'Monitor vacuuming', 2, ['Vacuum keeps tables small.']],
    ],
  ],
  '/trouble/': [
    'Troubleshooting',
    [
      ['ws-drop', 'WebSocket connections drop', 2, ['Most problems have one of three causes.']],
      [
        'lag',
        'Monitor replica lag',
        2,
        ['A replica that falls behind serves stale reads.', 'Alert on it.'],
      ],
      ['logs', 'Collect logs', 2, LONG],
      ['faq', 'Questions', 2, ['Ask away.']],
    ],
  ],
  '/settings/': [
    'Configuration reference',
    [
      ['cluster', 'Cluster settings', 2, ['Every cluster key.']],
      ['log', 'Log settings', 2, ['Every log key.']],
    ],
  ],
  '/new/': ['New &lt;page&gt;', [['n', 'N', 2, ['Fresh.']]]],
  '/same/': ['Same', [['s', 'S', 2, ['Nothing changes here.']]]],
});
export const MAP_FILE = 'content/redirects.yaml';

/** Who the comment says the preview is (the build's own values). */
export const BUILT = {
  pr: 12,
  sha: 'abcdef1234',
  at: '2025-01-31T12:00:00Z',
  event: 'built',
} as const;
const map = parseRedirectMap(
  `- from: /ops/#lag
  to: /trouble/#lag
- from: /trouble/#ws
  to: /trouble/#ws-drop
- from: /config/
  to: /settings/
- from: /gone/
  to: /same/
`,
  MAP_FILE,
  [],
);
export const { plan } = planRedirects(map.entries, pr.index, MAP_FILE);
export const moves = anchorMoves(base.index, pr.index, plan);
export const changes = compareSites(base.content, pr.content, moves);
export const page = (path: string) =>
  [...changes.changed, ...changes.moved, ...changes.added, ...changes.removed].find(
    (candidate) => candidate.path === path,
  )!;

export const preview: PreviewSettings = {
  pr: 12,
  sha: 'abcdef1234567',
  builtAt: '2025-01-31T12:00:00Z',
  repositoryUrl: 'https://github.com/o/r',
  productionSite: 'https://docs.example.com',
};
export const report = buildChangesReport(
  preview,
  { index: pr.index, plan, content: pr.content },
  {
    kind: 'built',
    ref: 'origin/main',
    sha: '1234567abcdef',
    url: 'https://previews.example.com/main',
    index: base.index,
    content: base.content,
  },
  [
    {
      severity: 'warning',
      code: 'redirected',
      message: 'links to <old> through a redirect',
      page: sitePath('/ops/'),
    },
  ],
);
