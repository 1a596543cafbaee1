/**
 * The docs lint: remark-lint rules for what reviewers of the guide keep finding by hand.
 *
 * - `lintDocs(sources, settings)` lints pages and returns plain results;
 * - `loadLintSettings(…)` reads the terms file and indexes the content pages for it;
 *
 *     const settings = loadLintSettings({ root, contentDir: 'content/docs', termsFile: 'content/terms.yaml', oldestSupportedVersion: '10.5' });
 *     const results = lintDocs(mdxFilesUnder(root, 'content/docs').map((path) => readSource(root, path)), settings);
 *
 * - `docsLintPlugins(settings)` is the same lint as unified plugins, for `.remarkrc.mjs`;
 * - `parseTerms(text, file)` reads `content/terms.yaml` for any other use.
 */
export { lintDocs } from './lint-docs.ts';
export { loadLintSettings, mdxFilesUnder, readSource } from './project-files.ts';
export { docsLintPlugins, RULES } from './preset.ts';
export { parseTerms, TermsFileError } from './terms.ts';
export { formatResults, LINT_FORMATS, type LintFormat } from './format.ts';
export type { LintResult, LintSettings, LintSource } from './types.ts';
