/** Reads the anchors lock from disk. */
import { join } from 'node:path';
import { readOptionalText } from '../files.ts';
import type { Problem } from '../problems/problem.ts';
import { parseAnchorsLock, type AnchorsLock } from './lock-file.ts';

/** The lock at `lockFile` (relative to `projectRoot`), and any problem reading it; a missing file is an empty lock. */
export async function loadLock(
  projectRoot: string,
  lockFile: string,
): Promise<{ lock: AnchorsLock; problems: Problem[]; exists: boolean }> {
  const text = await readOptionalText(join(projectRoot, lockFile));
  if (text === undefined) return { lock: { pages: [] }, problems: [], exists: false };
  return { ...parseAnchorsLock(text, lockFile), exists: true };
}
