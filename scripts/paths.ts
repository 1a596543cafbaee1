/**
 * Where this project's own scripts (the servers, the screenshots, the scale site) find things:
 * the project root, and the build to serve (`DIST_DIR`, else `OUT_DIR`, else `dist`).
 */
import { resolve } from 'node:path';

/** The project's root folder. */
export const projectRoot = resolve(import.meta.dirname, '..');

/** The build output a script reads: `flag`, else `DIST_DIR`, else `OUT_DIR`, else `dist`. */
export function outputDir(flag?: string): string {
  return resolve(projectRoot, flag ?? process.env['DIST_DIR'] ?? process.env['OUT_DIR'] ?? 'dist');
}
