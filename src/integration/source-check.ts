import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteSettings } from '../lib/settings.ts';
import type { Problem } from '../lib/problems/problem.ts';
import { listSourceFiles } from '../lib/site/source-files.ts';
import { frontMatterProblems, type FrontMatterValidator } from '../lib/sources/front-matter.ts';
import { unknownComponentProblems } from '../lib/sources/unknown-components.ts';
import { settingElementProblems } from '../lib/sources/setting-elements.ts';
import { docsFrontmatter } from '../schemas/docs-frontmatter.ts';
import { MDX_COMPONENT_NAMES } from '../components/mdx/names.ts';

/** The content collection's own schema, as a validator that lists every issue. */
const validate: FrontMatterValidator = (data) => {
  const result = docsFrontmatter.safeParse(data);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
};

/**
 * Every front matter problem and every unknown component of every page, read before the build
 * renders anything: Astro's content layer stops at the first bad page (and MDX names a route,
 * not a line), so a writer who fixed one would only meet the next.
 */
export function sourceCheck(settings: SiteSettings): Problem[] {
  const known = new Set<string>(MDX_COMPONENT_NAMES);
  return listSourceFiles(settings.projectRoot, settings.contentDir).flatMap((file) => {
    const text = readFileSync(join(settings.projectRoot, file), 'utf8');
    return [
      ...frontMatterProblems(file, text, validate),
      ...unknownComponentProblems(file, text, known),
      ...settingElementProblems(file, text),
    ];
  });
}
