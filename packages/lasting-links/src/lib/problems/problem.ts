/**
 * One finding, whoever found it: the redirect engine, the anchors lock, the link checker, the
 * cross-reference filler or `lasting-links moves`. Each names where to make the change, what is
 * wrong and the exact fix, so a failed build reads like a linter's to-do list rather than a
 * crash, and the same problem reads the same in the build, `lasting-links check` and `lasting-links moves`.
 */
import type { SitePath } from '../site-path.ts';

/** What kind of finding it is; stable strings, usable in scripts and CI filters. */
export type ProblemCode =
  // The link checker.
  /** No file is served at the link's path. */
  | 'missing-page'
  /** The page exists but has no element with the fragment's id. */
  | 'missing-anchor'
  /** A root-absolute path without the base: it works at `/` and breaks under `/pr-123/`. */
  | 'outside-base'
  /** Works only through the redirect map; link to the current URL instead (a warning). */
  | 'redirected'
  /** The redirect map sends this URL somewhere that does not exist, or around in a circle. */
  | 'broken-redirect'
  /** `/a/b` served from `/a/b/index.html`: some hosts answer with a redirect (a warning). */
  | 'missing-trailing-slash'
  /** An external URL that failed (status, timeout, reset, redirect loop). */
  | 'external'
  /** A URL no browser can follow (`//////`). */
  | 'malformed-url'
  | 'backslash-host'
  | 'base-elsewhere'
  /** An output file that is a symbolic link: a host may serve what it points to, unchecked. */
  | 'symlink'
  // The redirect map.
  /** An entry that cannot be read: bad YAML, a missing or unknown field, a malformed path. */
  | 'redirect-syntax'
  /** Two entries with the same `from`. */
  | 'redirect-duplicate'
  /** A `from` that is still a live page or anchor, so the entry can never fire. */
  | 'redirect-live-source'
  /** A `from` under a path the build writes its own files to (`/_astro/`, `/pagefind/`, `/images/`). */
  | 'redirect-reserved'
  /** Anchors of a removed page without the page's own default entry. */
  | 'redirect-no-default'
  /** A `to` that does not exist. */
  | 'redirect-target'
  /** Entries that send readers round in a circle. */
  | 'redirect-cycle'
  /** An entry whose target is itself redirected (a warning; outputs go straight to the end). */
  | 'redirect-chain'
  /** Entries that meet where one table or one output file cannot tell them apart. */
  | 'redirect-clash'
  // The anchors lock.
  /** The lock file cannot be read. */
  | 'lock-syntax'
  /** The lock file is gone, so nothing published would be protected. */
  | 'lock-missing'
  /** A published URL or anchor that no longer resolves. */
  | 'lost-anchor'
  // Pages.
  /** An empty-text cross-reference whose target does not exist, so it has no title to show. */
  | 'cross-reference'
  /** A page's front matter that does not parse or breaks the schema. */
  | 'front-matter'
  /** A component a page uses that nothing defines or imports. */
  | 'unknown-component'
  /** A component used in a way the site's own check of it refuses (the `elementChecks` option). */
  | 'component-use'
  /** A finding of the docs lint (`lasting-links lint`), shown by the build as a warning. */
  | 'docs-lint'
  /** Two elements of one built page share an id, so links to it land on the first one. */
  | 'duplicate-id'
  /** A heading whose text gives no usable id (only emoji or punctuation); it got a fallback id. */
  | 'heading-id';

/** A place in a file: relative to the project root (sources) or to the output directory. */
export interface Position {
  file: string;
  /** 1-based; absent when the problem belongs to the whole file. */
  line?: number;
  column?: number;
}

/** A finding. Errors fail the build; warnings are printed and the build goes on. */
export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  /** What is wrong, in one sentence or a short list. */
  message: string;
  /** What to do about it; the exact text to write when there is one. */
  fix?: string;
  /** Where an author makes the change: the MDX page, `redirects.yaml`, the lock. */
  at?: Position;
  /** Where the problem shows in the built output, when it was found there. */
  output?: Position & { line: number; column: number };
  /** The page (site path) the problem shows on. */
  page?: SitePath;
  /** The URL concerned, as it appears in the output. */
  url?: string;
  /**
   * The site address the problem is about, as an author writes it (`/a/#b`): a link's target,
   * a redirect's missing `to`, a published address that was lost. Lets one rename's problems
   * be recognised as one.
   */
  target?: string;
  /** The URL to link to instead, when there is one. */
  suggestion?: string;
}

/** Only the problems that fail a build. */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error');
}

/** Where to look first: the author's file when known, else the output file. */
function primaryPosition(problem: Problem): Position | undefined {
  return problem.at ?? problem.output;
}

/** Stable order for reports: by file, line, column, then message. */
export function compareProblems(a: Problem, b: Problem): number {
  const pa = primaryPosition(a);
  const pb = primaryPosition(b);
  return (
    (pa?.file ?? '').localeCompare(pb?.file ?? '') ||
    (pa?.line ?? 0) - (pb?.line ?? 0) ||
    (pa?.column ?? 0) - (pb?.column ?? 0) ||
    a.message.localeCompare(b.message)
  );
}
