/**
 * The build a preview is compared with: the pull request's base commit, built in a temporary git
 * worktree that shares this checkout's `node_modules` through a symlink (as the build tests'
 * project copies do), so nothing is installed and the working tree is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log } from '../../publish/host.ts';

/** The commit to compare with, or why there is none. */
export type BaseCommit = { ref: string; sha: string } | { reason: string };

function git(projectRoot: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: projectRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/**
 * The base commit for `ref`: the merge base of HEAD and `ref` (what the pull request's diff is
 * taken against), else `ref` itself when the two share no history (a shallow clone). When the
 * default `origin/main` is unknown (a clone without that remote), the local `main` is tried.
 */
export function resolveBaseCommit(
  projectRoot: string,
  ref: string,
  isDefault: boolean,
): BaseCommit {
  const candidates = isDefault ? [ref, 'main'] : [ref];
  for (const candidate of candidates) {
    const sha = git(projectRoot, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
    if (sha === undefined || sha === '') continue;
    const mergeBase = git(projectRoot, ['merge-base', 'HEAD', sha]);
    return { ref: candidate, sha: mergeBase || sha };
  }
  return {
    reason: `the base ${candidates.map((name) => `"${name}"`).join(' or ')} is not a commit in this checkout (fetch it, e.g. git fetch origin main, or pass --base-ref)`,
  };
}

/**
 * Builds commit `sha` into `outDir` under `base`, as a normal (not preview) build. Returns
 * undefined on success, or why it failed; the worktree is removed either way.
 */
export function buildCommit(
  projectRoot: string,
  sha: string,
  base: string,
  outDir: string,
  environment: Readonly<Record<string, string | undefined>>,
  log: Log,
): string | undefined {
  const worktree = mkdtempSync(join(tmpdir(), 'docs-preview-base-'));
  rmSync(worktree, { recursive: true });
  if (git(projectRoot, ['worktree', 'add', '--detach', worktree, sha]) === undefined)
    return `git could not check out ${sha} in a temporary worktree`;
  try {
    // A checkout may carry a node_modules link of its own (a symlink is not matched by
    // `node_modules/` in .gitignore); the worktree always uses this checkout's.
    rmSync(join(worktree, 'node_modules'), { force: true, recursive: true });
    symlinkSync(join(projectRoot, 'node_modules'), join(worktree, 'node_modules'));
    log(`building the base ${sha.slice(0, 7)} in ${worktree}`);
    const build = spawnSync(
      process.execPath,
      [
        join(worktree, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--base',
        base,
        '--outDir',
        outDir,
      ],
      { cwd: worktree, env: environment, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
    );
    if (build.status !== 0) {
      const last = (build.stderr || '').trim().split('\n').slice(-3).join(' / ');
      return `the base commit ${sha.slice(0, 7)} did not build (${last || `exit ${build.status}`})`;
    }
    return undefined;
  } catch (error) {
    return `the base commit ${sha.slice(0, 7)} could not be built: ${(error as Error).message}`;
  } finally {
    if (git(projectRoot, ['worktree', 'remove', '--force', worktree]) === undefined)
      rmSync(worktree, { recursive: true, force: true });
  }
}
