/**
 * The what-changed report of a preview: everything a reviewer compares by hand otherwise, in one
 * structure, from which `changes-page.ts` renders the preview's `/_changes/` page and
 * `changes-summary.ts` the Markdown for the pull request comment and the job summary.
 */
import type { Problem } from '../problems/problem.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { RedirectPlan } from '../redirects/follow.ts';
import { anchorMoves, type AnchorMove } from './anchor-moves.ts';
import { compareSites, type SiteChanges, type SiteContent } from './compare-sites.ts';
import type { PreviewSettings } from './settings.ts';

/** The commit the preview was compared with, or why there was none. */
type BaseComparison =
  | { kind: 'compared'; ref: string; sha: string | undefined; url: string | undefined }
  | { kind: 'none'; reason: string };

/** What the report holds. */
export interface ChangesReport {
  preview: PreviewSettings;
  base: BaseComparison;
  /** Undefined when there was no base to compare with. */
  changes: SiteChanges | undefined;
  moves: AnchorMove[];
  /** The link check of the preview as published (errors fail the build, so mostly warnings). */
  linkProblems: Problem[];
}

/** A built site to compare: its content pages and, for the pull request, its redirect plan. */
export interface ComparedBuild {
  index: AnchorIndex;
  plan: RedirectPlan;
  /** Its content pages as blocks (see `page-blocks.ts`). */
  content: SiteContent;
}

/** The base build, or why there is none. */
export type BaseBuild =
  /**
   * `sha` is undefined for a base given as a ready build; `url` is where the base's own build is
   * served (its preview), when known.
   */
  | {
      kind: 'built';
      ref: string;
      sha: string | undefined;
      url?: string;
      index: AnchorIndex;
      content: SiteContent;
    }
  | { kind: 'none'; reason: string };

/** Compares the preview's build with its base's: pages, sections and addresses. */
export function buildChangesReport(
  preview: PreviewSettings,
  pr: ComparedBuild,
  base: BaseBuild,
  linkProblems: Problem[],
): ChangesReport {
  if (base.kind === 'none') {
    return { preview, base, changes: undefined, moves: [], linkProblems };
  }
  const moves = anchorMoves(base.index, pr.index, pr.plan);
  return {
    preview,
    base: { kind: 'compared', ref: base.ref, sha: base.sha, url: base.url },
    changes: compareSites(base.content, pr.content, moves),
    moves,
    linkProblems,
  };
}
