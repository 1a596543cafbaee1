/**
 * Adds the anchors a build published to the lock (content/anchors.lock.json).
 *
 *   npm run anchors              report what a write would add (from dist/)
 *   npm run anchors -- --write   add it; nothing is ever removed
 *   DIST_DIR=dist-pr npm run anchors
 *
 * Run it after a build that adds pages or headings, and commit the lock with the change.
 * Removing a published anchor from the lock is a deliberate hand edit, visible in review.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commandSettings, outputDir } from './cli-settings.ts';
import { readBuiltSite } from '../src/lib/site/read-site.ts';
import { listSourceFiles, sourceFileMap } from '../src/lib/site/source-files.ts';
import { loadLock } from '../src/lib/anchors-lock/load-lock.ts';
import { serializeAnchorsLock, type LockedPage } from '../src/lib/anchors-lock/lock-file.ts';
import { mergeIntoLock } from '../src/lib/anchors-lock/merge-lock.ts';
import { publishedPage } from '../src/lib/anchors-lock/published-anchors.ts';
import { formatProblems } from '../src/lib/problems/format-problems.ts';

const settings = commandSettings();
const write = process.argv.includes('--write');
const dist = outputDir();
const lockPath = join(settings.projectRoot, settings.anchorsLockFile);

if (!existsSync(dist)) {
  console.error(`anchors: ${dist} does not exist; build the site first (npm run build)`);
  process.exit(1);
}
const sourceFiles = sourceFileMap(
  listSourceFiles(settings.projectRoot, settings.contentDir),
  settings.contentDir,
);
const published: LockedPage[] = [];
for (const page of (await readBuiltSite(dist)).pages.values()) {
  const entry = publishedPage(page, sourceFiles.get(page.path) ?? '');
  if (entry !== undefined) published.push(entry);
}

const { lock, problems } = await loadLock(settings.projectRoot, settings.anchorsLockFile);
if (problems.length > 0) {
  process.stderr.write(formatProblems(problems, 'human'));
  process.exit(1);
}
const merged = mergeIntoLock(lock, published);
if (merged.added.length === 0) {
  console.log(`anchors: the lock already holds every URL and anchor of ${published.length} pages`);
} else if (write) {
  await writeFile(lockPath, serializeAnchorsLock(merged.lock));
  console.log(
    `anchors: added ${merged.added.length} to ${settings.anchorsLockFile}:\n  ${merged.added.join('\n  ')}`,
  );
} else {
  console.log(
    `anchors: --write would add ${merged.added.length} to ${settings.anchorsLockFile}:\n  ${merged.added.join('\n  ')}`,
  );
}
