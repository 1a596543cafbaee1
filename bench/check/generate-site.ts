/**
 * Writes a large, realistic documentation site for the link-checker benchmark: the page
 * paths of a real docs site (tests/fixtures/mattermost/mattermost-pages-2026.txt) repeated over
 * release versions up to the page count wanted, each page with a header, a sidebar of its
 * section, headings with ids, a table of contents, prose with cross-links (many to anchors),
 * code blocks, prev/next links, and redirect stubs for a sample of real old URLs.
 *
 * It is seeded with known broken links (missing pages) and broken anchors (existing pages,
 * missing ids); `seeded.json` lists each as `{ file, url }` so a checker's report can be
 * compared exactly. Deterministic: same arguments, same bytes.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FILLER_WORDS, seededRandom } from '../support/seeded-text.ts';

/** One seeded error: the output file it is on and the href as written. */
export interface SeededError {
  file: string;
  url: string;
  kind: 'page' | 'anchor';
}

/** What was written. */
export interface GeneratedSite {
  dir: string;
  pages: number;
  bytes: number;
  links: number;
  seeded: SeededError[];
}

interface PageModel {
  path: string; // site path, `/v10.4/administration-guide/…/`
  title: string;
  headings: { id: string; text: string; level: number }[];
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Generates the site into `dir` (emptied first). */
export function generateSite(options: {
  dir: string;
  pages: number;
  brokenPages: number;
  brokenAnchors: number;
  fixturesDir: string;
}): GeneratedSite {
  const rand = seededRandom(20260701);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(FILLER_WORDS)).join(' ');

  const basePaths = readFileSync(join(options.fixturesDir, 'mattermost-pages-2026.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const redirects = Object.keys(
    JSON.parse(
      readFileSync(join(options.fixturesDir, 'mattermost-redirects-2026.json'), 'utf8'),
    ) as Record<string, string>,
  );
  const versions: string[] = [''];
  for (let minor = 12; versions.length * basePaths.length < options.pages; minor -= 1)
    versions.push(`v10.${minor}/`);

  const models: PageModel[] = [];
  for (const version of versions) {
    for (const path of basePaths) {
      if (models.length >= options.pages) break;
      const title = path.split('/').pop()!.replace(/-/g, ' ');
      const headings: PageModel['headings'] = [];
      const used = new Set<string>();
      const count = 6 + Math.floor(rand() * 12);
      for (let h = 0; h < count; h += 1) {
        const text = `${words(2 + Math.floor(rand() * 3))}`.replace(/^./, (c) => c.toUpperCase());
        let id = slug(text);
        for (let n = 1; used.has(id); n += 1) id = `${slug(text)}-${n}`;
        used.add(id);
        headings.push({ id, text, level: h === 0 || rand() < 0.6 ? 2 : 3 });
      }
      models.push({ path: `/${version}${path}/`, title, headings });
    }
  }
  const allPaths = new Set(models.map((model) => model.path));
  const byVersion = new Map<string, PageModel[]>();
  for (const model of models) {
    const version = model.path.split('/')[1]!.startsWith('v10.') ? model.path.split('/')[1]! : '';
    byVersion.set(version, [...(byVersion.get(version) ?? []), model]);
  }

  // Which pages carry a seeded error, and which one: spread over the whole site.
  const seedsByPage = new Map<number, ('page' | 'anchor')[]>();
  const seedCount = options.brokenPages + options.brokenAnchors;
  for (let n = 0; n < seedCount; n += 1) {
    const index = Math.floor(((n + 0.5) / seedCount) * models.length);
    // Alternate the kinds so both spread over every part of the site.
    const kind =
      n % 2 === 0
        ? n / 2 < options.brokenPages
          ? 'page'
          : 'anchor'
        : Math.floor(n / 2) < options.brokenAnchors
          ? 'anchor'
          : 'page';
    seedsByPage.set(index, [...(seedsByPage.get(index) ?? []), kind]);
  }

  rmSync(options.dir, { recursive: true, force: true });
  const seeded: SeededError[] = [];
  let bytes = 0;
  let links = 0;
  let seedNumber = 0;
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(options.dir, file)), { recursive: true });
    writeFileSync(join(options.dir, file), text);
    bytes += Buffer.byteLength(text);
  };
  write('_static/site.css', 'body{font-family:sans-serif}');
  write('_static/app.js', 'document.documentElement.dataset.ready="1";');
  write('_static/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');

  models.forEach((model, index) => {
    const file = `${model.path.slice(1)}index.html`;
    const version = model.path.split('/')[1]!.startsWith('v10.') ? model.path.split('/')[1]! : '';
    const siblings = byVersion.get(version)!;
    const section = model.path.split('/').slice(0, -2).join('/');
    const sidebar = siblings.filter((other) => other.path.startsWith(section + '/')).slice(0, 60);
    const out: string[] = [];
    const link = (href: string, text: string) => {
      links += 1;
      return `<a href="${escape(href)}">${escape(text)}</a>`;
    };
    out.push(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(model.title)}</title>`,
    );
    out.push(
      `<link rel="stylesheet" href="/_static/site.css"><script src="/_static/app.js" defer></script><link rel="icon" href="/_static/logo.svg"></head><body>`,
    );
    out.push(`<header><a href="#main" class="skip">Skip to content</a> ${link('/', 'Docs')} `);
    for (const top of [
      'administration-guide',
      'deployment-guide',
      'end-user-guide',
      'integrations-guide',
      'product-overview',
      'security-guide',
    ]) {
      const target = siblings.find((other) => other.path.startsWith(`/${version}${top}/`));
      if (target !== undefined) out.push(link(target.path, top.replace(/-/g, ' ')) + ' ');
    }
    // A version switcher, as on real versioned docs: the same page in every release.
    const rest = model.path.slice(version === '' ? 1 : version.length + 2);
    const releases = versions.filter((other) => allPaths.has(`/${other}${rest}`));
    out.push(
      `<select-version>${releases.map((other) => link(`/${other}${rest}`, other === '' ? 'latest' : other.slice(0, -1))).join(' ')}</select-version>`,
    );
    out.push(`</header><nav class="sidebar"><ul>`);
    for (const entry of sidebar) out.push(`<li>${link(entry.path, entry.title)}</li>`);
    out.push(
      `</ul></nav><main id="main"><article><h1 id="${slug(model.title)}">${escape(model.title)}</h1>`,
    );
    const seeds = seedsByPage.get(index) ?? [];
    model.headings.forEach((heading, h) => {
      out.push(
        `<h${heading.level} id="${heading.id}">${escape(heading.text)}<a class="heading-anchor" href="#${heading.id}">#</a></h${heading.level}>`,
      );
      for (let p = 0; p < 2; p += 1) {
        const target = pick(siblings);
        const withAnchor = rand() < 0.6 && target.headings.length > 0;
        const href = withAnchor ? `${target.path}#${pick(target.headings).id}` : target.path;
        const external =
          rand() < 0.15
            ? ` See ${link(`https://github.com/mattermost/mattermost/issues/${Math.floor(rand() * 30000)}`, 'the issue')}.`
            : '';
        out.push(`<p>${words(25)} ${link(href, words(3))} ${words(20)}.${external}</p>`);
      }
      if (h === 1 && seeds.length > 0) {
        for (const kind of seeds) {
          seedNumber += 1;
          const url =
            kind === 'page'
              ? `/${version === '' ? '' : version + '/'}removed-page-${seedNumber}/`
              : `${pick(siblings).path}#missing-anchor-${seedNumber}`;
          seeded.push({ file, url, kind });
          out.push(`<p>${words(10)} ${link(url, 'a link that is broken')}.</p>`);
        }
      }
      if (h % 3 === 2) {
        const code = Array.from(
          { length: 6 },
          () =>
            `<span class="line"><span style="--shiki-light:#24292e">${words(4)}</span> <span style="--shiki-light:#005cc5">${Math.floor(rand() * 100)}</span></span>`,
        ).join('\n');
        out.push(`<pre class="shiki"><code>${code}</code></pre>`);
      }
    });
    const prev = siblings[siblings.indexOf(model) - 1];
    const next = siblings[siblings.indexOf(model) + 1];
    out.push(
      `</article><footer>${prev ? link(prev.path, 'Previous') : ''} ${next ? link(next.path, 'Next') : ''} ${link('#main', 'Back to top')}</footer></main>`,
    );
    out.push(
      `<aside class="toc"><ul>${model.headings.map((heading) => `<li>${link(`#${heading.id}`, heading.text)}</li>`).join('')}</ul></aside>`,
    );
    out.push(`<img src="/_static/logo.svg" alt=""></body></html>\n`);
    write(file, out.join('\n'));
  });

  // Redirect stubs for a sample of real old URLs, each to an existing page.
  const current = byVersion.get('')!;
  for (const old of redirects.filter((from) => !from.includes('#')).slice(0, 300)) {
    const target = pick(current).path;
    write(
      old,
      `<!doctype html><meta charset="utf-8"><meta name="robots" content="noindex"><title>Moved</title><meta http-equiv="refresh" content="0; url=${target}"><a href="${target}">Moved</a>\n`,
    );
    links += 2;
  }
  write(
    'index.html',
    `<!doctype html><title>Docs</title><h1>Docs</h1>${current
      .slice(0, 50)
      .map((model) => `<a href="${model.path}">${escape(model.title)}</a>`)
      .join(' ')}\n`,
  );
  return { dir: options.dir, pages: models.length, bytes, links, seeded };
}
