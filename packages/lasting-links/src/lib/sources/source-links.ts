/**
 * Where a page source links to, with each URL's place in the text: Markdown links, link
 * definitions, `href` attributes of JSX elements, and `link:` values of the front matter. `moves`
 * rewrites links in place from these offsets.
 */
import { isScalar, parseDocument, Scalar, visit } from 'yaml';
import type { SourceLink, TreeNode } from './page-source.ts';
import { lineLocator } from '../html/line-locator.ts';

/** A site link in front matter: from the site's root, never to another host (`//host/`). */
const SITE_LINK = /^\/(?!\/)/;

/**
 * The `link:` values of a front matter block (a landing page's hero actions, a page's prev and
 * next), written in any YAML style: block or flow (`next: { link: /a/ }`), quoted or not. Each
 * is found by the YAML parser, with the offset of its text inside `yaml`; a value whose text is
 * not the URL itself (an escape in double quotes) is left out, as it could not be rewritten in
 * place. A block that does not parse has none: the front matter check reports it at its line.
 */
function frontMatterLinks(yaml: string): Array<{ url: string; offset: number }> {
  const document = parseDocument(yaml, { prettyErrors: false });
  if (document.errors.length > 0) return [];
  const found: Array<{ url: string; offset: number }> = [];
  visit(document, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== 'link' || !isScalar(pair.value)) return;
      const { value, range, type } = pair.value;
      if (typeof value !== 'string' || !SITE_LINK.test(value) || range == null) return;
      const offset =
        range[0] + (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE ? 1 : 0);
      if (yaml.startsWith(value, offset)) found.push({ url: value, offset });
    },
  });
  return found;
}

/**
 * Every link URL written in the page, outside code: Markdown links, link definitions, `href`
 * attributes of JSX elements, and `link:` values of the front matter. The URL's offset is found
 * in the node's own source text.
 */
export function linksOf(mdast: TreeNode, text: string): SourceLink[] {
  const links: SourceLink[] = [];
  // Line starts are found once: a page of many links costs a search per link, not a scan of
  // everything before it.
  const locate = lineLocator(text);
  const add = (url: string, from: number, to: number) => {
    const at = text.lastIndexOf(url, to);
    if (url === '' || at < from) return;
    links.push({ url, offset: at, ...locate(at) });
  };
  const walk = (node: TreeNode) => {
    const position = node.position;
    if (
      (node.type === 'link' || node.type === 'definition') &&
      typeof node.url === 'string' &&
      position !== undefined
    ) {
      add(node.url, position.start.offset, position.end.offset);
    }
    if (
      (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') &&
      position !== undefined
    ) {
      for (const attribute of node.attributes ?? []) {
        if (attribute.name === 'href' && typeof attribute.value === 'string') {
          const tagEnd = text.indexOf('>', position.start.offset);
          add(attribute.value, position.start.offset, tagEnd < 0 ? position.end.offset : tagEnd);
        }
      }
    }
    if (node.type === 'yaml' && position !== undefined) {
      // The block between the fences: after the opening `---` line, before the closing one.
      const start = text.indexOf('\n', position.start.offset) + 1;
      const end = text.lastIndexOf('\n', position.end.offset - 1) + 1;
      for (const link of start > 0 && end > start ? frontMatterLinks(text.slice(start, end)) : []) {
        const at = start + link.offset;
        links.push({ url: link.url, offset: at, ...locate(at) });
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(mdast);
  return links.sort((a, b) => a.offset - b.offset);
}
