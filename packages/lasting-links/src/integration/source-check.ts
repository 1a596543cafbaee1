import type { Problem } from '../lib/problems/problem.ts';
import { frontMatterProblems, type FrontMatterValidator } from '../lib/sources/front-matter.ts';
import { componentProblems, type ComponentCheck } from '../lib/sources/component-uses.ts';
import type { ParsedPage } from './source-pass.ts';

/** What a site asks to be checked in its sources (the `components` and `frontmatter` options). */
export interface SourceCheckOptions {
  /** Components every page may use without an import. */
  components?: readonly string[] | undefined;
  /** The site's own checks of its components' uses, by component name. */
  elementChecks?: Readonly<Record<string, ComponentCheck>> | undefined;
  /** The docs collection's front matter schema: anything with zod's `safeParse`. */
  frontmatter?:
    | {
        safeParse(data: unknown): {
          success: boolean;
          error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
        };
      }
    | undefined;
}

/**
 * Every front matter problem and every unknown or misused component of every page, from the
 * build's one pass over the sources, before anything renders: Astro's content layer stops at the
 * first bad page (and MDX names a route, not a line), so a writer who fixed one would only meet
 * the next.
 */
export function sourceCheck(pages: readonly ParsedPage[], options: SourceCheckOptions): Problem[] {
  const { components, frontmatter, elementChecks } = options;
  const known = components === undefined ? undefined : new Set<string>(components);
  const validate: FrontMatterValidator | undefined =
    frontmatter === undefined
      ? undefined
      : (data) => {
          const result = frontmatter.safeParse(data);
          return result.success ? [] : (result.error?.issues ?? []);
        };
  return pages.flatMap((page) => [
    ...(validate === undefined ? [] : frontMatterProblems(page.file, page.text, validate)),
    ...(page.components === undefined || (known === undefined && elementChecks === undefined)
      ? []
      : componentProblems(page.file, page.components, { known, checks: elementChecks })),
  ]);
}
