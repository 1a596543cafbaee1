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
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { siteConfig } from '../src/config.ts';
import { readBuiltPages } from '../src/integration/built-site.ts';
import { sourceFileResolver } from '../src/integration/source-files.ts';
import { parseAnchorsLock, serializeAnchorsLock } from '../src/lib/anchors-lock/lock-file.ts';
import { mergeIntoLock } from '../src/lib/anchors-lock/merge-lock.ts';
import { publishedPage } from '../src/lib/anchors-lock/published-anchors.ts';
import { formatProblem } from '../src/lib/redirects/problems.ts';
import type { LockedPage } from '../src/lib/anchors-lock/lock-file.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const write = process.argv.includes('--write');
const distDir = resolve(projectRoot, process.env.DIST_DIR ?? 'dist');
const lockPath = join(projectRoot, siteConfig.anchorsLockFile);

if (!existsSync(distDir)) {
  console.error(`anchors: ${distDir} does not exist; build the site first (npm run build)`);
  process.exit(1);
}
const sourceFileOf = sourceFileResolver(projectRoot, siteConfig.contentDir);
const published: LockedPage[] = [];
for (const page of await readBuiltPages(distDir)) {
  const entry = publishedPage(page.path, page.html, sourceFileOf(page.path) ?? '');
  if (entry !== undefined) published.push(entry);
}

const { lock, problems } = existsSync(lockPath) ? parseAnchorsLock(await readFile(lockPath, 'utf8'), siteConfig.anchorsLockFile) : { lock: { pages: [] }, problems: [] };
if (problems.length > 0) {
  console.error(problems.map(formatProblem).join('\n'));
  process.exit(1);
}
const merged = mergeIntoLock(lock, published);
if (merged.added.length === 0) {
  console.log(`anchors: the lock already holds every URL and anchor of ${published.length} pages`);
} else if (write) {
  await writeFile(lockPath, serializeAnchorsLock(merged.lock));
  console.log(`anchors: added ${merged.added.length} to ${siteConfig.anchorsLockFile}:\n  ${merged.added.join('\n  ')}`);
} else {
  console.log(`anchors: --write would add ${merged.added.length} to ${siteConfig.anchorsLockFile}:\n  ${merged.added.join('\n  ')}`);
}
