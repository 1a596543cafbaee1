/**
 * The scale test site's pages: every path of the real docs set (tests/fixtures/mattermost/
 * mattermost-pages-2026.txt) as an MDX page with realistic headings, among them every section
 * the imported Sphinx map sends readers to, so the site can hold the whole map. Deterministic:
 * the same inputs give the same bytes.
 */
import GithubSlugger from 'github-slugger';
import type { SitePath } from '../../packages/lasting-links/src/lib/site-path.ts';
import { FILLER_WORDS, seededRandom } from '../../bench/support/seeded-text.ts';

/** One page to write: its source file under the content folder, and its text. */
export interface ScalePage {
  file: string;
  path: SitePath;
  text: string;
  /** The ids of its sections, in order. */
  ids: string[];
}

const TOPICS = [
  'Before you begin',
  'Prerequisites for {topic}',
  'Configure {topic}',
  'Verify {topic}',
  'Troubleshoot {topic}',
  'Limits of {topic}',
  'Upgrade notes for {topic}',
  'Security considerations for {topic}',
  'Monitor {topic}',
  'Frequently used settings for {topic}',
];

/** `high-availability-cluster` is "High availability cluster". */
function humanize(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An id a heading attribute can carry (`{#id}`) without quoting. */
const PLAIN_ID = /^[A-Za-z0-9][\w.:-]*$/;

/** The site path of a listed page: `a/b` and `a/b/index` are both `/a/b/`; `index` is the home page. */
export function scalePagePath(path: string): SitePath {
  const slug = path.replace(/(^|\/)index$/, '');
  return (slug === '' ? '/' : `/${slug}/`) as SitePath;
}

/**
 * The pages for `paths` (`a/b/c`, served at `/a/b/c/`), but the home page, which is the
 * site's own (src/pages/index.astro). `sections` lists, per page, the ids
 * readers must be able to land on; `avoid` holds ids no generated heading may take (old
 * anchors that a server redirect delivers to these pages, which must stay unknown there).
 */
export function scalePages(
  paths: readonly string[],
  sections: ReadonlyMap<SitePath, ReadonlySet<string>>,
  avoid: ReadonlySet<string>,
): ScalePage[] {
  const listed = paths.filter((path) => scalePagePath(path) !== '/');
  const sitePaths = listed.map(scalePagePath);
  const pages: ScalePage[] = [];
  const headingsOf = new Map<SitePath, Array<{ text: string; id: string; attribute: boolean }>>();
  sitePaths.forEach((path, index) => {
    const rand = seededRandom(7_000 + index);
    const topic = humanize(path.split('/').at(-2) ?? 'the site').toLowerCase();
    const slugger = new GithubSlugger();
    const headings: Array<{ text: string; id: string; attribute: boolean }> = [];
    const taken = new Set<string>();
    const add = (text: string, id: string | undefined) => {
      const derived = slugger.slug(text);
      const wanted = id ?? derived;
      if (taken.has(wanted) || (id === undefined && avoid.has(wanted))) return;
      taken.add(wanted);
      headings.push({ text, id: wanted, attribute: wanted !== derived });
    };
    for (const id of sections.get(path) ?? []) if (PLAIN_ID.test(id)) add(humanize(id), id);
    for (const pattern of TOPICS) {
      if (headings.length >= 6 + Math.floor(rand() * 5) && pattern !== TOPICS[0]) continue;
      add(pattern.replace('{topic}', topic), undefined);
    }
    headingsOf.set(path, headings);
  });

  sitePaths.forEach((path, index) => {
    const rand = seededRandom(90_000 + index);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const sentence = () => {
      const text = Array.from({ length: 12 + Math.floor(rand() * 8) }, () =>
        pick(FILLER_WORDS),
      ).join(' ');
      return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
    };
    const headings = headingsOf.get(path)!;
    const title = humanize(path.split('/').at(-2)!);
    const source = listed[index]!;
    const out = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `description: ${JSON.stringify(`${title}: what it is, how to set it up and how to keep it working.`)}`,
      '---',
      '',
      `${sentence()} ${sentence()}`,
      '',
    ];
    headings.forEach((heading, at) => {
      out.push(`## ${heading.text}${heading.attribute ? ` {#${heading.id}}` : ''}`, '');
      const paragraph = [sentence(), sentence(), sentence()];
      // Three links to sections of other pages, as docs pages link to each other.
      if (at < 3) {
        const other = sitePaths[Math.floor(rand() * sitePaths.length)]!;
        const target = pick(headingsOf.get(other)!);
        paragraph.push(`See [${target.text.toLowerCase()}](${other}#${target.id}).`);
      }
      out.push(paragraph.join(' '), '');
      if (at % 4 === 1)
        out.push(
          '```bash',
          `mmctl config get ${pick(FILLER_WORDS)}.${pick(FILLER_WORDS)}`,
          '```',
          '',
        );
    });
    pages.push({
      file: `${source}.mdx`,
      path,
      text: `${out.join('\n')}\n`,
      ids: headings.map((heading) => heading.id),
    });
  });
  return pages;
}
