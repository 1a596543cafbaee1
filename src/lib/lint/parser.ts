/**
 * The Markdown dialect of the pages, as Astro's MDX integration reads it: MDX (JSX, `{…}`
 * expressions and `{/* comments *\/}`), YAML front matter, and GitHub-flavoured Markdown
 * (tables, autolinked URLs). The lint must parse exactly so, or a table would look like
 * stray `|` characters and a bare URL would not be a link.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import type { Root } from 'mdast';

/** Syntax plugins, for a processor that already parses Markdown (remark's, in editors). */
export const mdxSyntax: PluggableList = [remarkMdx, [remarkFrontmatter, ['yaml']], remarkGfm];

/** Parses one page to mdast. Throws a VFileMessage with line and column on invalid MDX. */
export function parseMdx(contents: string): Root {
  return unified().use(remarkParse).use(mdxSyntax).parse(contents);
}
