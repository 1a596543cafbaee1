/**
 * `_build.json` in the output: how a build was made (its base and origin), so that a server or
 * a publishing command can serve or place it correctly, or refuse a build made for another base.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBase, type Base } from '../site-path.ts';

/** The manifest's file name in the output directory. */
export const BUILD_MANIFEST_FILE = '_build.json';

/** What a build records about itself. */
export interface BuildManifest {
  base: Base;
  site: string;
}

/** The manifest's text. */
export function serializeManifest(manifest: BuildManifest): string {
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** The manifest of the build in `dir`, or an error saying how to get one. */
export function readManifest(dir: string): BuildManifest {
  let data: Partial<BuildManifest>;
  try {
    data = JSON.parse(
      readFileSync(join(dir, BUILD_MANIFEST_FILE), 'utf8'),
    ) as Partial<BuildManifest>;
  } catch (error) {
    throw new Error(
      `${join(dir, BUILD_MANIFEST_FILE)} cannot be read (${(error as Error).message}): build the site first (astro build)`,
      { cause: error },
    );
  }
  if (typeof data.base !== 'string' || typeof data.site !== 'string') {
    throw new Error(`${join(dir, BUILD_MANIFEST_FILE)} has no "base" and "site": rebuild the site`);
  }
  return { base: parseBase(data.base), site: data.site };
}
