/**
 * The edits `moves` makes to MDX sources: links that point at an old address are pointed at
 * where readers now land, keeping the link text the writer chose; and a heading that took over
 * another section's published id gets an explicit id of its own.
 */
import { decodeUrlPath, type SitePath } from '../site-path.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { PageSource } from '../sources/page-source.ts';
import { follow, landsOnContent, type RedirectPlan } from '../redirects/follow.ts';
import { encodeFragment, type RedirectTarget } from '../redirects/locations.ts';
import { decodeFragment } from '../html/page-collectors.ts';
import type { IdPin } from './find-moves.ts';

/** One replacement in a source file. */
export interface SourceEdit {
  file: string;
  offset: number;
  /** How many characters it replaces (0 for an insertion). */
  length: number;
  text: string;
  line: number;
  column: number;
  /** For the summary: what was written, and what is written now. */
  was: string;
  now: string;
}

/** Where a link written on `page` points, as a site location; undefined for links that leave the site. */
function locationOf(
  url: string,
  page: SitePath,
): { path: SitePath; fragment: string | null } | undefined {
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? null : decodeFragment(url.slice(hash + 1));
  if (path === '') return { path: page, fragment };
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('?')) return undefined;
  return { path: decodeUrlPath(path) as SitePath, fragment };
}

/** A target as an author writes it on `page`: `#id` on the same page when the link was written so. */
function writtenTarget(target: RedirectTarget, page: SitePath, samePageStyle: boolean): string {
  if (target.kind === 'external') return target.url;
  if (samePageStyle && target.path === page)
    return target.fragment === null ? target.path : `#${encodeFragment(target.fragment)}`;
  return target.fragment === null
    ? target.path
    : `${target.path}#${encodeFragment(target.fragment)}`;
}

/**
 * Where a same-page link `#id` that no longer resolves was meant to go: the published section
 * with that id on the page its text came from (`cameFrom`), or the only published page that had
 * that id. Text moved to another page takes its `#id` links along, and they must follow.
 */
export type OldHomeOf = (page: SitePath, fragment: string) => SitePath | undefined;

/** Every link of `page` that only reaches its target through a redirect, rewritten to the target. */
export function linkEdits(
  page: Pick<PageSource, 'file' | 'path' | 'links'>,
  plan: RedirectPlan,
  index: AnchorIndex,
  oldHomeOf?: OldHomeOf,
): SourceEdit[] {
  const edits: SourceEdit[] = [];
  for (const link of page.links) {
    const written = locationOf(link.url, page.path);
    if (written === undefined) continue;
    let visit = follow(plan, index, written, 'static');
    if (!landsOnContent(visit, index) && link.url.startsWith('#') && written.fragment !== null) {
      const oldPage = oldHomeOf?.(page.path, written.fragment);
      if (oldPage !== undefined)
        visit = follow(plan, index, { path: oldPage, fragment: written.fragment }, 'static');
    }
    if (visit.kind !== 'landed' || visit.hops.length === 0 || !landsOnContent(visit, index))
      continue;
    const now = writtenTarget(visit.target, page.path, link.url.startsWith('#'));
    if (now === link.url) continue;
    edits.push({
      file: page.file,
      offset: link.offset,
      length: link.url.length,
      text: now,
      line: link.line,
      column: link.column,
      was: link.url,
      now,
    });
  }
  return edits;
}

/**
 * The site addresses a layout, component or page written in `.astro` (or a settings file) names
 * as quoted strings from the site root (`'/a/b/'`, `"/a/#c"`, `` `/a/` ``), as links `linkEdits`
 * can rewrite: a home page card names its page so, and must follow it when it moves.
 */
export function layoutLinks(text: string): PageSource['links'] {
  const links: PageSource['links'] = [];
  let line = 1;
  let lineStart = 0;
  let counted = 0;
  for (const match of text.matchAll(/(["'`])(\/(?!\/)[^"'`\s<>{}$\\]*)\1/g)) {
    const offset = match.index + 1;
    for (
      let at = text.indexOf('\n', counted);
      at !== -1 && at < offset;
      at = text.indexOf('\n', at + 1)
    ) {
      line += 1;
      lineStart = at + 1;
    }
    counted = offset;
    links.push({ url: match[2]!, offset, line, column: offset - lineStart + 1 });
  }
  return links;
}

/** The `{#id}` that gives a pinned heading its own id. */
export function pinEdit(page: PageSource, pin: IdPin): SourceEdit | undefined {
  const section = page.sections.find(
    (item) => item.id === pin.takenId && !item.explicitId && item.heading === pin.heading,
  );
  if (section === undefined || section.idInsertAt < 0) return undefined;
  const text = ` {#${pin.newId}}`;
  return {
    file: page.file,
    offset: section.idInsertAt,
    length: 0,
    text,
    line: section.line,
    column: 1,
    was: `## ${section.heading}`,
    now: `## ${section.heading}${text}`,
  };
}

/**
 * A source with its edits applied (edits must not overlap), in one pass from the start: the
 * text between edits is copied once, so a page of many edits costs time linear in its size.
 */
export function applySourceEdits(text: string, edits: readonly SourceEdit[]): string {
  const parts: string[] = [];
  let copied = 0;
  for (const edit of [...edits].sort((a, b) => a.offset - b.offset)) {
    parts.push(text.slice(copied, edit.offset), edit.text);
    copied = edit.offset + edit.length;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
