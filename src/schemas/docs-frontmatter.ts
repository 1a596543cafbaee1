import { z } from 'astro/zod';

/**
 * Front matter of a docs page. Messages say what to write, because the reader of a failed
 * build is an author, not the schema's developer.
 */
export const docsFrontmatter = z.strictObject({
  title: z
    .string({
      error:
        'add `title: Page title` (sentence case; it is the page heading and the browser tab title)',
    })
    .trim()
    .min(1, 'title is empty: write the page heading'),
  description: z
    .string({
      error: 'add `description: One sentence` (shown in search results and link previews)',
    })
    .trim()
    .min(1, 'description is empty: write one sentence about the page'),
  sidebar: z
    .strictObject({
      label: z
        .string()
        .trim()
        .min(1, 'sidebar.label is empty: remove it to use the title, or write a short label')
        .optional(),
      order: z
        .number({
          error: 'sidebar.order must be a number (position among its siblings, lowest first)',
        })
        .optional(),
    })
    .default({}),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
});
