/**
 * The one part of the lint that reads files: the terms file and the content pages the link
 * rule resolves cross-references against. Everything else takes these as arguments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildPageIndex } from './page-index.ts';
import { parseTerms } from './terms.ts';
import type { LintSettings, LintSource } from './types.ts';
import type { PageSource, SourceSyntax } from '../sources/page-source.ts';

export interface ProjectLintOptions {
  /** Project root; the other paths are relative to it. */
  root: string;
  /** `content/docs`. */
  contentDir: string;
  /** `content/terms.yaml`; without one, no proper nouns or terminology. */
  termsFile?: string | undefined;
  /** From the site settings, e.g. `10.5`; without one, no release is stale. */
  oldestSupportedVersion?: string | undefined;
  /** How the pages are written; the defaults when absent. */
  syntax?: SourceSyntax | undefined;
  /** The pages' outlines, when the caller parsed them already (the build's one pass). */
  outlines?: readonly PageSource[] | undefined;
}

/** A site without a terms file: no proper nouns, no terminology. */
const NO_TERMS = { properNouns: [], terminology: [] };

/** Every `.mdx` file under `dir` (relative to `root`), sorted, as paths relative to `root`. */
export function mdxFilesUnder(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => relative(root, join(root, dir, name)).replace(/\\/g, '/'))
    .sort();
}

/** Reads `path` (relative to `root`, or absolute) as a lint source. */
export function readSource(root: string, path: string): LintSource {
  return { path, contents: readFileSync(resolve(root, path), 'utf8') };
}

/**
 * Settings for linting this project's pages: the parsed terms file and the index of every
 * content page. Throws `TermsFileError` (naming file and line) on a bad terms file.
 */
export function loadLintSettings(options: ProjectLintOptions): LintSettings {
  const terms =
    options.termsFile === undefined
      ? NO_TERMS
      : parseTerms(readFileSync(join(options.root, options.termsFile), 'utf8'), options.termsFile);
  const pages = buildPageIndex(
    options.outlines?.map((outline) => ({ path: outline.file, contents: outline.text, outline })) ??
      mdxFilesUnder(options.root, options.contentDir).map((path) => readSource(options.root, path)),
    options.contentDir,
    options.syntax,
  );
  return {
    terms,
    termsFile: options.termsFile ?? 'the terms file (the lastingLinks `terms` option)',
    pages,
    contentDir: options.contentDir,
    oldestSupportedVersion: options.oldestSupportedVersion,
    syntax: options.syntax,
    root: options.root,
  };
}
