/**
 * The integration's options: one zod schema, validated once when the integration is created.
 * A bad option is an `AstroError` that names the option, what it got and what it takes, so the
 * writer fixes `astro.config.mjs` rather than reading a stack trace from deep in a build.
 */
import { AstroError } from 'astro/errors';
import { z } from 'astro/zod';
import type { ComponentCheck } from '../lib/sources/component-uses.ts';

/** A path relative to the project root, written with `/`. */
const projectPath = (what: string) =>
  z
    .string({ error: `takes a path relative to the project root (${what})` })
    .min(1, { error: `takes a path relative to the project root (${what}), not ""` })
    .refine((path) => !path.startsWith('/') && !/^[a-zA-Z]:[\\/]/.test(path), {
      error: `takes a path relative to the project root (${what}), not an absolute path`,
    });

/** A host name such as `docs.example.com`, with no scheme or path. */
const hostName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i, {
    error: 'takes host names such as "docs.example.com" (no scheme, no path)',
  });

/** A zod-like schema: anything with `safeParse`, so the site's own zod (or Astro's) is accepted. */
interface Validator {
  safeParse(data: unknown): {
    success: boolean;
    error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
  };
}
const validator = z.custom<Validator>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { safeParse?: unknown }).safeParse === 'function',
  { error: 'takes a zod schema (an object with safeParse), such as your docs collection schema' },
);

const lastingLinksOptionsSchema = z
  .object({
    /** The redirect map: every moved page and heading, old address to new. */
    redirects: projectPath('the redirect map, e.g. "redirects.yaml"').default('redirects.yaml'),
    /** The anchors lock: every URL and anchor the site has published. */
    lock: projectPath('the anchors lock, e.g. "anchors.lock.json"').default('anchors.lock.json'),
    /**
     * The folder of the docs pages (`.md` and `.mdx`), where the docs collection loads them.
     * Default: `content/docs` under Astro's `srcDir` (Starlight's `src/content/docs`).
     */
    content: projectPath('the docs pages, e.g. "src/content/docs"').optional(),
    /** Hosts a redirect may send readers to with an absolute `https://` target. */
    redirectHosts: z.array(hostName).default([]),
    /** Proper nouns and terminology (YAML): cross-reference titles keep their capitals; the lint reads it. */
    terms: projectPath('the terms file, e.g. "terms.yaml"').optional(),
    /**
     * The docs lint in every build (its findings are warnings; `lasting-links lint` fails on
     * errors). Off unless set; `oldestSupportedVersion` (`major.minor`) turns on `stale-version`.
     */
    lint: z
      .union([
        z.literal(false),
        z
          .object({
            oldestSupportedVersion: z
              .string()
              .regex(/^\d+\.\d+$/, { error: 'takes a release as "major.minor", e.g. "10.5"' })
              .optional(),
          })
          .strict(),
      ])
      .default(false),
    /**
     * Checked in every page's source before anything renders, so one build lists every problem
     * with its file and line: the components available without an import…
     */
    components: z.array(z.string().regex(/^[A-Z][\w.]*$/)).optional(),
    /** …the site's own checks of its components' uses (by name: uses in → findings out)… */
    elementChecks: z
      .record(
        z.string().regex(/^[A-Z][\w.]*$/),
        z.custom<ComponentCheck>((value) => typeof value === 'function', {
          error:
            'takes a function from the uses of the component in a page to what is wrong with them',
        }),
      )
      .optional(),
    /**
     * Components that render a heading of their own, so their sections and ids are known from
     * the sources (`moves`, the lock, cross-references): the attribute holding the heading's
     * text, its level, how the id is made (`slug`, or `key`: lower case, `.` to `-`), and the
     * attributes the block shows as text.
     */
    componentSections: z
      .record(
        z.string().regex(/^[A-Z][\w.]*$/),
        z
          .object({
            heading: z.string().min(1),
            level: z.number().int().min(1).max(6),
            id: z.enum(['slug', 'key']),
            text: z.array(z.string()).optional(),
          })
          .strict(),
      )
      .optional(),
    /** …and the docs collection's front matter schema. */
    frontmatter: validator.optional(),
    /** Pull request previews: the layout (an `.astro` file) the What-changed page renders in. */
    preview: z
      .object({ layout: projectPath('an .astro layout, e.g. "src/layouts/Base.astro"').optional() })
      .strict()
      .default({}),
  })
  .strict();

/** What `lastingLinks()` accepts. */
export type LastingLinksUserOptions = z.input<typeof lastingLinksOptionsSchema>;
/** The options once validated, with every default filled in. */
export type LastingLinksOptions = z.output<typeof lastingLinksOptionsSchema>;

/** Validates `input`; throws an `AstroError` naming each bad option, what it got and what it takes. */
export function parseOptions(input: unknown): LastingLinksOptions {
  const result = lastingLinksOptionsSchema.safeParse(input ?? {}, { reportInput: true });
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const option = issue.path.length > 0 ? issue.path.map(String).join('.') : '(the options)';
    const got = 'input' in issue ? describe(issue.input) : undefined;
    const known =
      issue.code === 'unrecognized_keys'
        ? `: ${issue.keys.map((key) => `"${key}"`).join(', ')} is not an option; the options are ${Object.keys(lastingLinksOptionsSchema.shape).join(', ')}`
        : `: ${issue.message}`;
    return `- ${option}${known}${got !== undefined && issue.code !== 'unrecognized_keys' ? ` (got ${got})` : ''}`;
  });
  throw new AstroError(
    `Invalid options passed to lastingLinks():\n${lines.join('\n')}`,
    'Fix the option in the lastingLinks({ … }) call of your Astro config; the package README lists every option.',
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return typeof value;
  }
}
