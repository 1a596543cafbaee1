/**
 * Preview builds made by hand for the publishing tests: a publish takes any folder that says it
 * is the preview of a pull request, so these need no Astro build. Every page names its version
 * in its body and ends with a marker, so a reader can tell old from new, and a torn read (a file
 * caught half-written) from a whole one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What a synthetic build looks like. */
export interface SyntheticBuild {
  dir: string;
  /** Page files, relative: `p0/index.html`, … */
  pages: string[];
  /** The stylesheet every page links, relative: `_astro/site.<hash>.css`. */
  stylesheet: string;
}

/** The commit a synthetic build of `version` is said to be at. */
export function shaOf(version: string): string {
  return createHash('sha1').update(version).digest('hex');
}

/**
 * Writes the preview build of pull request `pr` at `version` into `dir`; without `pr`, a
 * production build (base `/`, no preview files) with one moved page, `old/`, whose stub's object
 * redirects to `/p0/`. `pageCount` pages of
 * about `pageBytes` each; `changed` lists page numbers whose text differs from version `v1`
 * (every other page is byte for byte the same across versions, as with a real build);
 * `styleVersion` names the stylesheet's content, so two versions can share it or not.
 */
export function writeSyntheticBuild(
  dir: string,
  options: {
    pr?: number;
    version: string;
    pageCount?: number;
    pageBytes?: number;
    changed?: readonly number[];
    styleVersion?: string;
    extraFiles?: Record<string, string | Buffer>;
  },
): SyntheticBuild {
  const { pr, version, pageCount = 12, pageBytes = 2000 } = options;
  const base = pr === undefined ? '/' : `/pr-${pr}/`;
  const css = `body{color:#123} /* ${options.styleVersion ?? version} */`;
  const stylesheet = `_astro/site.${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  };
  const page = (title: string, text: string) =>
    `<!doctype html><html lang="en"><head><title>${title}</title>` +
    `<link rel="stylesheet" href="${base}${stylesheet}"></head>` +
    `<body><main><h1>${title}</h1><p>${text}</p><p>${'lorem ipsum '.repeat(Math.ceil(pageBytes / 12))}</p></main></body></html>\n<!--end-->\n`;
  const pages: string[] = [];
  for (let n = 0; n < pageCount; n += 1) {
    const file = `p${n}/index.html`;
    const pageVersion =
      options.changed === undefined || options.changed.includes(n) ? version : 'v1';
    write(file, page(`Page ${n}`, `version:${pageVersion}`));
    pages.push(file);
  }
  write('index.html', page('Home', 'version:v1'));
  write('404.html', page('Not found', 'version:v1'));
  write(stylesheet, css);
  write('images/diagram.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>');
  write('_build.json', JSON.stringify({ base, site: 'https://previews.invalid' }));
  for (const [file, content] of Object.entries(options.extraFiles ?? {})) write(file, content);
  if (pr === undefined) {
    write('old/index.html', page('Moved', 'version:v1 <script>location.replace("/p0/")</script>'));
    write('_object-redirects.json', JSON.stringify({ 'old/index.html': '/p0/' }));
    return { dir, pages, stylesheet };
  }
  write('_preview.js', `/* ${version} */\n`);
  write(
    '_preview.json',
    JSON.stringify({ pr, sha: shaOf(version), builtAt: '2025-01-31T12:00:00Z' }),
  );
  write(
    '_changes/summary.json',
    JSON.stringify({
      pr,
      sha: shaOf(version),
      builtAt: '2025-01-31T12:00:00Z',
      base: { reason: 'a synthetic build' },
      pages: [],
      unchanged: 0,
      moves: [],
      links: { errors: 0, warnings: 0 },
    }),
  );
  write('_changes/index.html', page('What changed', `version:${version}`));
  return { dir, pages, stylesheet };
}

/** The version a page's HTML names, or undefined when the page is not whole. */
export function versionOfPage(html: string): string | undefined {
  if (!html.endsWith('<!--end-->\n')) return undefined;
  return /version:(\w+)/.exec(html)?.[1];
}
