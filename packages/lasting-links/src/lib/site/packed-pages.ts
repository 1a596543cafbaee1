/**
 * Scanned pages in a form that crosses threads cheaply: every id and link string once in a
 * table, every number in typed arrays. Copying hundreds of thousands of small link objects
 * between threads cost more than parsing them; the few other fields travel as they are.
 */
import type { LinkRef } from '../html/scan-page.ts';
import type { BuiltPage } from './built-site.ts';

/** The fields of a page other than its ids and links. */
type PageRest = Omit<BuiltPage, 'ids' | 'links'>;

/** Pages packed for `postMessage`; see the module comment. */
export interface PackedPages {
  strings: string[];
  rest: PageRest[];
  /** Per page: id count, then that many string indexes. */
  ids: Int32Array;
  /** Per page: link count, then per link url, tag, attribute, line, column. */
  links: Int32Array;
}

/** Packs scanned pages; see PackedPages. */
export function packPages(pages: readonly BuiltPage[]): PackedPages {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (text: string) => {
    let at = index.get(text);
    if (at === undefined) index.set(text, (at = strings.push(text) - 1));
    return at;
  };
  const idCount = pages.reduce((sum, page) => sum + page.ids.size + 1, 0);
  const linkCount = pages.reduce((sum, page) => sum + page.links.length * 5 + 1, 0);
  const ids = new Int32Array(idCount);
  const links = new Int32Array(linkCount);
  let idAt = 0;
  let linkAt = 0;
  const rest: PageRest[] = [];
  for (const { ids: pageIds, links: pageLinks, ...others } of pages) {
    rest.push(others);
    ids[idAt++] = pageIds.size;
    for (const id of pageIds) ids[idAt++] = intern(id);
    links[linkAt++] = pageLinks.length;
    for (const link of pageLinks) {
      links[linkAt++] = intern(link.url);
      links[linkAt++] = intern(link.tag);
      links[linkAt++] = intern(link.attribute);
      links[linkAt++] = link.line;
      links[linkAt++] = link.column;
    }
  }
  return { strings, rest, ids, links };
}

/** The inverse of packPages. */
export function unpackPages(packed: PackedPages): BuiltPage[] {
  const { strings, rest, ids, links } = packed;
  let idAt = 0;
  let linkAt = 0;
  return rest.map((others) => {
    const pageIds = new Set<string>();
    for (let n = ids[idAt++]!; n > 0; n -= 1) pageIds.add(strings[ids[idAt++]!]!);
    const count = links[linkAt++]!;
    const pageLinks = new Array<LinkRef>(count);
    for (let l = 0; l < count; l += 1) {
      pageLinks[l] = {
        url: strings[links[linkAt]!]!,
        tag: strings[links[linkAt + 1]!]!,
        attribute: strings[links[linkAt + 2]!]!,
        line: links[linkAt + 3]!,
        column: links[linkAt + 4]!,
      };
      linkAt += 5;
    }
    return { ...others, ids: pageIds, links: pageLinks };
  });
}
