/**
 * A copy of the project as a fresh clone holds it: the files git tracks, and the new files it
 * would track (not those it ignores), so no build output, no `.astro/` types, no caches. The
 * copy has no `.git`. `node_modules` is not installed again (that takes the registry and a
 * minute): `linkModules()` links each package of this project's, which `npm ci` installed.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../../..');

/** The project's files as a clone would have them, relative to its root. */
function cloneFiles(): string[] {
  const listed = spawnSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    { cwd: projectRoot, encoding: 'utf8' },
  );
  if (listed.status !== 0)
    throw new Error(`git ls-files failed in ${projectRoot}: ${listed.stderr}`);
  // A file deleted in the working tree is still listed until the deletion is committed.
  return listed.stdout
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(projectRoot, file)));
}

/** A fresh copy in a temporary folder; `remove()` deletes it. */
export function freshCopy(prefix: string): {
  dir: string;
  linkModules: () => void;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const file of cloneFiles()) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(projectRoot, file), join(dir, file), { verbatimSymlinks: true });
  }
  return {
    dir,
    linkModules: () => linkModules(dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Caches that Astro and Vite keep in `node_modules`: Astro's content store among them, which a
 * build clears when it sees another project's configuration. A copy keeps its own, so its
 * builds never touch those of the project, which may be building at the same time.
 */
const CACHES = new Set(['.astro', '.vite', '.cache']);

/** The copy's `node_modules`: a folder of links to the project's packages, without its caches. */
function linkModules(dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(projectRoot, 'node_modules')))
    if (!CACHES.has(entry))
      symlinkSync(join(projectRoot, 'node_modules', entry), join(modules, entry));
}
