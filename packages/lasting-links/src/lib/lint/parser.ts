/**
 * The Markdown dialect of the pages, as Astro's MDX integration reads it: MDX (JSX, `{…}`
 * expressions and `{/* comments *\/}`), YAML front matter, and GitHub-flavoured Markdown
 * (tables, autolinked URLs). The lint must parse exactly so, or a table would look like
 * stray `|` characters and a bare URL would not be a link.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import type { PluggableList } from 'unified';

/** Syntax plugins, for a processor that already parses Markdown (remark's, in editors). */
export const mdxSyntax: PluggableList = [remarkMdx, [remarkFrontmatter, ['yaml']], remarkGfm];
