/**
 * The settings a command works with: those the `lastingLinks()` integration settled when Astro
 * last loaded the project's config (it writes them to `.astro/integrations/lasting-links/`).
 * When there are none yet, or the config changed since, the command runs `astro sync` first,
 * which loads the config as every Astro command does. The command never reads the config itself.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SETTINGS_FILE, type CommandSettings } from '../integration/settings-file.ts';

export type { CommandSettings } from '../integration/settings-file.ts';

/** Astro's config files, in its order of preference. */
const CONFIG_FILES = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
  'astro.config.cjs',
  'astro.config.cts',
];

/** Raised when the folder is no Astro project using the integration; the message says what to do. */
export class NoProjectError extends Error {}

function modified(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The project's Astro config file, if it has one. */
function astroConfigFile(root: string): string | undefined {
  return CONFIG_FILES.map((name) => join(root, name)).find((file) => existsSync(file));
}

/** The settings of the project at `root`, settled by the integration (running `astro sync` when needed). */
export async function loadSettings(root: string): Promise<CommandSettings> {
  const config = astroConfigFile(root);
  if (config === undefined)
    throw new NoProjectError(
      `${root} has no Astro config (astro.config.mjs): run the command in the project's folder.`,
    );
  const file = join(root, SETTINGS_FILE);
  const written = modified(file);
  if (written === 0 || written < modified(config) || written < modified(join(root, 'package.json')))
    await astroSync(root);
  if (!existsSync(file))
    throw new NoProjectError(
      `${config} does not use the lasting-links integration: add it (integrations: [lastingLinks()]), then run the command again.`,
    );
  return JSON.parse(readFileSync(file, 'utf8')) as CommandSettings;
}

/** Loads the project's config as Astro does, with the project's own Astro. */
async function astroSync(root: string): Promise<void> {
  const astro = createRequire(join(root, 'package.json')).resolve('astro');
  const { sync } = (await import(pathToFileURL(astro).href)) as {
    sync: (config: { root: string; logLevel: 'error' }) => Promise<void>;
  };
  await sync({ root, logLevel: 'error' });
}
