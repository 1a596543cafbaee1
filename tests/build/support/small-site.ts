/**
 * A small site built with this project's theme and integrations (scripts/generated-site.ts), for
 * build tests that need a real build but not the whole guide: its pages, map and lock are the
 * test's own. It lives in the project's `.build/` (Astro reads the theme from this project's
 * `src/`) and is removed with the test.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createGeneratedSite } from '../../../scripts/generated-site.ts';

const projectRoot = join(import.meta.dirname, '..', '..', '..');

/** A page with the front matter every page needs. */
export const page = (title: string, body: string, more = '') =>
  `---\ntitle: ${title}\ndescription: ${title}, a page of a small test site.\n${more}---\n\n${body}\n`;

/**
 * A small site with `files` (relative to its folder: `content/docs/a.mdx`, `content/redirects.yaml`);
 * with `announcement`, this guide's site-wide notice, written in `src/config.ts`, is left in.
 */
export function smallSite(
  files: Record<string, string>,
  options: { announcement?: boolean } = {},
): { dir: string; remove: () => void } {
  mkdirSync(join(projectRoot, '.build'), { recursive: true });
  const dir = mkdtempSync(join(projectRoot, '.build', 'small-site-'));
  createGeneratedSite(dir, options);
  const all = {
    'content/redirects.yaml': '[]\n',
    'content/anchors.lock.json': '{ "pages": [] }\n',
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Builds the site; its exit status and everything it printed, without colours. */
export function buildSite(dir: string): { status: number | null; output: string } {
  const build = spawnSync(
    process.execPath,
    [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 280_000,
    },
  );
  return { status: build.status, output: `${build.stdout}\n${build.stderr}` };
}
