import { z } from 'astro/zod';
import { sitePathProblem } from 'lasting-links/theme';
import { DEPLOYMENT_IDS, PLAN_IDS } from '../lib/applies-to.ts';
import { inlineLinkTargets } from '../lib/inline-markdown.ts';

/**
 * Front matter of a docs page. Messages say what to write, because the reader of a failed
 * build is an author, not the schema's developer. Field names follow Starlight's where the
 * feature is the same, so writers coming from Starlight find what they know.
 */

const badgeVariants = ['default', 'note', 'tip', 'success', 'caution', 'danger'] as const;

/** `badge: New`, or `badge: { text: Deprecated, variant: caution }`. */
const badge = z
  .union([
    z.string().trim().min(1),
    z.strictObject({
      text: z.string().trim().min(1, 'badge.text is empty: write the badge, for example New'),
      variant: z.enum(badgeVariants, {
        error: `badge.variant must be one of ${badgeVariants.join(', ')}`,
      }),
    }),
  ])
  .transform((value) =>
    typeof value === 'string' ? { text: value, variant: 'note' as const } : value,
  )
  .optional();

/** Adds the reason a written site path is not one (`/\\host/` goes to another host) as an issue. */
function checkSitePath(field: string) {
  return (value: string, context: z.RefinementCtx) => {
    const problem = value.startsWith('/') ? sitePathProblem(value) : undefined;
    if (problem !== undefined)
      context.addIssue({ code: 'custom', message: `${field}: ${problem}` });
  };
}

/** A site path (`/a/b/`) or an `https://` URL. */
const linkTarget = z
  .string()
  .trim()
  .regex(/^(\/(?!\/)|https:\/\/)/, 'write a link from the site root (/a/b/) or an https:// URL')
  .superRefine(checkSitePath('link'));

/** `prev: false` hides the link; a string relabels it; `{ link, label }` points it elsewhere. */
const pagerLink = (field: 'prev' | 'next') =>
  z
    .union([
      z.boolean(),
      z.string().trim().min(1),
      z.strictObject({
        link: z
          .string()
          .trim()
          .regex(/^\/(?!\/)/, `${field}.link must be a site path such as /a/b/`)
          .superRefine(checkSitePath(`${field}.link`))
          .optional(),
        label: z.string().trim().min(1).optional(),
      }),
    ])
    .optional();

const headingLevel = z
  .number()
  .int()
  .min(2, 'heading levels run from 2 (##) to 6 (######)')
  .max(6, 'heading levels run from 2 (##) to 6 (######)');

/** Tags a page may add to its `<head>`; anything else belongs in the layout. */
const headTags = ['meta', 'link', 'script', 'style', 'noscript'] as const;

/**
 * The message for a text field: "add it" when it is missing, and "it must be text" when YAML
 * read it as something else (`title: 42`, `title: yes`), with the quoting that fixes it.
 */
function textFieldError(name: string, add: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined
      ? add
      : `${name} must be text, but YAML reads ${JSON.stringify(issue.input)} as ${Array.isArray(issue.input) ? 'a list' : typeof issue.input}: put it in quotes, ${name}: ${JSON.stringify(JSON.stringify(issue.input))}`;
}

export const docsFrontmatter = z.strictObject({
  title: z
    .string({
      error: textFieldError(
        'title',
        'add `title: Page title` (sentence case; it is the page heading and the browser tab title)',
      ),
    })
    .trim()
    .min(1, 'title is empty: write the page heading'),
  description: z
    .string({
      error: textFieldError(
        'description',
        'add `description: One sentence` (shown in search results and link previews)',
      ),
    })
    .trim()
    .min(1, 'description is empty: write one sentence about the page'),
  /** `doc` (sidebar, table of contents) or `splash` (a landing page: full width, no sidebar). */
  template: z.enum(['doc', 'splash'], { error: 'template must be doc or splash' }).default('doc'),
  /** The large introduction of a splash page. */
  hero: z
    .strictObject({
      title: z.string().trim().min(1).optional(),
      tagline: z.string().trim().min(1, 'hero.tagline is empty: write one or two sentences'),
      actions: z
        .array(
          z.strictObject({
            text: z.string().trim().min(1, 'a hero action needs text'),
            link: linkTarget,
            variant: z
              .enum(['primary', 'secondary'], {
                error: 'a hero action variant is primary or secondary',
              })
              .default('primary'),
          }),
        )
        .default([]),
    })
    .optional(),
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
      hidden: z.boolean({ error: 'sidebar.hidden must be true or false' }).default(false),
      badge,
      links: z
        .array(
          z.strictObject({
            label: z.string().trim().min(1, 'a sidebar link needs a label'),
            link: z
              .string()
              .trim()
              .regex(/^https:\/\//, 'sidebar.links are for other sites: write an https:// URL'),
            order: z.number().optional(),
            badge,
          }),
        )
        .default([]),
    })
    .default({ hidden: false, links: [] }),
  /** `false` hides "On this page"; levels choose which headings it lists (default 2 to 3). */
  tableOfContents: z
    .union([
      z.boolean(),
      z.strictObject({
        minHeadingLevel: headingLevel.default(2),
        maxHeadingLevel: headingLevel.default(3),
      }),
    ])
    .default(true)
    .transform((value) =>
      value === false ? false : value === true ? { minHeadingLevel: 2, maxHeadingLevel: 3 } : value,
    )
    .refine((value) => value === false || value.minHeadingLevel <= value.maxHeadingLevel, {
      message: 'tableOfContents.minHeadingLevel must not be above maxHeadingLevel',
    }),
  prev: pagerLink('prev'),
  next: pagerLink('next'),
  /** `false` leaves the page out of search results (it is still built and linked). */
  pagefind: z.boolean({ error: 'pagefind must be true or false' }).default(true),
  /** A notice above the page's title. Inline Markdown: links, `code`, **bold** and *emphasis*. */
  banner: z
    .strictObject({
      content: z
        .string()
        .trim()
        .min(1, 'banner.content is empty: write the notice')
        .superRefine((content, context) => {
          for (const target of inlineLinkTargets(content)) {
            const problem = target.startsWith('/') ? sitePathProblem(target) : undefined;
            if (problem !== undefined)
              context.addIssue({ code: 'custom', message: `banner.content: the link ${problem}` });
          }
        }),
    })
    .optional(),
  /** The first release the page applies to, shown as "Applies to v10.11 and later". */
  since: z
    .string({
      error:
        'since must be a version in quotes, such as since: "10.11" (YAML reads 10.10 as the number 10.1)',
    })
    .trim()
    .regex(/^v?\d+(\.\d+){0,2}$/, 'since must be a version such as "10.11"')
    .transform((value) => value.replace(/^v/, ''))
    .optional(),
  /**
   * The plans and deployment types the page applies to, shown under its title: "Applies to:
   * Enterprise, Enterprise Advanced · Self-hosted".
   */
  appliesTo: z
    .strictObject(
      {
        plans: z
          .array(
            z.enum(PLAN_IDS, {
              error: (issue) =>
                `${JSON.stringify(issue.input)} is not a plan: use ${PLAN_IDS.join(', ')}`,
            }),
            { error: `appliesTo.plans is a list, such as plans: [enterprise]` },
          )
          .min(1, 'appliesTo.plans is empty: name a plan, or leave the field out')
          .optional(),
        deployments: z
          .array(
            z.enum(DEPLOYMENT_IDS, {
              error: (issue) =>
                `${JSON.stringify(issue.input)} is not a deployment type: use ${DEPLOYMENT_IDS.join(', ')}`,
            }),
            { error: `appliesTo.deployments is a list, such as deployments: [self-hosted]` },
          )
          .min(1, 'appliesTo.deployments is empty: name one, or leave the field out')
          .optional(),
      },
      {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `appliesTo takes plans and deployments only, not ${issue.keys.join(', ')}: write appliesTo: { plans: [enterprise], deployments: [self-hosted] }`
            : `appliesTo is plans and deployments, such as appliesTo: { plans: [enterprise], deployments: [self-hosted] }`,
      },
    )
    .refine((value) => value.plans !== undefined || value.deployments !== undefined, {
      message: 'appliesTo names nothing: add plans, deployments or both',
    })
    .optional(),
  /** Extra tags for the page's `<head>`, such as a `<meta>` for a search engine. */
  head: z
    .array(
      z
        .strictObject({
          tag: z.enum(headTags, { error: `head tags are ${headTags.join(', ')}` }),
          attrs: z
            .record(
              z
                .string()
                .regex(
                  /^[a-z][\w:.-]*$/i,
                  'head attribute names are letters, digits, -, _, : and .',
                ),
              z.union([z.string(), z.boolean()]),
            )
            .default({}),
          content: z.string().default(''),
        })
        .refine((tag) => !tag.content.toLowerCase().includes(`</${tag.tag}`), {
          message: 'head tag content must not close its own tag',
        }),
    )
    .default([]),
  draft: z.boolean({ error: 'draft must be true or false' }).default(false),
});
