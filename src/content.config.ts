import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsFrontmatter } from './schemas/docs-frontmatter.ts';

/**
 * Pages live in the top-level `content/docs/` (reviewed like code, outside `src/`).
 * A bad front matter field fails the build; Astro names the file, and the schema's messages
 * name the field and say how to fix it.
 */
const docs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/docs' }),
  schema: docsFrontmatter,
});

export const collections = { docs };
