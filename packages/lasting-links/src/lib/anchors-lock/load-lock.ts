/** Reads the anchors lock from disk. */
import { join } from 'node:path';
import { readOptionalText } from '../files.ts';
import type { Problem } from '../problems/problem.ts';
import { parseAnchorsLock, type AnchorsLock } from './lock-file.ts';

/**
 * The lock at `lockFile` (relative to `projectRoot`), and any problem reading it. A missing
 * file reads as an empty lock with `exists: false`; the caller decides whether that is an
 * error (the build: {@link missingLockProblem}) or the start of a new site (`moves --init`).
 */
export async function loadLock(
  projectRoot: string,
  lockFile: string,
): Promise<{ lock: AnchorsLock; problems: Problem[]; exists: boolean }> {
  const text = await readOptionalText(join(projectRoot, lockFile));
  if (text === undefined) return { lock: { pages: [] }, problems: [], exists: false };
  return { ...parseAnchorsLock(text, lockFile), exists: true };
}

/**
 * A build without its lock would prove nothing ("0 locked anchors resolve") and pass, so a
 * deleted lock fails the build instead of switching the guarantee off in silence.
 */
export function missingLockProblem(lockFile: string): Problem {
  return {
    severity: 'error',
    code: 'lock-missing',
    message: `${lockFile} does not exist. It records every address the site has published; without it no published link is protected.`,
    fix: `Restore it from version control (git checkout -- ${lockFile}). For a new site, create it once with: npx lasting-links moves --init --write`,
    at: { file: lockFile },
  };
}
