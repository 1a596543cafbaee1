/**
 * Build tests change a copy of the project, never the project itself: the copy shares
 * node_modules through a symlink and builds into its own `out/`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../../..');

const SKIP = new Set([
  'node_modules',
  '.git',
  '.astro',
  '.build',
  'test-results',
  'playwright-report',
]);

/** Leaves out what a build or an install makes inside a folder of the project (the manual's). */
const notBuilt = (source: string) => !/[\\/](dist|node_modules|\.astro)$/.test(source);

/**
 * A fresh copy of the project's sources in a temporary folder (in `parent`, the system's by
 * default; a copy whose `.astro` pages are built with their styles belongs in the project's
 * `.build/`); `remove()` deletes it.
 */
export function copyProject(
  prefix: string,
  parent: string = tmpdir(),
): { dir: string; remove: () => void } {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, prefix));
  // Entry by entry, so that the copy may sit inside the project's own `.build/`.
  for (const top of readdirSync(projectRoot))
    if (!SKIP.has(top) && !top.startsWith('dist'))
      cpSync(join(projectRoot, top), join(dir, top), { recursive: true, filter: notBuilt });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `astro build` in a copy; returns its exit status and everything it printed, without colours. */
export function buildCopy(
  dir: string,
  env: Record<string, string> = {},
): { status: number | null; output: string } {
  const build = spawnSync(
    process.execPath,
    [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: dir,
      env: {
        ...process.env,
        OUT_DIR: join(dir, 'out'),
        SITE_BASE: '/',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
      encoding: 'utf8',
      timeout: 280_000,
    },
  );
  return { status: build.status, output: `${build.stdout}\n${build.stderr}` };
}

/** Runs a command in a copy, without colours; returns its status and everything it printed. */
export function runIn(
  dir: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  timeout = 280_000,
): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** Runs git in a copy as a writer would (a name and address of its own); it must succeed. */
export function gitIn(dir: string, ...args: string[]): string {
  const result = runIn(dir, 'git', [
    '-c',
    'user.email=writer@example.com',
    '-c',
    'user.name=Writer',
    ...args,
  ]);
  assert.equal(result.status, 0, result.output);
  return result.output;
}
