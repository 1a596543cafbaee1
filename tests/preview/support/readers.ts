/**
 * Readers during a republish: every page and its stylesheet read over and over while a publish
 * runs, each read recorded as the version it got or what went wrong (missing, cut short, without
 * its stylesheet). The preview and production tests prove the same promise with them.
 */
import assert from 'node:assert/strict';
import { versionOfPage } from './synthetic-build.ts';

/**
 * What one read of a page and its stylesheet gave: the page's version, or what went wrong, and
 * whether the publish was still running.
 */
type Read = { page: string; during: boolean } & ({ version: string } | { problem: string });

/**
 * Reads every page and its stylesheet, over and over, until `done` settles, then once more;
 * returns every read in order.
 */
export async function readWhile(
  pages: readonly string[],
  readFile: (file: string) => Promise<string | undefined>,
  done: Promise<unknown>,
): Promise<Read[]> {
  const publish = { finished: false };
  void done.finally(() => (publish.finished = true));
  const reads: Read[] = [];
  for (;;) {
    const lastRound = publish.finished;
    for (const page of pages) {
      const during = !publish.finished;
      const html = await readFile(page);
      if (html === undefined) {
        reads.push({ page, during, problem: 'missing' });
        continue;
      }
      const version = versionOfPage(html);
      if (version === undefined) {
        reads.push({ page, during, problem: `cut short at ${html.length} bytes` });
        continue;
      }
      const stylesheet = /href="(?:\/pr-\d+)?\/([^"]+\.css)"/.exec(html)?.[1];
      if (stylesheet === undefined || (await readFile(stylesheet)) === undefined) {
        reads.push({
          page,
          during,
          problem: `version ${version} without its stylesheet ${stylesheet}`,
        });
        continue;
      }
      reads.push({ page, during, version });
    }
    if (lastRound) return reads;
  }
}

function problemsOf(reads: readonly Read[]): string[] {
  return reads.flatMap((read) => ('problem' in read ? [`${read.page}: ${read.problem}`] : []));
}

/**
 * Whether the readers were reading when the site changed: some read during the publish got the
 * new version. A publish whose change fell between two reads proves nothing about a mix.
 */
export function sawTheChange(reads: readonly Read[]): boolean {
  return reads.some((read) => read.during && 'version' in read && read.version === 'v2');
}

/**
 * Asserts that every read was a whole page of v1 or v2 with its stylesheet, that the readers
 * saw the change while the publish ran and v2 at the end; with `flipsAtOnce` (a folder's swap),
 * that no v1 page was read after the first v2 page.
 */
export function assertOldOrNew(reads: readonly Read[], flipsAtOnce: boolean): void {
  assert.deepEqual(problemsOf(reads), [], 'every read was a whole page with its stylesheet');
  const versions = reads.map((entry) => ('version' in entry ? entry.version : '?'));
  const during = new Set(
    reads
      .filter((entry) => entry.during)
      .map((entry) => ('version' in entry ? entry.version : '?')),
  );
  assert.deepEqual(
    during,
    new Set(['v1', 'v2']),
    'the readers saw the site change while the publish ran',
  );
  assert.equal(versions.at(-1), 'v2', 'the new version is live at the end');
  if (flipsAtOnce) {
    const firstNew = versions.indexOf('v2');
    assert.equal(versions.indexOf('v1', firstNew), -1, 'after the first new page, only new pages');
  }
}
