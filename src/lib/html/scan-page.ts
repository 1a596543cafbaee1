/**
 * One streaming pass over one built HTML page: the ids a browser can scroll to, the headings
 * with their visible titles, and every URL the page refers to, each with its position in the
 * HTML so a link checker can point back at it.
 *
 * htmlparser2's tokenizer does the HTML work (entities, unquoted attributes, implied end
 * tags, raw-text elements such as `<script>`); this file only decides what is worth keeping.
 */
import { Parser } from 'htmlparser2';
import type { HeadingInfo } from '../types.ts';
import { lineLocator } from './line-locator.ts';

/** A URL written in the page, with where it was written (1-based line and column of the attribute). */
export interface LinkRef {
  url: string;
  tag: string;
  attribute: string;
  line: number;
  column: number;
}

/** What one page exposes (ids, headings) and what it points at (links). */
export interface PageScan {
  ids: string[];
  headings: HeadingInfo[];
  links: LinkRef[];
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

/**
 * `<link rel>` values that name a host or a speculative fetch rather than a resource the page
 * depends on; their `href` is not a link anyone follows.
 */
const NON_RESOURCE_LINK_RELS = new Set(['preconnect', 'dns-prefetch']);

/** Every attribute whose position a link may be reported at. */
const POSITIONED_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'poster', 'content']);

const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** What else to collect. */
export interface ScanOptions {
  /**
   * Give each heading the text of its section (up to the next heading, or the end of the
   * `<article>`/`<main>` that holds it; scripts and styles left out). Off by default: the link
   * checker does not need it, and the build's anchor suggestions do.
   */
  sectionText?: boolean;
}

/** Enough of a section to recognise its topic; suggestions need no more. */
const SECTION_TEXT_LIMIT = 4000;

const NO_TEXT_ELEMENTS = new Set(['script', 'style', 'template', 'noscript']);

/**
 * One streaming pass over one HTML document (htmlparser2 Parser).
 *
 * - `ids`: every `id` attribute, plus `<a name>` (browsers scroll to those too), in document order.
 * - `headings`: h1–h6 that carry an id, with their text content whitespace-collapsed, leaving out
 *   any descendant `a.heading-anchor` (the "link to this section" self-link).
 * - `links`: `a/area/link[href]`, `img/script/source/iframe/video/audio/track/embed[src]`,
 *   every `srcset` candidate, `video[poster]`, and the URL of `<meta http-equiv="refresh">`.
 *   Positions are those of the attribute in `html`.
 */
export function scanPage(html: string, options: ScanOptions = {}): PageScan {
  const ids: string[] = [];
  const headings: HeadingInfo[] = [];
  const links: LinkRef[] = [];
  const locate = lineLocator(html);

  // Positions of the URL-bearing attributes of the tag being opened (`onattribute` fires
  // before `onopentag`); only those are kept, as this runs for every attribute of the site.
  const attributeStarts = new Map<string, number>();
  // Depth of open elements, to know when a heading or a heading anchor closes.
  let depth = 0;
  let heading: { id: string; level: number; depth: number; text: string } | null = null;
  let skipTextUntilDepth = -1;
  // The heading whose section text is being collected; the depths of open <article>/<main>.
  let section: { info: HeadingInfo } | null = null;
  let noTextDepth = -1;
  const containers: number[] = [];

  const parser: Parser = new Parser(
    {
      onattribute(name) {
        if (POSITIONED_ATTRIBUTES.has(name) && !attributeStarts.has(name)) attributeStarts.set(name, parser.startIndex);
      },
      onopentag(tag, attribs) {
        depth += 1;
        const at = (attribute: string) => locate(attributeStarts.get(attribute) ?? parser.startIndex);

        const id = attribs.id;
        if (id !== undefined && id !== '') ids.push(id);
        if (tag === 'a' && attribs.name !== undefined && attribs.name !== '' && attribs.name !== id) {
          ids.push(attribs.name);
        }

        if (options.sectionText) {
          if (tag === 'article' || tag === 'main') containers.push(depth);
          if (noTextDepth < 0 && NO_TEXT_ELEMENTS.has(tag)) noTextDepth = depth;
          if (HEADING_LEVEL[tag] !== undefined) section = null;
        }

        const level = HEADING_LEVEL[tag];
        if (level !== undefined && heading === null && id !== undefined && id !== '') {
          heading = { id, level, depth, text: '' };
        } else if (heading !== null && skipTextUntilDepth < 0 && tag === 'a' && hasClass(attribs.class, 'heading-anchor')) {
          skipTextUntilDepth = depth;
        }

        const attributes = URL_ATTRIBUTES[tag];
        if (attributes !== undefined) {
          if (tag === 'link' && isNonResourceLink(attribs.rel)) return attributeStarts.clear();
          for (const attribute of attributes) {
            const value = attribs[attribute];
            if (value === undefined) continue;
            const { line, column } = at(attribute);
            const urls = attribute === 'srcset' ? srcsetUrls(value) : [value.trim()];
            for (const url of urls) links.push({ url, tag, attribute, line, column });
          }
        } else if (tag === 'meta' && attribs['http-equiv']?.toLowerCase() === 'refresh' && attribs.content !== undefined) {
          const url = metaRefreshUrl(attribs.content);
          if (url !== null) links.push({ url, tag, attribute: 'content', ...at('content') });
        }
        if (attributeStarts.size > 0) attributeStarts.clear();
      },
      ontext(text) {
        if (heading !== null && skipTextUntilDepth < 0) heading.text += text;
        else if (section !== null && noTextDepth < 0 && (section.info.section?.length ?? 0) < SECTION_TEXT_LIMIT) section.info.section += text;
      },
      onclosetag() {
        if (skipTextUntilDepth === depth) skipTextUntilDepth = -1;
        if (noTextDepth === depth) noTextDepth = -1;
        if (section !== null && containers.at(-1) === depth) {
          section.info.section = collapseWhitespace(section.info.section ?? '');
          section = null;
        }
        if (containers.at(-1) === depth) containers.pop();
        if (heading !== null && heading.depth === depth) {
          const info: HeadingInfo = { id: heading.id, level: heading.level, text: collapseWhitespace(heading.text) };
          headings.push(info);
          if (options.sectionText && containers.length > 0) {
            info.section = '';
            section = { info };
          }
          heading = null;
        }
        depth -= 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  for (const info of headings) if (info.section !== undefined) info.section = collapseWhitespace(info.section);
  return { ids, headings, links };
}

/** Whether a space-separated `class` attribute contains `name`. */
function hasClass(classAttribute: string | undefined, name: string): boolean {
  return classAttribute !== undefined && classAttribute.split(/\s+/).includes(name);
}

function isNonResourceLink(rel: string | undefined): boolean {
  if (rel === undefined) return false;
  const rels = rel.toLowerCase().split(/\s+/).filter(Boolean);
  return rels.length > 0 && rels.every((value) => NON_RESOURCE_LINK_RELS.has(value));
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The URLs of a `srcset` value. Follows the HTML candidate-string rules closely enough for
 * real pages: a URL runs to the next whitespace, a trailing comma ends the candidate, and
 * descriptors (`2x`, `640w`) are skipped up to the next comma.
 */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] as string)) i += 1;
    if (i >= srcset.length) break;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i] as string)) i += 1;
    let url = srcset.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let parentheses = 0;
      while (i < srcset.length) {
        const char = srcset[i];
        if (char === '(') parentheses += 1;
        else if (char === ')') parentheses = Math.max(0, parentheses - 1);
        else if (char === ',' && parentheses === 0) break;
        i += 1;
      }
    }
    if (url !== '') urls.push(url);
  }
  return urls;
}

/** The URL of a meta refresh `content` (`0; url=/x/`, `0;URL='/x/'`, `5, /x/`), or null if none. */
export function metaRefreshUrl(content: string): string | null {
  const match = /^\s*[\d.]+\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(content);
  let url = match?.[1]?.trim() ?? '';
  const quote = url[0];
  if (quote === '"' || quote === "'") {
    const end = url.indexOf(quote, 1);
    url = end < 0 ? url.slice(1) : url.slice(1, end);
  }
  return url === '' ? null : url;
}
