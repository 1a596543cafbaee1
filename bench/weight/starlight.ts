/**
 * The same pages built with Starlight, the documentation theme these docs measure themselves
 * against: Astro at this project's version and `@astrojs/starlight`, installed into a temporary
 * folder (reused between runs), never into the project. The guide's pages are copied as they
 * are, with two adaptations Starlight needs: its components are imported, and the aside types
 * it lacks take their nearest kind (`warning` is `caution`, `important` is `note`).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

/** The content a comparison uses: the guide as readers have it. */
const copiedSections = ['administration-guide'];

/** The versions measured, for the report. */
export interface StarlightBuild {
  distDir: string;
  astro: string;
  starlight: string;
}

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
};

const versionOf = (dir: string, name: string) =>
  (
    JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

/** Installs Astro and Starlight into `work` once, copies the pages in, builds; returns the output. */
export function buildWithStarlight(
  work: string,
  projectRoot: string,
  log: (line: string) => void,
): StarlightBuild {
  const dir = join(work, 'starlight-site');
  mkdirSync(dir, { recursive: true });
  const astro = versionOf(projectRoot, 'astro');
  if (
    !existsSync(join(dir, 'node_modules/@astrojs/starlight')) ||
    versionOf(dir, 'astro') !== astro
  ) {
    log(`installing astro@${astro} and @astrojs/starlight into ${dir} …`);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'starlight-weight', private: true, type: 'module' }, null, 2),
    );
    run('npm', ['install', '--no-audit', '--no-fund', `astro@${astro}`, '@astrojs/starlight'], dir);
  }
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    [
      "import { defineConfig } from 'astro/config';",
      "import starlight from '@astrojs/starlight';",
      'export default defineConfig({',
      "  integrations: [starlight({ title: 'Mattermost Docs' })],",
      '});',
      '',
    ].join('\n'),
  );
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    [
      "import { defineCollection } from 'astro:content';",
      "import { docsLoader } from '@astrojs/starlight/loaders';",
      "import { docsSchema } from '@astrojs/starlight/schema';",
      'export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };',
      '',
    ].join('\n'),
  );
  const docs = join(dir, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  for (const section of copiedSections) {
    const from = join(projectRoot, 'content/docs', section);
    for (const file of readdirSync(from, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.mdx')) continue;
      const target = join(docs, section, file);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, forStarlight(readFileSync(join(from, file), 'utf8')));
    }
  }
  cpSync(join(projectRoot, 'public'), join(dir, 'public'), { recursive: true });
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  log('building the Starlight site …');
  run(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], dir);
  return {
    distDir: join(dir, 'dist'),
    astro: versionOf(dir, 'astro'),
    starlight: versionOf(dir, '@astrojs/starlight'),
  };
}

/** A page of this site as Starlight reads it: components imported, asides of its four kinds. */
function forStarlight(source: string): string {
  const end = source.indexOf('\n---', 3) + '\n---'.length;
  const imports =
    "\nimport { Aside, Steps, TabItem, Tabs } from '@astrojs/starlight/components';\n";
  return (
    source.slice(0, end) +
    imports +
    source
      .slice(end)
      .replace(/<Aside type="warning"/g, '<Aside type="caution"')
      .replace(/<Aside type="important"/g, '<Aside type="note"')
  );
}
