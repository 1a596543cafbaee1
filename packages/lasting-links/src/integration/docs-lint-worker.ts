/**
 * Worker thread body for `docsLintInBackground`: lints every page and posts the problems back,
 * or the reason the lint could not run.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { SiteSettings } from '../lib/settings.ts';
import { docsLintProblems } from './docs-lint.ts';

try {
  parentPort!.postMessage({ problems: docsLintProblems(workerData as SiteSettings) });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
}
