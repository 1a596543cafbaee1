/**
 * The settings the `lasting-links` command works with, as the integration settled them: written
 * beside Astro's generated types whenever Astro loads the config (build, dev, sync, check), so
 * the command never reads the Astro config itself and never guesses.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteSettings } from '../lib/settings.ts';

/** The file, relative to the project root (`createCodegenDir()` of an integration named lasting-links). */
export const SETTINGS_FILE = '.astro/integrations/lasting-links/settings.json';

/** What the command reads: the site settings, plus where the build writes and the site's own routes. */
export interface CommandSettings extends SiteSettings {
  /** The build's output folder, relative to the project root. */
  outDir: string;
  /** `src/pages`, relative to the project root: the pages that are not docs sources. */
  pagesDir: string;
}

export function writeSettingsFile(dir: string, settings: CommandSettings): void {
  mkdirSync(dir, { recursive: true });
  // Whole or not at all: a command may read it while another build writes it.
  const temporary = join(dir, `settings.json.${process.pid}.tmp`);
  writeFileSync(temporary, JSON.stringify(settings, null, 2) + '\n');
  renameSync(temporary, join(dir, 'settings.json'));
}
