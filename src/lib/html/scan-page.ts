/**
 * One streaming pass over one built HTML page, shared by every tool that reads the output:
 * the ids a browser can scroll to, the headings with their titles and sections, every URL the
 * page refers to with its position, the page's own marks, and (for the build) the offsets
 * where it edits the page. htmlparser2's tokenizer does the HTML work (entities, unquoted
 * attributes, implied end tags, raw-text elements such as `<script>`); the collectors in
 * `page-collectors.ts` decide what is worth keeping.
 */
import { Parser } from 'htmlparser2';
import { lineLocator, type LineColumn } from './line-locator.ts';
import {
  POSITIONED_ATTRIBUTES,
  documentCollector,
  emptyLinksCollector,
  headingsCollector,
  idsCollector,
  linksCollector,
  type Collector,
  type DuplicateId,
  type EmptyLink,
  type HeadingInfo,
  type LinkRef,
  type ScanContext,
} from './page-collectors.ts';

export type { EmptyLink, HeadingInfo, LinkRef } from './page-collectors.ts';

/** What to collect beyond ids, headings, links and marks. */
export interface ScanOptions {
  /** Give each heading the text of its section (the build and `moves` need it; the checker does not). */
  sectionText?: boolean;
  /** Collect the offsets the build edits the page at (head script, old ids, empty links). */
  editPoints?: boolean;
}

/** Everything one page exposes and refers to. */
export interface PageScan {
  /** Every id a browser can scroll to, in document order, once each. */
  ids: string[];
  /** Ids kept alive for renamed headings by the redirect engine (not the page's own). */
  legacyIds: string[];
  /** Ids that appear again after their first element. */
  duplicateIds: DuplicateId[];
  headings: HeadingInfo[];
  /** Ids that content headings' self-links point at: the anchors the page publishes. */
  selfLinkedIds: string[];
  links: LinkRef[];
  /** The meta refresh target, when the page is a redirect page. */
  refresh: string | null;
  /** The `<base href>`, which relative URLs resolve against. */
  baseHref: string | null;
  /** Marked as a redirect stub by this site's redirect engine. */
  isStub: boolean;
  /** The page's `<article>`, else `<main>`: the part an author wrote. */
  contentRange: { start: LineColumn; end: LineColumn } | undefined;
  /** With `editPoints`: where edits go. */
  editPoints?: EditPoints;
}

/** Offsets in the page's text where the build inserts things. */
export interface EditPoints {
  headInsertAt: number;
  /** Offset of the first element carrying each id. */
  idOffsets: Map<string, number>;
  emptyLinks: EmptyLink[];
}

/** Scans one page; see PageScan. */
export function scanPage(html: string, options: ScanOptions = {}): PageScan {
  const ids = idsCollector(options.editPoints === true);
  const headings = headingsCollector(options.sectionText === true);
  const links = linksCollector();
  const document = documentCollector();
  const emptyLinks = options.editPoints ? emptyLinksCollector() : undefined;
  const collectors: Collector[] = [
    ids,
    headings,
    links,
    document,
    ...(emptyLinks ? [emptyLinks] : []),
  ];
  runCollectors(html, collectors);
  return {
    ids: ids.result.ids,
    legacyIds: ids.result.legacyIds,
    duplicateIds: ids.result.duplicateIds,
    headings: headings.result.headings,
    selfLinkedIds: headings.result.selfLinkedIds,
    links: links.result.links,
    refresh: links.result.refresh,
    baseHref: links.result.baseHref,
    isStub: document.result.isStub,
    contentRange: document.result.contentRange,
    ...(emptyLinks === undefined
      ? {}
      : {
          editPoints: {
            headInsertAt: document.result.headInsertAt,
            idOffsets: ids.result.idOffsets ?? new Map<string, number>(),
            emptyLinks: emptyLinks.result,
          },
        }),
  };
}

/** Runs one parser over `html`, telling every collector about every tag and text. */
function runCollectors(html: string, collectors: readonly Collector[]): void {
  const locate = lineLocator(html);
  // Positions of the URL-bearing attributes of the tag being opened (`onattribute` fires
  // before `onopentag`); only those are kept, as this runs for every attribute of the site.
  const attributeStarts = new Map<string, number>();
  let depth = 0;
  let templateDepth = 0;
  const context: ScanContext = {
    get depth() {
      return depth;
    },
    get inTemplate() {
      return templateDepth > 0;
    },
    startIndex: () => parser.startIndex,
    endIndex: () => parser.endIndex,
    attributeStart: (name) => attributeStarts.get(name),
    locate,
  };
  const opens = collectors.filter((collector) => collector.open !== undefined);
  const texts = collectors.filter((collector) => collector.text !== undefined);
  const closes = collectors.filter((collector) => collector.close !== undefined);
  const parser: Parser = new Parser(
    {
      onattribute(name) {
        if (POSITIONED_ATTRIBUTES.has(name) && !attributeStarts.has(name))
          attributeStarts.set(name, parser.startIndex);
      },
      onopentag(tag, attributes) {
        depth += 1;
        for (const collector of opens) collector.open!(tag, attributes, context);
        if (tag === 'template') templateDepth += 1;
        if (attributeStarts.size > 0) attributeStarts.clear();
      },
      ontext(text) {
        for (const collector of texts) collector.text!(text, context);
      },
      onclosetag(tag) {
        if (tag === 'template' && templateDepth > 0) templateDepth -= 1;
        for (const collector of closes) collector.close!(tag, context);
        depth -= 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  for (const collector of collectors) collector.finish?.();
}
