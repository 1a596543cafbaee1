import { execFileSync } from 'node:child_process';

/**
 * The date of the last commit that touched `file`, or `undefined` outside a git checkout or for
 * an uncommitted file. Read at build time, so "Last updated" reflects the content's history
 * rather than the build date.
 */
export function lastUpdated(file: string): Date | undefined {
  try {
    const iso = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return iso ? new Date(iso) : undefined;
  } catch {
    return undefined;
  }
}
