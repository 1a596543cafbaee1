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
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition } from 'satteri';
import type { SiteSettings } from '../lib/settings.ts';
import { parseBase, type SitePath } from '../lib/site-path.ts';
import type { AnchorIndex } from '../lib/site/anchor-index.ts';
import { listSourceFiles, sitePathOfSource } from '../lib/site/source-files.ts';
import { readSources, sourceIndex } from '../lib/sources/read-sources.ts';
import type { PageSource } from '../lib/sources/page-source.ts';
import { parseRedirectMap } from '../lib/redirects/redirect-map.ts';
import { planRedirects } from '../lib/redirects/plan-redirects.ts';
import { emptyPlan, follow, landsOnContent, type RedirectPlan } from '../lib/redirects/follow.ts';
import { displayLocation } from '../lib/redirects/locations.ts';
import {
  crossReferenceTitle,
  linkTarget,
  startsSentence,
  titleInSentence,
} from '../lib/cross-references.ts';
import { properNounsOf } from '../lib/lint/terms.ts';

/** What rendering needs to know about the whole site. */
interface RenderContext {
  index: AnchorIndex;
  /**
   * The redirect map's plan, in dev only, where the render is the only step: it follows old
   * addresses to warn about them and to title links to them. A build plans the map once, against
   * the HTML, after rendering (post-build.ts), and titles the links to old addresses there.
   */
  plan: RedirectPlan | undefined;
  properNouns: readonly string[];
}

/** Links are written without the base; they are resolved as the root build sees them. */
const ROOT = parseBase('/');

/**
 * Loads the site's sources, terms and (in dev) map, again only when a source file changed. A build gives
 * the outlines of its one pass over the sources; dev reads them itself, as they are edited.
 */
function contextLoader(
  settings: SiteSettings,
  watch: boolean,
  outlines: readonly PageSource[] | undefined,
): () => RenderContext {
  let cached: { signature: string; context: RenderContext; checkedAt: number } | undefined;
  const signature = () =>
    [
      ...listSourceFiles(settings.projectRoot, settings.contentDir),
      settings.redirectsFile,
      ...(settings.termsFile === undefined ? [] : [settings.termsFile]),
    ]
      .map((file) => {
        try {
          return `${file}:${statSync(join(settings.projectRoot, file)).mtimeMs}`;
        } catch {
          return file;
        }
      })
      .join('\n');
  return () => {
    if (cached !== undefined && (!watch || Date.now() - cached.checkedAt < 300))
      return cached.context;
    const now = signature();
    if (cached !== undefined && cached.signature === now) {
      cached.checkedAt = Date.now();
      return cached.context;
    }
    const index = sourceIndex(
      outlines ?? readSources(settings.projectRoot, settings.contentDir, settings.syntax),
    );
    const plan = watch ? devPlan(settings, index) : undefined;
    const properNouns = properNounsOf(settings.projectRoot, settings.termsFile);
    cached = { signature: now, context: { index, plan, properNouns }, checkedAt: Date.now() };
    return cached.context;
  };
}

/** The redirect map planned against the sources, as dev sees them. */
function devPlan(settings: SiteSettings, index: AnchorIndex): RedirectPlan {
  const mapText = readOptional(join(settings.projectRoot, settings.redirectsFile));
  const entries = parseRedirectMap(mapText, settings.redirectsFile, settings.redirectHosts).entries;
  return planRedirects(entries, index, settings.redirectsFile).plan;
}

function readOptional(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The mdast plugin; `warn` is given in dev, where broken links are reported as they are typed;
 * `outlines`, in a build, are the pages as its one pass over the sources read them.
 */
export function crossReferencePlugin(
  settings: SiteSettings,
  warn: ((message: string) => void) | undefined,
  outlines?: readonly PageSource[],
): () => MdastPluginDefinition {
  const load = contextLoader(settings, warn !== undefined, outlines);
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
        const broken = brokenTarget(node.url, page, context);
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

/** The attribute that marks a problem shown on a page in `astro dev` (never in a build). */
const DEV_MARKER_ATTRIBUTE = 'data-lasting-links-problem';

/** A visible note after a broken or old link, in `astro dev`: what is wrong, at which file:line. */
function devMarker(problem: string) {
  return {
    type: 'lastingLinksProblem',
    data: {
      hName: 'mark',
      hProperties: {
        [DEV_MARKER_ATTRIBUTE]: '',
        role: 'note',
        style:
          'background:#fde68a;color:#7c2d12;border:1px solid #b45309;border-radius:3px;padding:0 0.3em;margin-left:0.3em;font:0.8em/1.4 ui-monospace,monospace;white-space:normal',
      },
    },
    children: [{ type: 'text', value: `⚠ ${problem}` }],
  };
}

/** Why an internal link's target does not exist, or undefined when it does (or is not internal). */
function brokenTarget(url: string, page: SitePath, context: RenderContext): string | undefined {
  const location = linkTarget(url, page, ROOT);
  if (location === undefined || (!url.startsWith('/') && !url.startsWith('#'))) return undefined;
  // Files under public/ (images, downloads) are not pages; the build's checker judges them.
  if (!location.path.endsWith('/')) return undefined;
  const visit = follow(context.plan ?? emptyPlan(), context.index, location, 'static');
  if (landsOnContent(visit, context.index)) {
    return visit.hops.length === 0 || visit.kind !== 'landed'
      ? undefined
      : `${url} is an old address; link to ${displayLocation(visit.target.kind === 'site' ? visit.target : location)} instead (npx lasting-links moves --write rewrites it)`;
  }
  const target = context.index.get(location.path);
  if (target === undefined) return `${url}: no page at ${location.path}`;
  return `${url}: ${location.path} has no section #${location.fragment}`;
}
