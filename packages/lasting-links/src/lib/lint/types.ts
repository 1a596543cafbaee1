/**
 * Shapes shared by the docs lint: what it reports, and the settings its rules read.
 */
import type { Terms } from './terms.ts';
import type { PageSource, SourceSyntax, TreeNode } from '../sources/page-source.ts';

/** `error` fails `npm test`; `warning` is shown but lets the run pass. */
export type Severity = 'error' | 'warning';

/** One finding, as plain data: what the CLI prints and what the build turns into warnings. */
export interface LintResult {
  /** The file as it was given (relative to the project root for the CLI). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The rule's id, e.g. `terminology`; `parse-error` when the file is not valid MDX. */
  rule: string;
  severity: Severity;
  /** What is wrong and how to fix it. */
  message: string;
}

/** Everything the rules need to know about the project, passed in rather than read from disk. */
export interface LintSettings {
  /** Proper nouns and terminology, from `content/terms.yaml`. */
  terms: Terms;
  /** Where the terms came from, to name it in messages (`content/terms.yaml`, or the `terms` option). */
  termsFile: string;
  /** Every content page's title and heading ids, to check empty-text cross-references. */
  pages: PageIndex;
  /** Directory of the MDX pages relative to the project root; maps a file to its site path. */
  contentDir: string;
  /** The oldest release still supported, `major.minor` (`10.5`): older versions are stale; none when absent. */
  oldestSupportedVersion?: string | undefined;
  /** How the pages are written (features, components that open sections); the defaults when absent. */
  syntax?: SourceSyntax | undefined;
  /** The project root, which relative source paths start from; the current directory when absent. */
  root?: string;
}

/** A file to lint: its path (for messages and its site path), its text, and its tree when parsed already. */
export interface LintSource {
  path: string;
  contents: string;
  /** The page's mdast from `parseSource`, when the caller parsed it (the build's one pass). */
  tree?: TreeNode;
  /** Its outline, likewise (for the index of link targets). */
  outline?: PageSource;
}

/** A page's link targets. */
export interface PageTargets {
  /** The front matter title: the text an empty link to the page itself gets. */
  title: string | undefined;
  /** Heading ids in page order, each with its heading's text. */
  headings: { id: string; text: string }[];
}

/** Content pages by site path (`/a/b/`). */
export type PageIndex = Map<string, PageTargets>;
