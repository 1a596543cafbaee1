/**
 * A corpus of realistic documentation pages for the build benchmark, written as plain MDX that
 * any Astro docs site builds unchanged: front matter with a title and a description, about
 * 1,500 words of prose under 8 to 12 headings (h2 and h3), fenced code, a table, a list and 10
 * links to sections of other pages. No component, import or site-specific syntax, so this
 * project and Starlight build exactly the same files.
 *
 * Pages sit in a docs-like tree (8 top sections, 20 pages per subsection). Deterministic: the
 * same page count gives the same bytes, and a corpus of N pages is a prefix of a larger one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FILLER_WORDS, seededRandom } from '../support/seeded-text.ts';

/** One page of the corpus. */
export interface CorpusPage {
  /** Source file relative to the content folder: `deploy/cluster-3/tune-the-proxy-17.mdx`. */
  file: string;
  /** The URL path both sites serve it at: `/deploy/cluster-3/tune-the-proxy-17/`. */
  path: string;
  title: string;
  headings: { text: string; id: string; level: 2 | 3 }[];
}

const SECTIONS = [
  'deploy',
  'configure',
  'administer',
  'scale',
  'secure',
  'integrate',
  'upgrade',
  'troubleshoot',
];
const PAGES_PER_SUBSECTION = 20;

const VERBS = [
  'Configure',
  'Deploy',
  'Monitor',
  'Upgrade',
  'Back up',
  'Restore',
  'Tune',
  'Secure',
  'Migrate',
  'Scale',
  'Enable',
  'Verify',
  'Rotate',
  'Inspect',
  'Replace',
];
const NOUNS = [
  'the proxy',
  'the database',
  'file storage',
  'the cluster',
  'search indexing',
  'push notifications',
  'the license',
  'audit logging',
  'session tokens',
  'the job server',
  'read replicas',
  'metrics collection',
  'the message export',
  'plugin uploads',
  'rate limits',
  'certificates',
  'the load balancer',
  'single sign-on',
  'data retention',
  'the image proxy',
];
const QUALIFIERS = [
  'for production',
  'on Kubernetes',
  'behind a firewall',
  'without downtime',
  'across regions',
  'for large teams',
  'with high availability',
  'in air-gapped networks',
  'after an incident',
  'before an upgrade',
  'on Ubuntu',
  'for compliance',
];

/** GitHub's slug for the plain ASCII headings written here (the slug both sites give them). */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

/** The pages of a corpus of `count` pages: paths, titles and headings, before any prose. */
export function planCorpus(count: number): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (let n = 0; n < count; n += 1) {
    const rand = seededRandom(1_000 + n);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const subsection = Math.floor(n / PAGES_PER_SUBSECTION);
    const section = SECTIONS[subsection % SECTIONS.length]!;
    const title = `${pick(VERBS)} ${pick(NOUNS)} ${pick(QUALIFIERS)}`;
    const name = `${slug(title).split('-').slice(0, 3).join('-')}-${n}`;
    const headings: CorpusPage['headings'] = [];
    const used = new Set<string>();
    const headingCount = 8 + Math.floor(rand() * 5);
    while (headings.length < headingCount) {
      const text = `${pick(VERBS)} ${pick(NOUNS)}${rand() < 0.5 ? ` ${pick(QUALIFIERS)}` : ''}`;
      const id = slug(text);
      if (used.has(id)) continue;
      used.add(id);
      headings.push({ text, id, level: headings.length === 0 || rand() < 0.65 ? 2 : 3 });
    }
    pages.push({
      file: `${section}/${section}-${subsection}/${name}.mdx`,
      path: `/${section}/${section}-${subsection}/${name}/`,
      title,
      headings,
    });
  }
  return pages;
}

const CODE_SAMPLES = [
  [
    'bash',
    'sudo systemctl stop mattermost\nsudo -u mattermost ./bin/mmctl config set SqlSettings.MaxOpenConns 300\nsudo systemctl start mattermost\ncurl -fsS http://127.0.0.1:8065/api/v4/system/ping',
  ],
  [
    'yaml',
    'cluster:\n  enable: true\n  name: production\n  gossipPort: 8074\ndatabase:\n  driver: postgres\n  maxIdleConns: 20\n  replicas:\n    - postgres://replica-1:5432/mattermost',
  ],
  [
    'json',
    '{\n  "ClusterSettings": {\n    "Enable": true,\n    "ClusterName": "production",\n    "GossipPort": 8074,\n    "ReadOnlyConfig": true\n  }\n}',
  ],
  [
    'nginx',
    'upstream backend {\n  server 10.10.10.2:8065;\n  server 10.10.10.4:8065;\n  keepalive 64;\n}\nserver {\n  listen 443 ssl http2;\n  location / { proxy_pass http://backend; }\n}',
  ],
] as const;

/** The MDX source of `page`; `others` are the pages its 10 links may point at. */
export function renderPage(page: CorpusPage, index: number, others: readonly CorpusPage[]): string {
  const rand = seededRandom(50_000 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(FILLER_WORDS)).join(' ');
  const sentence = (n: number) => {
    const text = words(n);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (sentences: number) =>
    Array.from({ length: sentences }, () => sentence(10 + Math.floor(rand() * 8))).join(' ');

  // Ten links, spread over the sections, most of them to a section of another page.
  const linkAt = new Map<number, string[]>();
  for (let n = 0; n < 10; n += 1) {
    const target = others.length > 1 ? pick(others.filter((other) => other !== page)) : page;
    const heading = rand() < 0.7 ? pick(target.headings) : undefined;
    const href = heading === undefined ? target.path : `${target.path}#${heading.id}`;
    const text = heading === undefined ? target.title.toLowerCase() : heading.text.toLowerCase();
    const at = n % page.headings.length;
    linkAt.set(at, [...(linkAt.get(at) ?? []), `see [${text}](${href})`]);
  }

  const out = [
    '---',
    `title: ${page.title}`,
    `description: ${sentence(14)}`,
    '---',
    '',
    paragraph(4),
    '',
  ];
  const tableAt = Math.floor(rand() * page.headings.length);
  page.headings.forEach((heading, h) => {
    out.push(`${'#'.repeat(heading.level)} ${heading.text}`, '');
    const links = linkAt.get(h) ?? [];
    out.push(
      `${paragraph(3)} When the ${pick(FILLER_WORDS)} is ready, ${links.length > 0 ? `${links.join(', and ')}; ` : ''}` +
        `set \`${pick(['ClusterSettings.Enable', 'SqlSettings.DataSource', 'FileSettings.DriverName', 'ServiceSettings.SiteURL'])}\` ` +
        `to **${pick(['true', 'false', 'amazons3', 'postgres'])}** first. ${paragraph(2)}`,
      '',
      paragraph(heading.level === 2 ? 3 : 2),
      '',
    );
    if (h % 3 === 1) {
      const [language, code] = pick(CODE_SAMPLES);
      out.push(`\`\`\`${language}`, code, '```', '');
    }
    if (h % 4 === 2) {
      out.push(
        `- ${sentence(9)}`,
        `- ${sentence(11)}`,
        `- Check \`${pick(FILLER_WORDS)}.${pick(FILLER_WORDS)}\` ${words(6)}.`,
        '',
      );
    }
    if (h === tableAt) {
      out.push(
        '| Setting | Default | Effect |',
        '| --- | --- | --- |',
        ...Array.from(
          { length: 5 },
          () =>
            `| \`${pick(FILLER_WORDS)}${pick(['Enable', 'Timeout', 'Size', 'Url'])}\` | ${pick(['true', '30', '100', 'off'])} | ${sentence(8)} |`,
        ),
        '',
      );
    }
  });
  return `${out.join('\n')}\n`;
}

/** Writes a corpus of `count` pages into `dir` (emptied first); returns the pages and the words written. */
export function writeCorpus(dir: string, count: number): { pages: CorpusPage[]; words: number } {
  const pages = planCorpus(count);
  rmSync(dir, { recursive: true, force: true });
  let words = 0;
  pages.forEach((page, index) => {
    const text = renderPage(page, index, pages);
    const body = text.slice(text.indexOf('\n---\n') + 5);
    words += body.split(/\s+/).filter(Boolean).length;
    mkdirSync(dirname(join(dir, page.file)), { recursive: true });
    writeFileSync(join(dir, page.file), text);
  });
  return { pages, words };
}
