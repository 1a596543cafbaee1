// @ts-check
/**
 * The docs lint, for editors: the unified/remark editor extensions (unified-engine) read this
 * file and show the same findings as `npm run lint:docs`, which reads `lintSettings` from here.
 *
 * Needs a Node.js that runs TypeScript files directly (22.18 or later), as the project's own does.
 * Cross-references are checked against the pages as they were when the editor loaded this file.
 */
import { fileURLToPath } from 'node:url';
import { siteConfig } from './src/config.ts';
import { docsLintPlugins, loadLintSettings } from 'lasting-links/lint';

/** Where the lint reads the project from: the terms file, and the pages links may point to. */
export const lintOptions = {
  root: fileURLToPath(new URL('.', import.meta.url)),
  contentDir: siteConfig.contentDir,
  termsFile: siteConfig.termsFile,
  oldestSupportedVersion: siteConfig.oldestSupportedVersion,
};

export const lintSettings = loadLintSettings(lintOptions);

export default { plugins: docsLintPlugins(lintSettings) };
