import type { SitePath } from '../site-path.ts';
import { closestPage } from '../did-you-mean.ts';

/**
 * The closest page to a missing one, for "did you mean", found once per missing page. Only
 * pages whose last segment is near enough in length to score as a suggestion are compared,
 * which gives the same answer as comparing all (a length gap bounds the edit distance) and
 * keeps an import of thousands of keys quick.
 */
export function pageSuggester(
  pages: ReadonlySet<SitePath>,
): (page: SitePath) => { path: string } | undefined {
  // The segments closestPage compares: lower case, no `.html`, no trailing `index`.
  const segments = (path: string) =>
    path
      .toLowerCase()
      .replace(/\.html?$/, '')
      .replace(/\/index\/?$/, '/')
      .split('/')
      .filter(Boolean);
  const choices = [...pages].map((page) => {
    const parts = segments(page);
    return { path: page, title: page, slug: parts.at(-1) ?? '', parents: parts.slice(0, -1) };
  });
  const found = new Map<SitePath, { path: string } | undefined>();
  return (page) => {
    if (!found.has(page)) {
      const asked = segments(page);
      const slug = asked.at(-1) ?? '';
      // closestPage needs a score of 0.7: the slugs' similarity (at most 1 minus their length
      // gap over the longer) plus 0.05 for each parent folder the two share.
      const near = choices.filter((choice) => {
        const longest = Math.max(choice.slug.length, slug.length, 1);
        const shared = choice.parents.filter((parent) => asked.includes(parent)).length;
        return 1 - Math.abs(choice.slug.length - slug.length) / longest + 0.05 * shared >= 0.7;
      });
      found.set(page, closestPage(page, near));
    }
    return found.get(page);
  };
}
