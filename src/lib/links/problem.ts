/**
 * One finding of the link checker, with enough context to fix it without opening the output:
 * where it was written (source), where it shows up (output page), and what to write instead.
 */
import type { SitePath } from '../types.ts';

/** What kind of finding it is; stable strings, usable in scripts and CI filters. */
export type ProblemCode =
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
  | 'external';

/** Where a link was written: a file relative to the project root (or output directory), 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A finding of the link checker. */
export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  /** One sentence saying what is wrong and, where known, what to do. */
  message: string;
  /** The URL as it appears in the output. */
  url: string;
  /** The output page (site path) the link appears on, or the file for `_redirects` and sitemaps. */
  page: SitePath;
  /** Position in the output file (relative to the output directory). */
  output: SourcePosition;
  /** Position in the MDX (or other) source, when the link could be traced back to one. */
  source?: SourcePosition;
  /** The URL to link to instead, when there is one. */
  suggestion?: string;
}

/** Stable order for reports: by source (or output) file, line, column, then message. */
export function compareProblems(a: Problem, b: Problem): number {
  const pa = a.source ?? a.output;
  const pb = b.source ?? b.output;
  return pa.file.localeCompare(pb.file) || pa.line - pb.line || pa.column - pb.column || a.message.localeCompare(b.message);
}
