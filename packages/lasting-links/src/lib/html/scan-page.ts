/**
 * One streaming pass over one built HTML page, shared by every tool that reads the output:
 * the ids a browser can scroll to, the headings with their titles and sections, every URL the
 * page refers to with its position, the page's own marks, and (for the build) the offsets
 * where it edits the page. htmlparser2's tokenizer does the HTML work (entities, unquoted
 * attributes, implied end tags, raw-text elements such as `<script>`); the collectors in
 * `page-collectors.ts` decide what is worth keeping.
 */
import { Tokenizer } from 'htmlparser2';
import { lineLocator, type LineColumn } from './line-locator.ts';
import { VOID_ELEMENTS } from './void-elements.ts';
import {
  POSITIONED_ATTRIBUTES,
  documentCollector,
  headingsCollector,
  idsCollector,
  linksCollector,
  type Collector,
  type DuplicateId,
  type HeadingInfo,
  type LinkRef,
  type ScanContext,
} from './page-collectors.ts';
import { emptyLinksCollector, type EmptyLink } from './empty-links.ts';

export type { HeadingInfo, LinkRef } from './page-collectors.ts';
export type { EmptyLink } from './empty-links.ts';

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
  /** The `<link rel="canonical">` URL, if any. */
  canonical: string | null;
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
    canonical: links.result.canonical,
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

/**
 * Runs one pass of htmlparser2's tokenizer over `html`, telling every collector about every tag
 * and text. The tokenizer does the HTML work (entities, attribute quoting, raw-text elements
 * such as `<script>`); htmlparser2's own tree-building layer is not used, because it keeps its
 * stack of open elements with `unshift`, which makes deeply nested pages quadratic (300,000
 * nested `div`s took a minute). Nothing here needs the tree: collectors follow the elements
 * they care about by name.
 */
function runCollectors(html: string, collectors: readonly Collector[]): void {
  const locate = lineLocator(html);
  // Positions of the URL-bearing attributes of the tag being opened; only those are kept, as
  // this runs for every attribute of the site.
  const attributeStarts = new Map<string, number>();
  let templates = 0;
  let tagStart = 0;
  let tagEnd = 0;
  let tagName = '';
  let attributes: Record<string, string> = {};
  let attributeName = '';
  let attributeValue = '';
  const context: ScanContext = {
    get inTemplate() {
      return templates > 0;
    },
    startIndex: () => tagStart,
    endIndex: () => tagEnd,
    attributeStart: (name) => attributeStarts.get(name),
    locate,
  };
  const opens = collectors.filter((collector) => collector.open !== undefined);
  const texts = collectors.filter((collector) => collector.text !== undefined);
  const closes = collectors.filter((collector) => collector.close !== undefined);
  const emitText = (text: string) => {
    for (const collector of texts) collector.text!(text, context);
  };
  const emitClose = (name: string) => {
    if (name === 'template' && templates > 0) templates -= 1;
    for (const collector of closes) collector.close!(name, context);
  };
  const endOpenTag = (endIndex: number) => {
    tagEnd = endIndex;
    for (const collector of opens) collector.open!(tagName, attributes, context);
    if (tagName === 'template') templates += 1;
    if (attributeStarts.size > 0) attributeStarts.clear();
    if (VOID_ELEMENTS.has(tagName)) emitClose(tagName);
  };
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      ontext(start, endIndex) {
        emitText(html.slice(start, endIndex));
      },
      ontextentity(codepoint) {
        emitText(String.fromCodePoint(codepoint));
      },
      onopentagname(start, endIndex) {
        tagStart = start - 1;
        tagName = html.slice(start, endIndex).toLowerCase();
        attributes = {};
      },
      onattribname(start, endIndex) {
        attributeName = html.slice(start, endIndex).toLowerCase();
        attributeValue = '';
        if (POSITIONED_ATTRIBUTES.has(attributeName) && !attributeStarts.has(attributeName)) {
          attributeStarts.set(attributeName, start);
        }
      },
      onattribdata(start, endIndex) {
        attributeValue += html.slice(start, endIndex);
      },
      onattribentity(codepoint) {
        attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        // As in a browser, the first of two attributes with one name wins.
        if (!Object.hasOwn(attributes, attributeName)) attributes[attributeName] = attributeValue;
      },
      onopentagend(endIndex) {
        endOpenTag(endIndex);
      },
      onselfclosingtag(endIndex) {
        // In HTML `<div />` opens a div; only void elements have no content.
        endOpenTag(endIndex);
      },
      onclosetag(start, endIndex) {
        tagStart = start - 2;
        tagEnd = endIndex;
        const name = html.slice(start, endIndex).toLowerCase();
        if (!VOID_ELEMENTS.has(name)) emitClose(name);
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  for (const collector of collectors) collector.finish?.();
}
