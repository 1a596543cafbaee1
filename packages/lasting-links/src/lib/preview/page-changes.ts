/**
 * The in-place changes of each changed page of a preview (see `page-marks.ts` for the format the
 * page loads): made from the comparison, written beside the What-changed page under a name made
 * from their content, and named in the page's `<head>`. A page whose content did not change gets
 * nothing, so it stays byte for byte the same from one push to the next; a changed page changes
 * only when its changes do.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from '../html/escape.ts';
import { targetHref } from '../redirects/locations.ts';
import { withBase, type Base, type SitePath } from '../site-path.ts';
import type { TextPart } from './block-diff.ts';
import { textHash } from './block-rules.ts';
import type { BlockChange, PageChange, SectionChange } from './compare-sites.ts';
import { CHANGES_META_NAME, type MarkPart, type PageChanges, type PageMark } from './page-marks.ts';

/** What the marks need beyond the page: the preview's base, the published origin, the report. */
export interface MarkContext {
  base: Base;
  /** The published site's origin (`https://docs.example.com`), if known. */
  productionSite: string | undefined;
  /** `main at 1a2b3c4`. */
  comparedWith: string;
  /** The page's entry on the What-changed page, under the preview's base. */
  reportUrl: string;
}

/** The folder of the preview holding each changed page's changes. */
const PAGE_CHANGES_FOLDER = '_changes/pages';

/** A site path (and fragment) on the published site, or null when its origin is unknown. */
export function publishedUrl(
  productionSite: string | undefined,
  path: SitePath,
  fragment: string | null,
): string | null {
  if (productionSite === undefined || !/^https?:\/\//.test(productionSite)) return null;
  const href = targetHref({ kind: 'site', path, fragment }, '/' as Base);
  return new URL(href, productionSite).href;
}

/** The parts of a diff as the page applies them to its text. */
function markParts(parts: readonly TextPart[]): MarkPart[] {
  return parts.map((part) =>
    part.kind === 'removed' ? [-1, part.text] : [part.kind === 'added' ? 1 : 0, part.text.length],
  );
}

/** The marks of one section, in page order. */
function sectionMarks(
  page: PageChange,
  section: SectionChange,
  context: MarkContext,
  titleOf: (path: SitePath) => string,
): PageMark[] {
  const blocks = (changes: readonly BlockChange[]) =>
    changes.flatMap((change): PageMark[] => {
      if (change.op === 'same') return [];
      if (change.op === 'removed') {
        return [
          { mark: 'removed', after: change.after, tag: change.block.tag, text: change.block.text },
        ];
      }
      const hash = textHash(change.block.text);
      return change.op === 'added'
        ? [{ mark: 'added', at: change.at, hash }]
        : [{ mark: 'changed', at: change.at, hash, parts: markParts(change.parts) }];
    });
  switch (section.kind) {
    case 'added': {
      const heading: PageMark[] =
        section.at >= 0 ? [{ mark: 'added', at: section.at, hash: textHash(section.heading) }] : [];
      return [...heading, ...blocks(section.blocks)];
    }
    case 'removed': {
      const heading: PageMark[] =
        section.heading === ''
          ? []
          : [
              {
                mark: 'removed',
                after: section.after,
                tag: `h${section.level}`,
                text: section.heading,
              },
            ];
      return [...heading, ...blocks(section.blocks)];
    }
    case 'moved-away':
      return [
        {
          mark: 'moved-away',
          after: section.after,
          heading: section.heading,
          to: targetHref(
            { kind: 'site', path: section.movedTo.path, fragment: section.movedTo.id || null },
            context.base,
          ),
          toTitle: titleOf(section.movedTo.path),
        },
      ];
    case 'changed': {
      const marks: PageMark[] = [];
      const basePath = page.before?.path ?? page.path;
      const moved = section.before.path !== basePath || section.before.id !== section.id;
      if (moved && section.at >= 0) {
        const fragment = section.before.id === '' ? null : section.before.id;
        marks.push({
          mark: 'moved',
          at: section.at,
          hash: textHash(section.heading),
          from: targetHref({ kind: 'site', path: section.before.path, fragment }, '/' as Base),
          fromTitle:
            section.before.path === basePath
              ? `“${section.before.heading}” (#${section.before.id})`
              : `${titleOf(section.before.path)} › ${section.before.heading}`,
          samePage: section.before.path === basePath,
          published: publishedUrl(context.productionSite, section.before.path, fragment),
          textChanged: section.textChanged,
        });
      }
      if (section.headingParts !== undefined && section.at >= 0) {
        marks.push({
          mark: 'changed',
          at: section.at,
          hash: textHash(section.heading),
          parts: markParts(section.headingParts),
        });
      }
      return [...marks, ...blocks(section.blocks)];
    }
  }
}

/** Where a mark is on the page: a block's index, or between two for what is not there any more. */
function position(mark: PageMark): number {
  return mark.mark === 'removed' || mark.mark === 'moved-away' ? mark.after + 0.5 : mark.at;
}

/** The marks in hunks: one hunk per run of marks with no unchanged block between them. */
export function hunksOf(marks: readonly PageMark[]): PageMark[][] {
  const hunks: PageMark[][] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const mark of [...marks].sort((a, b) => position(a) - position(b))) {
    const at = position(mark);
    // Block `last + 1` (or the gap right after `last`) is next to the last mark: no unchanged
    // block lies between them.
    if (hunks.length > 0 && Math.ceil(at) <= Math.floor(last) + 1)
      hunks[hunks.length - 1]!.push(mark);
    else hunks.push([mark]);
    last = Math.max(last, at);
  }
  return hunks;
}

/** The in-place changes of a changed, added or moved page; undefined when there is nothing to mark. */
export function pageChanges(
  page: PageChange,
  context: MarkContext,
  titleOf: (path: SitePath) => string,
): PageChanges | undefined {
  const marks = page.sections.flatMap((section) => sectionMarks(page, section, context, titleOf));
  if (marks.length === 0 && page.before === undefined) return undefined;
  const publishedPath = page.before?.path ?? (page.kind === 'added' ? undefined : page.path);
  return {
    base: context.comparedWith,
    report: context.reportUrl,
    published:
      publishedPath === undefined
        ? null
        : publishedUrl(context.productionSite, publishedPath, null),
    movedFrom: page.before?.path ?? null,
    hunks: hunksOf(marks),
  };
}

/** The file holding a page's changes, relative to the build: named by a hash of its content. */
export function pageChangesFile(json: string): string {
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
  return `${PAGE_CHANGES_FOLDER}/${hash}.json`;
}

/** The page's HTML with the `<meta>` that names its changes, at the end of its `<head>`. */
export function withChangesMeta(html: string, file: string, base: Base): string {
  const url = withBase(`/${file}` as SitePath, base);
  const meta = `<meta name="${CHANGES_META_NAME}" content="${escapeHtml(url)}">`;
  const at = html.search(/<\/head\s*>/i);
  if (at < 0) throw new Error('the page has no </head> to name its changes in');
  return html.slice(0, at) + meta + html.slice(at);
}
