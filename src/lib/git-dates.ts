/**
 * The date each file was last committed, read from one `git log` over a whole folder instead
 * of one `git log` per file: a site of N pages then pays for one git process, not N (each
 * spawned from a build process that has grown to gigabytes).
 */

const DATE_MARK = '%x01';

/** The arguments for that one `git log`: each commit's date after a \x01 mark, then its files, NUL-separated, relative to the working directory. */
export function lastCommitDatesCommand(folder: string): string[] {
  return ['log', `--format=${DATE_MARK}%cI`, '--name-only', '-z', '--relative', '--', folder];
}

/**
 * File (as git prints it, relative to the working directory) to the date of the newest commit
 * that touched it. git lists commits newest first, so a file's first appearance is its date.
 */
export function parseLastCommitDates(output: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  let current: Date | undefined;
  for (const token of output.split('\0')) {
    if (token.startsWith('\x01')) {
      const date = new Date(token.slice(1).trim());
      current = Number.isNaN(date.getTime()) ? undefined : date;
      continue;
    }
    // The first file of a commit follows the line that ends its header.
    const file = token.replace(/^\n/, '');
    if (file !== '' && current !== undefined && !dates.has(file)) dates.set(file, current);
  }
  return dates;
}
