/**
 * What every command shares: the project root and the site settings, settled from the
 * environment once (`SITE_BASE`, `SITE_URL`, `OUT_DIR`), exactly as the build settles them.
 */
import { resolve } from 'node:path';
import { readEnvironment, siteSettings } from '../../../../src/config.ts';
import type { SiteSettings } from '../lib/settings.ts';

/** The project's root folder. */
export const projectRoot = process.cwd();

/** Settings for a command, with `base` and `site` overridable by its flags. */
export function commandSettings(
  overrides: { base?: string | undefined; site?: string | undefined } = {},
): SiteSettings {
  const environment = readEnvironment();
  return siteSettings(
    projectRoot,
    overrides.base ?? environment.base,
    overrides.site ?? environment.site,
  );
}

/** The build output folder a command reads: `--dist`, else `DIST_DIR`, else `OUT_DIR`, else `dist`. */
export function outputDir(flag?: string): string {
  return resolve(projectRoot, flag ?? process.env['DIST_DIR'] ?? readEnvironment().outDir);
}
