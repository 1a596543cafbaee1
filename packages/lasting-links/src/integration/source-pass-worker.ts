/**
 * Worker thread body of the build's one pass over the page sources (see source-pass.ts): every
 * source read and parsed once; the outlines and component uses posted back at once; then the
 * docs lint run on the same trees, each let go once linted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteSettings } from '../lib/settings.ts';
import { listSourceFiles, sitePathOfSource } from '../lib/site/source-files.ts';
import { parseSource, type ParsedSource } from '../lib/sources/page-source.ts';
import { componentUsesOf } from '../lib/sources/component-uses.ts';
import { lintDocs, loadLintSettings, type LintSource } from '../lib/lint/index.ts';
import { lintWarnings } from '../lib/lint/as-problems.ts';
import type { ParsedPage, SourcePassMessage } from './source-pass.ts';

const { settings, lint } = workerData as { settings: SiteSettings; lint: boolean };
const post = (message: SourcePassMessage) => parentPort!.postMessage(message);

try {
  const parsed: Array<{ file: string; text: string; source: ParsedSource | undefined }> = [];
  const pages: ParsedPage[] = [];
  for (const file of listSourceFiles(settings.projectRoot, settings.contentDir)) {
    const text = readFileSync(join(settings.projectRoot, file), 'utf8');
    let source: ParsedSource | undefined;
    try {
      source = parseSource(
        file,
        sitePathOfSource(file, settings.contentDir)!,
        text,
        settings.syntax,
      );
    } catch {
      // The render reports a page that does not parse, at its line; here it has no outline.
    }
    parsed.push({ file, text, source });
    pages.push({
      file,
      text,
      outline: source?.page,
      components: source === undefined ? undefined : componentUsesOf(source.tree),
    });
  }
  post({ kind: 'sources', pages });
  if (lint) {
    try {
      const lintSettings = loadLintSettings({
        root: settings.projectRoot,
        contentDir: settings.contentDir,
        termsFile: settings.termsFile,
        oldestSupportedVersion: settings.oldestSupportedVersion,
        syntax: settings.syntax,
        outlines: pages.flatMap((page) => (page.outline === undefined ? [] : [page.outline])),
      });
      const results = lintDocs(takeEach(parsed), lintSettings);
      post({ kind: 'lint', problems: lintWarnings(results) });
    } catch (error) {
      post({ kind: 'lint-failed', reason: (error as Error).message });
    }
  }
} catch (error) {
  post({ kind: 'failed', reason: (error as Error).message });
}

/** The MDX pages to lint, each let go of (its tree with it) as the lint moves on. */
function* takeEach(
  parsed: Array<{ file: string; text: string; source: ParsedSource | undefined }>,
): Generator<LintSource> {
  for (let page = parsed.shift(); page !== undefined; page = parsed.shift()) {
    if (!page.file.endsWith('.mdx')) continue;
    yield {
      path: page.file,
      contents: page.text,
      ...(page.source === undefined ? {} : { tree: page.source.tree }),
    };
  }
}
