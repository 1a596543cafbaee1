/**
 * A page as its MDX source says it: title, headings with the ids the build will give them, the
 * prose of each section, and every link with where it is written. Parsed with Sätteri, the same
 * parser and features the build renders with, and slugged with github-slugger exactly as Astro's
 * heading-id plugin does, so ids read here are the ids the built page has. `moves` compares
 * sources before and after an edit with this; the build's render-time cross-references and the
 * docs lint read headings from it.
 */
import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { parse as parseYaml } from 'yaml';
import type { SitePath } from '../site-path.ts';
import { usableHeadingId } from './heading-id.ts';
import { linksOf } from './source-links.ts';

/** Sätteri's Markdown features (`gfm`, `headingAttributes`, `directive`, …). */
export type MarkdownFeatures = NonNullable<Parameters<typeof mdxToMdast>[1]>['features'] & object;

/**
 * The features a site renders with when it says nothing else: Astro's defaults (GFM, smart
 * punctuation) with `{#id}` heading attributes. Sources are read with the site's own, settled
 * from its Markdown processor (see `integration/markdown.ts`).
 */
const MARKDOWN_FEATURES: MarkdownFeatures = {
  gfm: true,
  smartPunctuation: true,
  headingAttributes: true,
  frontmatter: true,
};

/**
 * A component that renders a heading of its own (a reference page's block per setting): which
 * attribute holds the heading's text, at what level, and how its id is made from that text:
 * `slug` as Astro makes heading ids, or `key` (lower case, `.` and spaces to `-`:
 * `ClusterSettings.Enable` → `clustersettings-enable`). `text` names the attributes whose values
 * the block shows, part of its section's text. Plain data, so every command reads it too.
 */
interface ComponentSection {
  heading: string;
  level: number;
  id: 'slug' | 'key';
  text?: readonly string[];
}

/** How a site writes its pages: its Markdown features, and the components that open sections. */
export interface SourceSyntax {
  features: MarkdownFeatures;
  componentSections: Readonly<Record<string, ComponentSection>>;
}

/** Pages written with Astro's defaults and `{#id}` attributes, and no section components. */
export const DEFAULT_SYNTAX: SourceSyntax = { features: MARKDOWN_FEATURES, componentSections: {} };

/** The id a `key` component section gets from its heading's text. */
function keyId(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.\s]+/g, '-');
}

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
export interface SourceLink {
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

/** An mdast node as Sätteri materialises it; only the fields read here. */
export interface TreeNode {
  type: string;
  depth?: number;
  name?: string | null;
  value?: unknown;
  url?: string;
  data?: { hProperties?: Record<string, unknown> };
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: TreeNode[];
  position?: { start: { offset: number; line: number; column: number }; end: { offset: number } };
}

/** A page parsed once: its outline, and the tree the checks and the docs lint read. */
export interface ParsedSource {
  page: PageSource;
  /** The page's mdast, with positions. */
  tree: TreeNode;
}

/**
 * Parses one page's source once, with Sätteri and the site's features, into its outline and its
 * tree. Throws with the file and line when the page does not parse.
 */
export function parseSource(
  file: string,
  path: SitePath,
  text: string,
  syntax: SourceSyntax = DEFAULT_SYNTAX,
): ParsedSource {
  // Front matter is always there to read, whatever the renderer is told.
  const options = { features: { ...syntax.features, frontmatter: true } };
  const isMdx = !file.endsWith('.md');
  let tree: TreeNode;
  try {
    tree = (isMdx ? mdxToMdast(text, options) : markdownToMdast(text, options)) as TreeNode;
  } catch (error) {
    throw new Error(
      `${file}: the ${isMdx ? 'MDX' : 'Markdown'} cannot be parsed: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return { page: outlineOf(file, path, text, tree, syntax), tree };
}

/** A page's outline from its source: see `parseSource`. */
export function parsePageSource(
  file: string,
  path: SitePath,
  text: string,
  syntax: SourceSyntax = DEFAULT_SYNTAX,
): PageSource {
  return parseSource(file, path, text, syntax).page;
}

/** Nodes whose content is code or data, not prose. */
const NOT_PROSE = new Set(['yaml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

/** Nodes after which words must not run together, as they do not in the rendered page. */
const BLOCKS = new Set([
  'paragraph',
  'listItem',
  'tableCell',
  'tableRow',
  'code',
  'blockquote',
  'heading',
]);

/**
 * The outline of a parsed page: headings with the ids the build gives them (a `{#id}` written
 * after the heading, else the heading's text slugged as Astro does), the prose of each section,
 * and every link. Read from the mdast alone: its text is the text the page renders (smart
 * punctuation applied), code included, image descriptions and expressions left out.
 */
function outlineOf(
  file: string,
  path: SitePath,
  text: string,
  tree: TreeNode,
  syntax: SourceSyntax,
): PageSource {
  const slugger = new GithubSlugger();
  const sections: SourceSection[] = [];
  const ids: string[] = [];
  let intro = '';
  let current: SourceSection | null = null;
  const addText = (value: string) => {
    if (current === null) intro += value;
    else current.text += value;
  };
  const walk = (node: TreeNode) => {
    if (node.type === 'heading' && node.depth !== undefined) {
      const heading = collapse(textOf(node));
      const written = node.data?.hProperties?.['id'];
      const id =
        typeof written === 'string' ? written : usableHeadingId(slugger.slug(heading), heading);
      const last = node.children?.at(-1);
      current = {
        id,
        level: node.depth,
        heading,
        text: '',
        line: node.position?.start.line ?? 1,
        explicitId: typeof written === 'string',
        idInsertAt: last?.position?.end.offset ?? node.position?.end.offset ?? -1,
      };
      sections.push(current);
      ids.push(id);
      return;
    }
    // A component that renders a heading of its own opens a section like a heading does.
    const section = componentSectionOf(node, syntax.componentSections);
    if (section !== undefined) {
      const id = section.id === 'key' ? keyId(section.heading) : slugger.slug(section.heading);
      current = {
        id,
        level: section.level,
        heading: section.heading,
        text: '',
        line: node.position?.start.line ?? 1,
        // Made from the component's attribute, not from words that a `{#id}` could replace.
        explicitId: true,
        idInsertAt: -1,
      };
      sections.push(current);
      ids.push(id);
      if (section.text !== '') addText(` ${section.text} `);
      for (const child of node.children ?? []) walk(child);
      return;
    }
    const idAttribute = idOf(node);
    if (idAttribute !== undefined) ids.push(idAttribute);
    if (NOT_PROSE.has(node.type)) return;
    if (
      (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') &&
      typeof node.value === 'string'
    )
      addText(node.value);
    for (const child of node.children ?? []) walk(child);
    if (BLOCKS.has(node.type)) addText(' ');
  };
  walk(tree);
  for (const section of sections) section.text = collapse(section.text);
  return {
    file,
    path,
    title: frontMatterTitle(tree),
    intro: collapse(intro),
    sections,
    ids,
    links: linksOf(tree, text),
    text,
  };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A heading's text as the page shows it: its words and code, without image descriptions. */
function textOf(node: TreeNode): string {
  if ((node.type === 'text' || node.type === 'inlineCode') && typeof node.value === 'string')
    return node.value;
  if (NOT_PROSE.has(node.type)) return '';
  return (node.children ?? []).map(textOf).join('');
}

/** The section a component element opens, when the site says it renders a heading and it has one. */
function componentSectionOf(
  node: TreeNode,
  components: Readonly<Record<string, ComponentSection>>,
): { heading: string; level: number; id: 'slug' | 'key'; text: string } | undefined {
  if (node.type !== 'mdxJsxFlowElement' || typeof node.name !== 'string') return undefined;
  const spec = components[node.name];
  if (spec === undefined) return undefined;
  const attribute = (name: string) => {
    const value = node.attributes?.find(
      (item) => item.type === 'mdxJsxAttribute' && item.name === name,
    )?.value;
    return typeof value === 'string' ? value.trim() : undefined;
  };
  const heading = attribute(spec.heading);
  if (heading === undefined || heading === '') return undefined;
  const text = (spec.text ?? []).map(attribute).filter(Boolean).join(' ');
  return { heading, level: spec.level, id: spec.id, text };
}

function idOf(node: TreeNode): string | undefined {
  const attribute = node.attributes?.find(
    (item) => item.type === 'mdxJsxAttribute' && item.name === 'id',
  );
  return typeof attribute?.value === 'string' && attribute.value !== ''
    ? attribute.value
    : undefined;
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
