import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteSettings } from '../lib/settings.ts';
import type { Problem } from '../lib/problems/problem.ts';
import { listSourceFiles } from '../lib/site/source-files.ts';
import { frontMatterProblems, type FrontMatterValidator } from '../lib/sources/front-matter.ts';
import { componentProblems, type ComponentCheck } from '../lib/sources/component-uses.ts';

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
 * Every front matter problem and every unknown component of every page, read before the build
 * renders anything: Astro's content layer stops at the first bad page (and MDX names a route,
 * not a line), so a writer who fixed one would only meet the next.
 */
export function sourceCheck(settings: SiteSettings, options: SourceCheckOptions): Problem[] {
  const { components, frontmatter, elementChecks } = options;
  const known = components === undefined ? undefined : new Set<string>(components);
  const validate: FrontMatterValidator | undefined =
    frontmatter === undefined
      ? undefined
      : (data) => {
          const result = frontmatter.safeParse(data);
          return result.success ? [] : (result.error?.issues ?? []);
        };
  return listSourceFiles(settings.projectRoot, settings.contentDir).flatMap((file) => {
    const text = readFileSync(join(settings.projectRoot, file), 'utf8');
    return [
      ...(validate === undefined ? [] : frontMatterProblems(file, text, validate)),
      ...(!file.endsWith('.mdx') || (known === undefined && elementChecks === undefined)
        ? []
        : componentProblems(file, text, {
            known,
            checks: elementChecks,
            features: settings.syntax.features,
          })),
    ];
  });
}
