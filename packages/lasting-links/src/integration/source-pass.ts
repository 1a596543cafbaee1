/**
 * The build's one pass over the page sources. A worker thread reads and parses every source once
 * (`parseSource`: the site's Markdown features, components that open sections) and posts back
 * each page's outline (headings, ids, sections, links, title) and the components it uses; every
 * step of the build that needs the sources reads these: the checks before rendering (front
 * matter, components), the cross-references while rendering, the post-build warnings. The docs
 * lint then runs in the same worker on the same trees, beside the bundling and the rendering,
 * and lets each tree go once linted: started at once, it is done, and its trees freed, before
 * the rendering holds the most memory (a fifth less peak memory at 1,000 pages than linting
 * once bundling is over).
 */
import { Worker } from 'node:worker_threads';
import type { SiteSettings } from '../lib/settings.ts';
import type { Problem } from '../lib/problems/problem.ts';
import type { PageSource } from '../lib/sources/page-source.ts';
import type { PageComponents } from '../lib/sources/component-uses.ts';
import { runnableFile } from '../lib/runnable.ts';

/** One page source as the pass read it; no outline when it does not parse. */
export interface ParsedPage {
  file: string;
  text: string;
  outline: PageSource | undefined;
  components: PageComponents | undefined;
}

/** What the worker posts. */
export type SourcePassMessage =
  | { kind: 'sources'; pages: ParsedPage[] }
  | { kind: 'lint'; problems: Problem[] }
  | { kind: 'lint-failed'; reason: string }
  | { kind: 'failed'; reason: string };

export interface SourcePass {
  /** Every page source, parsed. */
  pages: Promise<ParsedPage[]>;
  /** The docs lint's findings, as build warnings (none when the lint is off). */
  lint(): Promise<Problem[]>;
}

/** One warning saying the lint could not run (a broken terms file): the build goes on. */
function lintFailed(reason: string): Problem[] {
  return [
    {
      severity: 'warning',
      code: 'docs-lint',
      message: `the docs lint could not run: ${reason}`,
      fix: 'Fix the file it names; `npx lasting-links lint` shows the same message.',
    },
  ];
}

export function startSourcePass(settings: SiteSettings, lint: boolean): SourcePass {
  const worker = new Worker(runnableFile(new URL('./source-pass-worker.ts', import.meta.url)), {
    workerData: { settings, lint },
  });
  // A build that fails before its end never asks for the lint: the worker must not keep it alive.
  worker.unref();
  const pages = new Promise<ParsedPage[]>((resolve, reject) => {
    const onMessage = (message: SourcePassMessage) => {
      if (message.kind === 'sources') resolve(message.pages);
      else if (message.kind === 'failed')
        reject(new Error(`the page sources could not be read: ${message.reason}`));
      if (message.kind === 'sources' || message.kind === 'failed') worker.off('message', onMessage);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  const findings = new Promise<Problem[]>((resolve) => {
    if (!lint) {
      resolve([]);
      return;
    }
    worker.on('message', (message: SourcePassMessage) => {
      if (message.kind === 'lint') resolve(message.problems);
      else if (message.kind === 'lint-failed') resolve(lintFailed(message.reason));
    });
    worker.once('error', (error: Error) => resolve(lintFailed(error.message)));
  });
  return { pages, lint: () => findings.finally(() => void worker.terminate()) };
}
