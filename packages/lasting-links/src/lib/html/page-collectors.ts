/**
 * What the page scan keeps, as small collectors that each listen to the one parser pass in
 * `scan-page.ts`: ids, headings and their sections, links, the document's own marks, and the
 * offsets the build edits pages at (empty links: empty-links.ts). Each collector is one concern;
 * none parses on its own.
 */
import type { LineColumn } from './line-locator.ts';
import { srcsetUrls, metaRefreshUrl } from './url-attributes.ts';
import { SELF_LINK_CLASSES, LEGACY_ANCHOR_ATTRIBUTE, REDIRECT_STUB_ATTRIBUTE } from './markers.ts';

/**
 * What a collector can ask about the parser's position. There is no element depth: collectors
 * track the few elements they care about by name, which keeps the scan linear in the page's
 * size however deeply its elements nest.
 */
export interface ScanContext {
  /** True inside `<template>` content, which a browser never scrolls to. */
  readonly inTemplate: boolean;
  /** Offset where the current tag starts, and where it ends (its `>`). */
  startIndex(): number;
  endIndex(): number;
  /** Offset of an attribute of the tag being opened, when it is one whose position is kept. */
  attributeStart(name: string): number | undefined;
  locate(offset: number): LineColumn;
}

/** One listener of the parse. */
export interface Collector {
  open?(tag: string, attributes: Record<string, string>, context: ScanContext): void;
  text?(text: string, context: ScanContext): void;
  close?(tag: string, context: ScanContext): void;
  /** After the last tag. */
  finish?(): void;
}

/** Whether a space-separated `class` attribute contains `name`. */
function hasClass(classAttribute: string | undefined, name: string): boolean {
  return classAttribute !== undefined && classAttribute.split(/\s+/).includes(name);
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ─── ids ────────────────────────────────────────────────────────────────────────────────────

/** An id that appears more than once, with where its second (and later) use is. */
export interface DuplicateId extends LineColumn {
  id: string;
}

/** Ids a browser can scroll to, the kept-alive old ids, and where ids repeat. */
export interface IdsResult {
  ids: string[];
  legacyIds: string[];
  duplicateIds: DuplicateId[];
  /** Offset of the first element carrying each id (only when offsets are asked for). */
  idOffsets: Map<string, number> | undefined;
}

/**
 * Every `id`, plus `<a name>` (browsers scroll to those too), in document order; not those in
 * `<template>` content, and not the empty elements that keep old ids alive (they are the
 * redirect engine's output, not the page's content).
 */
export function idsCollector(withOffsets: boolean): Collector & { result: IdsResult } {
  const seen = new Set<string>();
  const result: IdsResult = {
    ids: [],
    legacyIds: [],
    duplicateIds: [],
    idOffsets: withOffsets ? new Map() : undefined,
  };
  const add = (id: string, context: ScanContext) => {
    if (seen.has(id)) {
      result.duplicateIds.push({ id, ...context.locate(context.startIndex()) });
      return;
    }
    seen.add(id);
    result.ids.push(id);
    result.idOffsets?.set(id, context.startIndex());
  };
  return {
    result,
    open(tag, attributes, context) {
      if (context.inTemplate) return;
      const id = attributes['id'];
      if (id !== undefined && id !== '') {
        if (attributes[LEGACY_ANCHOR_ATTRIBUTE] !== undefined) result.legacyIds.push(id);
        else add(id, context);
      }
      const name = attributes['name'];
      if (tag === 'a' && name !== undefined && name !== '' && name !== id) add(name, context);
    },
  };
}

// ─── headings and sections ─────────────────────────────────────────────────────────────────

/** One heading of a built page, as found in the final HTML. */
export interface HeadingInfo {
  id: string;
  /** 1 to 6. */
  level: number;
  /** The heading's visible text, whitespace collapsed, without the "link to this section" label. */
  text: string;
  /**
   * The text of the section the heading opens (up to the next heading, or the end of the
   * `<article>`/`<main>` that holds it; scripts and styles left out), when it was asked for.
   */
  section?: string;
}

/** Headings with ids, and the ids their self-links point at (the anchors a page publishes). */
export interface HeadingsResult {
  headings: HeadingInfo[];
  selfLinkedIds: string[];
}

const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Elements whose text is not prose. */
const NO_TEXT_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

/** Enough of a section to recognise what it says; suggestions and fingerprints need no more. */
const SECTION_TEXT_LIMIT = 8000;

/**
 * h1–h6 that carry an id, with their text content, leaving out any self-link
 * (`a.heading-anchor`, Starlight's `a.sl-anchor-link`); with `sectionText`, the prose that follows each one.
 */
export function headingsCollector(sectionText: boolean): Collector & { result: HeadingsResult } {
  const result: HeadingsResult = { headings: [], selfLinkedIds: [] };
  let heading: { id: string; level: number; tag: string; text: string } | null = null;
  let inSelfLink = false;
  // How many elements whose text is not prose, and how many article/main, are open.
  let noText = 0;
  let containers = 0;
  let section: { info: HeadingInfo; text: string } | null = null;
  const endSection = () => {
    if (section !== null) section.info.section = collapseWhitespace(section.text);
    section = null;
  };
  return {
    result,
    open(tag, attributes, context) {
      if (context.inTemplate) return;
      const id = attributes['id'];
      if (tag === 'a' && SELF_LINK_CLASSES.some((name) => hasClass(attributes['class'], name))) {
        const href = attributes['href'];
        if (href?.startsWith('#')) result.selfLinkedIds.push(decodeFragment(href.slice(1)));
        // The self-link's label ("Link to this section: …") is neither title nor prose.
        inSelfLink = true;
      }
      if (sectionText) {
        if (tag === 'article' || tag === 'main') containers += 1;
        if (NO_TEXT_ELEMENTS.has(tag)) noText += 1;
      }
      const level = HEADING_LEVEL[tag];
      if (level !== undefined) {
        endSection();
        if (heading === null && id !== undefined && id !== '')
          heading = { id, level, tag, text: '' };
      }
    },
    text(text) {
      if (inSelfLink) return;
      if (heading !== null) {
        heading.text += text;
      } else if (section !== null && noText === 0 && section.text.length < SECTION_TEXT_LIMIT) {
        section.text += text;
      }
    },
    close(tag) {
      if (tag === 'a') inSelfLink = false;
      if (sectionText && NO_TEXT_ELEMENTS.has(tag) && noText > 0) noText -= 1;
      if ((tag === 'article' || tag === 'main') && containers > 0) {
        endSection();
        containers -= 1;
      }
      if (heading !== null && heading.tag === tag) {
        const info: HeadingInfo = {
          id: heading.id,
          level: heading.level,
          text: collapseWhitespace(heading.text),
        };
        result.headings.push(info);
        if (sectionText && containers > 0) section = { info, text: '' };
        heading = null;
      }
    },
    finish: endSection,
  };
}

/** A fragment as a browser compares it with ids: percent-decoded when that is valid UTF-8. */
export function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

// ─── links ──────────────────────────────────────────────────────────────────────────────────

/** A URL written in the page, with where it was written (1-based line and column of the attribute). */
export interface LinkRef {
  url: string;
  tag: string;
  attribute: string;
  line: number;
  column: number;
}

/** Every URL the page refers to, the meta refresh target, and the `<base href>` if any. */
export interface LinksResult {
  links: LinkRef[];
  refresh: string | null;
  baseHref: string | null;
  /** The `<link rel="canonical">` URL, if any. */
  canonical: string | null;
}

/** Attributes holding one URL, by element. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
};

/** Every attribute whose position a link may be reported at. */
export const POSITIONED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'srcset',
  'poster',
  'content',
]);

/**
 * `<link rel>` values that name a host or a speculative fetch rather than a resource the page
 * depends on; their `href` is not a link anyone follows.
 */
const NON_RESOURCE_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

function isCanonical(rel: string | undefined): boolean {
  return rel?.toLowerCase().split(/\s+/).includes('canonical') ?? false;
}

function isNonResourceLink(rel: string | undefined): boolean {
  if (rel === undefined) return false;
  const rels = rel.toLowerCase().split(/\s+/).filter(Boolean);
  return rels.length > 0 && rels.every((value) => NON_RESOURCE_LINK_RELS.has(value));
}

/**
 * `a/area/link[href]`, `img/script/source/iframe/video/audio/track/embed[src]`, every `srcset`
 * candidate, `video[poster]`, and the URL of `<meta http-equiv="refresh">`, positioned at the
 * attribute.
 */
export function linksCollector(): Collector & { result: LinksResult } {
  const result: LinksResult = { links: [], refresh: null, baseHref: null, canonical: null };
  return {
    result,
    open(tag, attributes, context) {
      const at = (attribute: string) =>
        context.locate(context.attributeStart(attribute) ?? context.startIndex());
      const names = URL_ATTRIBUTES[tag];
      if (names !== undefined) {
        if (tag === 'link' && isNonResourceLink(attributes['rel'])) return;
        if (tag === 'link' && attributes['href'] !== undefined && isCanonical(attributes['rel']))
          result.canonical ??= attributes['href'].trim();
        for (const attribute of names) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const { line, column } = at(attribute);
          const urls = attribute === 'srcset' ? srcsetUrls(value) : [value.trim()];
          for (const url of urls) result.links.push({ url, tag, attribute, line, column });
        }
      } else if (
        tag === 'meta' &&
        attributes['http-equiv']?.toLowerCase() === 'refresh' &&
        attributes['content'] !== undefined
      ) {
        const url = metaRefreshUrl(attributes['content']);
        if (url !== null) {
          result.refresh ??= url;
          result.links.push({ url, tag, attribute: 'content', ...at('content') });
        }
      } else if (tag === 'base' && result.baseHref === null && attributes['href'] !== undefined) {
        result.baseHref = attributes['href'].trim();
      }
    },
  };
}

// ─── the document's own marks and edit points ──────────────────────────────────────────────

/** Where the page's content is, whether it is a redirect stub, and where a head script goes. */
export interface DocumentResult {
  isStub: boolean;
  /** The `<article>`, else the `<main>`, of the page: links inside it were written by an author. */
  contentRange: { start: LineColumn; end: LineColumn } | undefined;
  /** Offset just after `<meta charset>` (else after `<head>`, else before the first element). */
  headInsertAt: number;
}

/** The page-level facts: stub mark, content range and the offset where a head script belongs. */
export function documentCollector(): Collector & { result: DocumentResult } {
  const result: DocumentResult = { isStub: false, contentRange: undefined, headInsertAt: 0 };
  // The first <article> and <main>: where each opened, and how many of that name are open.
  const open: Record<string, { start: LineColumn; nested: number } | undefined> = {};
  const found: Record<string, DocumentResult['contentRange']> = {};
  let firstTag = -1;
  let headEnd = -1;
  let charsetEnd = -1;
  let inHead = false;
  return {
    result,
    open(tag, attributes, context) {
      if (firstTag < 0 && tag !== 'html') firstTag = context.startIndex();
      if (tag === 'html' && attributes[REDIRECT_STUB_ATTRIBUTE] !== undefined) result.isStub = true;
      if (tag === 'head' && headEnd < 0) {
        headEnd = context.endIndex() + 1;
        inHead = true;
      } else if (
        inHead &&
        tag === 'meta' &&
        attributes['charset'] !== undefined &&
        charsetEnd < 0
      ) {
        charsetEnd = context.endIndex() + 1;
      }
      if (tag === 'article' || tag === 'main') {
        const current = open[tag];
        if (current !== undefined) current.nested += 1;
        else if (found[tag] === undefined)
          open[tag] = { start: context.locate(context.startIndex()), nested: 0 };
      }
    },
    close(tag, context) {
      if (tag === 'head') inHead = false;
      const current = open[tag];
      if (current === undefined) return;
      if (current.nested > 0) {
        current.nested -= 1;
        return;
      }
      found[tag] = { start: current.start, end: context.locate(context.startIndex()) };
      open[tag] = undefined;
    },
    finish() {
      result.contentRange = found['article'] ?? found['main'];
      result.headInsertAt =
        charsetEnd >= 0 ? charsetEnd : headEnd >= 0 ? headEnd : Math.max(firstTag, 0);
    },
  };
}
