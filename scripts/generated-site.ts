/**
 * A site of generated content built with this project's theme and integrations (the scale test
 * site, the build benchmark): a folder of its own with `content/`, and an Astro config that calls
 * this project's `docsSiteConfig` with that folder as the root, its own Astro cache, and no
 * announcement nor home page task cards (they link into this guide). Configured, never a patched copy of the project.
 * The caller writes `content/docs/`.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './paths.ts';

/**
 * Replaces `dir` with an empty generated site; `outDir` is where its build goes. `announcement`
 * keeps this guide's site-wide notice (whose link then leads nowhere), as a user's copy would.
 */
export function createGeneratedSite(
  dir: string,
  options: { outDir?: string; announcement?: boolean } = {},
): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content', 'docs'), { recursive: true });
  // The docs lint's and the titles' vocabulary, as this site's pages use it.
  cpSync(join(projectRoot, 'content', 'terms.yaml'), join(dir, 'content', 'terms.yaml'));
  // Its commands and its build resolve packages from here, as in any project.
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  const siteConfig = pathToFileURL(join(projectRoot, 'src', 'site-config.ts')).href;
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `// A site of generated content with the theme of ${projectRoot}.
import { defineConfig } from 'astro/config';
import { docsSiteConfig } from ${JSON.stringify(siteConfig)};

export default defineConfig(
  docsSiteConfig({
    root: ${JSON.stringify(dir)},
    cacheDir: ${JSON.stringify(join(dir, '.cache', 'astro'))},
    outDir: ${JSON.stringify(options.outDir ?? join(dir, 'dist'))},
${options.announcement === true ? '' : '    announcement: null,\n'}    commonTasks: false,
  }),
);
`,
  );
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
}
