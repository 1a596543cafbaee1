/**
 * Cross-references while rendering, so `astro dev` shows what the build shows: an empty-text
 * link `[](/page/#section)` gets its target's title (in sentence case when the link stands
 * inside a sentence), from the pages' sources. In dev, where nothing runs after the render, it
 * also follows old addresses through the redirect map (for their titles), and warns, at the
 * link's file:line, about internal links whose target does not exist (or is an old address), as
 * they are typed, in the terminal and on the page itself, beside the link. A build leaves links
 * to old addresses to the post-build step, which plans the map once, against the HTML.
 *
 * A build reads the sources once, in its one pass (source-pass.ts); dev, whenever a page source
 * changes.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition } from 'satteri';
import type { SiteSettings } from '../lib/settings.ts';
import { parseBase, type SitePath } from '../lib/site-path.ts';
import { sitePathOfSource } from '../lib/site/source-files.ts';
import type { PageSource } from '../lib/sources/page-source.ts';
import { crossReferenceTitle, startsSentence, titleInSentence } from '../lib/cross-references.ts';
import { siteContextLoader } from './site-context.ts';
import { brokenTarget, devMarker } from './dev-marks.ts';

/** Links are written without the base; they are resolved as the root build sees them. */
const ROOT = parseBase('/');

/**
 * The mdast plugin; `warn` is given in dev, where broken links are reported as they are typed;
 * `outlines`, in a build, are the pages as its one pass over the sources read them;
 * `routePages`, the paths of the site's pages that come from routes without parameters.
 */
export function crossReferencePlugin(
  settings: SiteSettings,
  warn: ((message: string) => void) | undefined,
  outlines?: readonly PageSource[],
  routePages: () => ReadonlySet<SitePath> = () => new Set(),
): () => MdastPluginDefinition {
  const load = siteContextLoader(settings, warn !== undefined, outlines);
  return () => ({
    name: 'lasting-links:cross-references',
    options: { position: true },
    link(node, ctx) {
      if (ctx.fileURL === undefined) return;
      const file = relative(settings.projectRoot, fileURLToPath(ctx.fileURL)).split('\\').join('/');
      const page: SitePath | undefined = sitePathOfSource(file, settings.contentDir);
      if (page === undefined) return;
      const empty = node.children.length === 0;
      // A link with words needs the whole site's index only in dev, to warn as it is typed.
      if (!empty && warn === undefined) return;
      const context = load();
      const at = `${file}:${node.position?.start.line ?? 0}:${node.position?.start.column ?? 0}`;
      if (warn !== undefined) {
        // Relative links are left to the build, which resolves them against the built page.
        const target =
          node.url.startsWith('/') || node.url.startsWith('#')
            ? brokenTarget(node.url, page, ROOT, context)
            : undefined;
        // A page of an `.astro` route (the home page) has no source, and ids only once it
        // renders: links to it are judged on the rendered page (dev-link-marks.ts).
        const broken =
          target?.missingPage !== undefined && routePages().has(target.missingPage)
            ? undefined
            : target?.problem;
        if (broken !== undefined) {
          warn(`${at}: ${broken}`);
          // On the page too, where the writer is looking: a broken link must not pass for one
          // that works. Only in dev; a build reports it and fails instead.
          ctx.insertAfter(node, devMarker(`${at}: ${broken}`));
        }
      }
      if (!empty) return;
      const title = crossReferenceTitle(node.url, page, ROOT, context.index, context.plan);
      if (title === undefined) {
        // An empty link to nothing would show nothing at all: in dev it shows its address.
        if (warn !== undefined)
          ctx.setProperty(node, 'children', [{ type: 'text', value: node.url }]);
        return;
      }
      const parent = ctx.parent(node);
      const position = ctx.indexOf(node) ?? 0;
      const before = parent.children
        .slice(0, position)
        .map((sibling) =>
          'value' in sibling && typeof sibling.value === 'string' ? sibling.value : 'x',
        )
        .join('');
      const text = startsSentence(before) ? title : titleInSentence(title, context.properNouns);
      ctx.setProperty(node, 'children', [{ type: 'text', value: text }]);
    },
  });
}
