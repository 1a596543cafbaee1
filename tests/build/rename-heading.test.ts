/**
 * The promise end to end: rename a published heading in a copy of the project, add no
 * redirect, build, and the build must fail naming the lost `URL#anchor` and suggesting the
 * renamed heading as its new home, with the YAML entry to add. One build; slow by nature.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteConfig } from '../../src/config.ts';
import { parseAnchorsLock, serializeAnchorsLock } from '../../src/lib/anchors-lock/lock-file.ts';
import { mergeIntoLock } from '../../src/lib/anchors-lock/merge-lock.ts';
import { sitePath } from '../../src/lib/site-path.ts';
import { buildCopy, copyProject, projectRoot } from './support/project-copy.ts';

/** The id github-slugger gives a heading of letters and single spaces (the only kind picked here). */
const slug = (text: string) => text.toLowerCase().replace(/ /g, '-');

/** A plain-text `## heading` that nothing links to or redirects to, so only the lock can notice its rename. */
function pickHeading(): { file: string; url: string; line: string; text: string } {
  const everything = readdirSync(join(projectRoot, 'content'), {
    recursive: true,
    encoding: 'utf8',
  })
    .filter((file) => /\.(mdx|ya?ml|json)$/.test(file))
    .map((file) => readFileSync(join(projectRoot, 'content', file), 'utf8'))
    .join('\n');
  const docs = join(projectRoot, siteConfig.contentDir);
  for (const file of readdirSync(docs, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort()) {
    const source = readFileSync(join(docs, file), 'utf8');
    let fenced = false;
    for (const line of source.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const match = fenced ? null : /^## ([A-Za-z]+(?: [A-Za-z]+)+)$/.exec(line);
      if (match === null) continue;
      const text = match[1]!;
      if (text.length < 12) continue;
      if (everything.includes(`#${slug(text)}`)) continue;
      const url = `/${file.replace(/(\/index)?\.mdx$/, '').replace(/^index$/, '')}/`.replace(
        /^\/\/$/,
        '/',
      );
      return { file: join(siteConfig.contentDir, file), url, line, text };
    }
  }
  throw new Error(
    `no plain "## Heading" (12+ letters, not linked or redirected to) found under ${siteConfig.contentDir}; add one`,
  );
}

test(
  'renaming a published heading without a redirect fails the build, naming the anchor and its new home',
  { timeout: 300_000 },
  () => {
    const heading = pickHeading();
    const oldId = slug(heading.text);
    const newText = `${heading.text} today`;
    const newId = slug(newText);
    const { dir: copy, remove } = copyProject('rename-heading-');
    try {
      // The anchor is published (locked) whether or not the lock in the repository has caught up.
      const lockFile = join(copy, siteConfig.anchorsLockFile);
      const { lock } = parseAnchorsLock(readFileSync(lockFile, 'utf8'), siteConfig.anchorsLockFile);
      const published = {
        url: sitePath(heading.url),
        source: heading.file,
        anchors: [{ id: oldId, heading: heading.text }],
      };
      writeFileSync(lockFile, serializeAnchorsLock(mergeIntoLock(lock, [published]).lock));
      const page = join(copy, heading.file);
      writeFileSync(page, readFileSync(page, 'utf8').replace(heading.line, `## ${newText}`));

      const build = buildCopy(copy);
      const output = build.output;
      assert.notEqual(build.status, 0, `the build must fail:\n${output.slice(-3000)}`);
      assert.ok(
        output.includes(
          `${heading.url}#${oldId} (heading "${heading.text}"), defined in ${heading.file}, no longer resolves`,
        ),
        `names the lost anchor and its file:\n${output.slice(-3000)}`,
      );
      assert.ok(
        output.includes(`most likely new home: ${heading.url}#${newId}`),
        `suggests the renamed heading:\n${output.slice(-3000)}`,
      );
      assert.ok(
        output.includes(`- from: ${heading.url}#${oldId}\n`) &&
          output.includes(`  to: ${heading.url}#${newId}`),
        `prints the YAML entry:\n${output.slice(-3000)}`,
      );
    } finally {
      remove();
    }
  },
);
