/**
 * A page as its MDX source says it: title, headings with the ids the build will give them, the
 * prose of each section, and every link with where it is written. Parsed with Sätteri, the same
 * parser and features the build renders with, and slugged with github-slugger exactly as Astro's
 * heading-id plugin does, so ids read here are the ids the built page has. `moves` compares
 * sources before and after an edit with this; the build's render-time cross-references and the
 * docs lint read headings from it.
 */
import GithubSlugger from 'github-slugger';
import { markdownToHast, markdownToMdast, mdxToHast, mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import type { SitePath } from '../site-path.ts';
import { usableHeadingId } from './heading-id.ts';

/** Sätteri's Markdown features (`gfm`, `headingAttributes`, `directive`, …). */
export type MarkdownFeatures = NonNullable<Parameters<typeof mdxToMdast>[1]>['features'] & object;

/**
 * The features a site renders with when it says nothing else: Astro's defaults (GFM, smart
 * punctuation) with `{#id}` heading attributes. Sources are read with the site's own, settled
 * from its Markdown processor (see `integration/markdown.ts`).
 */
export const MARKDOWN_FEATURES: MarkdownFeatures = {
  gfm: true,
  smartPunctuation: true,
  headingAttributes: true,
  frontmatter: true,
};

/** One heading of a page and the section it opens. */
interface SourceSection {
  id: string;
  /** 1 to 6; the page title (front matter) is not a section. */
  level: number;
  heading: string;
  /** The section's own prose, up to the next heading of any level, whitespace collapsed. */
  text: string;
  /** 1-based line of the heading in the source. */
  line: number;
  /** The id was written in the source (`## Heading {#id}`), not derived from the words. */
  explicitId: boolean;
  /** Offset just after the heading's text on its line, where `{#id}` would go. */
  idInsertAt: number;
}

/** A URL written in the source, with where it is written. */
interface SourceLink {
  url: string;
  /** Offset of the URL's first character in the source. */
  offset: number;
  line: number;
  column: number;
}

/** Everything `parsePageSource` reads from one page. */
export interface PageSource {
  /** Relative to the project root, `/`-separated. */
  file: string;
  path: SitePath;
  title: string;
  /** Prose before the first heading. */
  intro: string;
  sections: SourceSection[];
  /** Every id the page's content carries: headings, and `id` attributes written in JSX or HTML. */
  ids: string[];
  links: SourceLink[];
  /** The source text, for edits. */
  text: string;
}

/** A hast or mdast node as Sätteri materialises it; only the fields read here. */
interface TreeNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: TreeNode[];
  position?: { start: { offset: number; line: number; column: number }; end: { offset: number } };
}

const HEADING_LEVEL: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Parses one page's MDX source. Throws with the file and line when the MDX does not parse. */
export function parsePageSource(
  file: string,
  path: SitePath,
  text: string,
  features: MarkdownFeatures = MARKDOWN_FEATURES,
): PageSource {
  let hast: TreeNode;
  let mdast: TreeNode;
  // Front matter is always there to read, whatever the renderer is told.
  const options = { features: { ...features, frontmatter: true } };
  const isMdx = !file.endsWith('.md');
  try {
    hast = (isMdx
      ? mdxToHast(text, options)
      : markdownToHast(text, options)) as unknown as TreeNode;
    mdast = (isMdx
      ? mdxToMdast(text, options)
      : markdownToMdast(text, options)) as unknown as TreeNode;
  } catch (error) {
    throw new Error(
      `${file}: the ${isMdx ? 'MDX' : 'Markdown'} cannot be parsed: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const headingLines = headingPositions(mdast);
  const slugger = new GithubSlugger();
  const sections: SourceSection[] = [];
  const ids: string[] = [];
  let intro = '';
  let current: SourceSection | null = null;
  let headingIndex = 0;
  const addText = (value: string) => {
    if (current === null) intro += value;
    else current.text += value;
  };
  const walk = (node: TreeNode, inHeading: boolean) => {
    const level =
      node.type === 'element' && node.tagName !== undefined
        ? HEADING_LEVEL[node.tagName]
        : undefined;
    if (level !== undefined && !inHeading) {
      const heading = collapse(textOf(node));
      const written = node.properties?.['id'];
      const id =
        typeof written === 'string' ? written : usableHeadingId(slugger.slug(heading), heading);
      const at = headingLines[headingIndex++];
      current = {
        id,
        level,
        heading,
        text: '',
        line: at?.line ?? node.position?.start.line ?? 1,
        explicitId: typeof written === 'string',
        idInsertAt: at?.idInsertAt ?? -1,
      };
      sections.push(current);
      ids.push(id);
      return;
    }
    const idAttribute = idOf(node);
    if (idAttribute !== undefined) ids.push(idAttribute);
    if (node.type === 'text' && typeof node.value === 'string') addText(node.value);
    // Expressions and imports are code, not prose.
    if (
      node.type === 'mdxTextExpression' ||
      node.type === 'mdxFlowExpression' ||
      node.type === 'mdxjsEsm'
    )
      return;
    for (const child of node.children ?? []) walk(child, inHeading);
    if (node.type === 'element' && BLOCK_ELEMENTS.has(node.tagName ?? '')) addText(' ');
  };
  walk(hast, false);
  for (const section of sections) section.text = collapse(section.text);
  return {
    file,
    path,
    title: frontMatterTitle(mdast),
    intro: collapse(intro),
    sections,
    ids,
    links: linksOf(mdast, text),
    text,
  };
}

/** Elements after which words must not run together. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'li',
  'td',
  'th',
  'pre',
  'blockquote',
  'tr',
  'dd',
  'dt',
  'div',
]);

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function textOf(node: TreeNode): string {
  if (node.type === 'text' && typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function idOf(node: TreeNode): string | undefined {
  const fromElement = node.properties?.['id'];
  if (typeof fromElement === 'string' && fromElement !== '') return fromElement;
  const attribute = node.attributes?.find(
    (item) => item.type === 'mdxJsxAttribute' && item.name === 'id',
  );
  return typeof attribute?.value === 'string' && attribute.value !== ''
    ? attribute.value
    : undefined;
}

/** Each heading's line and the offset at the end of its text (before any `{#id}`), in order. */
function headingPositions(mdast: TreeNode): Array<{ line: number; idInsertAt: number }> {
  const found: Array<{ line: number; idInsertAt: number }> = [];
  const walk = (node: TreeNode) => {
    if (node.type === 'heading' && node.position !== undefined) {
      const last = node.children?.at(-1);
      found.push({
        line: node.position.start.line,
        idInsertAt: last?.position?.end.offset ?? node.position.end.offset,
      });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(mdast);
  return found;
}

function frontMatterTitle(mdast: TreeNode): string {
  const yaml = mdast.children?.find((node) => node.type === 'yaml');
  if (typeof yaml?.value !== 'string') return '';
  try {
    const data = parseYaml(yaml.value) as { title?: unknown } | null;
    return typeof data?.title === 'string' ? data.title : '';
  } catch {
    return '';
  }
}

/**
 * Every link URL written in the page, outside code: Markdown links, link definitions, and
 * `href` attributes of JSX elements. The URL's offset is found in the node's own source text.
 */
function linksOf(mdast: TreeNode, text: string): SourceLink[] {
  const links: SourceLink[] = [];
  // Where each line starts, found once: a page of many links costs a search per link, not a
  // scan of everything before it.
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
    lineStarts.push(at + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const add = (url: string, from: number, to: number) => {
    const at = text.lastIndexOf(url, to);
    if (url === '' || at < from) return;
    const line = lineOf(at);
    links.push({ url, offset: at, line: line + 1, column: at - lineStarts[line]! + 1 });
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
    for (const child of node.children ?? []) walk(child);
  };
  walk(mdast);
  return links.sort((a, b) => a.offset - b.offset);
}
