import { spawnSync } from 'node:child_process';
import { lastCommitDatesCommand, parseLastCommitDates } from '../lib/git-dates.ts';

/**
 * Every page source's last commit date, from one `git log` over the content folder, read on
 * the first page a build renders and kept for the rest of it. `astro dev` reads it again on
 * every page, so a commit made while it runs shows up.
 */
let cached: Map<string, Date> | undefined;

function commitDates(contentDir: string): Map<string, Date> {
  // Vite sets import.meta.env; plain Node (the unit tests) leaves it undefined.
  const env = import.meta.env as ImportMetaEnv | undefined;
  if (cached !== undefined && env?.DEV !== true) return cached;
  const git = spawnSync('git', lastCommitDatesCommand(contentDir), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 1 << 30,
  });
  // Outside a git checkout (or without git) no page has a date; the page shows none.
  cached = git.status === 0 ? parseLastCommitDates(git.stdout) : new Map<string, Date>();
  return cached;
}

/**
 * The date of the last commit that touched `file` (relative to the project root, a page of
 * `contentDir`), or
 * `undefined` outside a git checkout or for an uncommitted file. Read from git at build time,
 * so "Last updated" reflects the content's history rather than the build date.
 */
export function lastUpdated(file: string, contentDir: string): Date | undefined {
  return commitDates(contentDir).get(file);
}
