/**
 * The sites the build benchmark builds, each a small project in the benchmark's work folder:
 * this site configured with the corpus as its content (sharing this project's node_modules),
 * and Starlight (installed there with npm at the Astro version this project uses, never as a
 * dependency of the site). Each holds the same corpus, committed to its own git repository so
 * both sites read real "last updated" dates.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCorpus } from './corpus.ts';
import { createGeneratedSite } from '../../scripts/generated-site.ts';

/** A project the benchmark builds. */
export interface BenchProject {
  name: string;
  dir: string;
  /** Where the MDX pages go, relative to `dir`. */
  contentDir: string;
  /** The build's output folder, relative to `dir`. */
  outDir: string;
}

const projectRoot = join(import.meta.dirname, '..', '..');

/** This project's Astro version: Starlight is installed against the same one. */
export function astroVersion(): string {
  const manifest = JSON.parse(
    readFileSync(join(projectRoot, 'node_modules', 'astro', 'package.json'), 'utf8'),
  ) as { version: string };
  return manifest.version;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
}

function initGit(dir: string): void {
  writeFileSync(join(dir, '.gitignore'), 'node_modules\ndist\n.astro\n.cache\n');
  if (!existsSync(join(dir, '.git'))) run('git', ['init', '-q'], dir);
}

/** This site in `dir`, with an empty redirect map and an empty anchors lock (the corpus has no history). */
export function setUpOurs(dir: string, name = 'ours'): BenchProject {
  createGeneratedSite(dir);
  writeFileSync(join(dir, 'content', 'redirects.yaml'), '[]\n');
  writeFileSync(join(dir, 'content', 'anchors.lock.json'), '{ "pages": [] }\n');
  initGit(dir);
  return { name, dir, contentDir: 'content/docs', outDir: 'dist' };
}

/** Starlight installed into `dir` (once; later runs reuse it) at `starlightVersion` and this project's Astro version. */
export function setUpStarlight(dir: string, starlightVersion: string): BenchProject {
  const astro = astroVersion();
  const installed = (name: string) => {
    const file = join(dir, 'node_modules', name, 'package.json');
    return existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
      : undefined;
  };
  mkdirSync(join(dir, 'src'), { recursive: true });
  // Listed as dependencies: Vite bundles what a project depends on, and Starlight must be bundled.
  const dependencies = { astro, '@astrojs/starlight': starlightVersion };
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-starlight', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  if (installed('astro') !== astro || installed('@astrojs/starlight') !== starlightVersion) {
    console.error(
      `installing astro@${astro} and @astrojs/starlight@${starlightVersion} into ${dir} …`,
    );
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
    });
    if (npm.status !== 0)
      throw new Error(
        `npm install of Starlight failed (exit ${npm.status}); the registry must be reachable.`,
      );
  }
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      '',
      '// The same site settings as the project: trailing slashes, directory output, last-updated dates; Pagefind is on by default.',
      'export default defineConfig({',
      "  site: 'https://docs.example.com',",
      "  trailingSlash: 'always',",
      "  build: { format: 'directory' },",
      "  integrations: [starlight({ title: 'Mattermost Docs', lastUpdated: true })],",
      '});',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'src', 'content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      '',
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
  initGit(dir);
  return { name: 'Starlight', dir, contentDir: 'src/content/docs', outDir: 'dist' };
}

/** Writes the corpus of `pages` pages into `project` and commits it; returns the words written. */
export function loadCorpus(project: BenchProject, pages: number): number {
  const contentDir = join(project.dir, project.contentDir);
  const { words } = writeCorpus(contentDir, pages);
  if (project.name === 'Starlight')
    writeFileSync(
      join(contentDir, 'index.mdx'),
      '---\ntitle: Mattermost Docs\ndescription: The home page.\n---\n\nGuides for the people who run Mattermost.\n',
    );
  rmSync(join(project.dir, project.outDir), { recursive: true, force: true });
  run('git', ['add', '-A'], project.dir);
  run(
    'git',
    [
      '-c',
      'user.email=bench@example.com',
      '-c',
      'user.name=Bench',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      `${pages} pages`,
    ],
    project.dir,
  );
  return words;
}
