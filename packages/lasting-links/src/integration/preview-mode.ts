/**
 * A preview build is a build mode, not a different project: `lasting-links preview build` runs
 * Astro's own `build()` with one more integration, this marker, which carries the pull
 * request's settings and the base's index. The site's `lastingLinks()` finds it among the
 * integrations (through a hook of its own, which Astro keeps) and builds the preview: banner
 * settings for pages, the What-changed route, the comparison with the base, one link check.
 */
import type { AstroIntegration } from 'astro';
import type { PreviewSettings } from '../lib/preview/settings.ts';
import type { BaseBuild } from '../lib/preview/changes-report.ts';

/** What a preview build knows before it starts. */
export interface PreviewBuild {
  /** The pull request; the published origin its canonical URLs name is the site's `site`. */
  pullRequest: Omit<PreviewSettings, 'productionSite'>;
  /** Where previews are served (`https://previews.example.com`), the build's own `site`. */
  hostUrl: string;
  /** The base to compare with: its index, or why there is none. */
  base: BaseBuild;
}

const HOOK = 'lasting-links:preview';

/** The marker integration for a preview build. */
export function previewMode(build: PreviewBuild): AstroIntegration {
  return { name: HOOK, hooks: { [HOOK]: () => build } };
}

/** The preview this build is, if a `previewMode` marker is among `integrations`. */
export function previewBuildOf(
  integrations: readonly AstroIntegration[],
): PreviewBuild | undefined {
  const marker = integrations.find((integration) => integration.name === HOOK);
  const read = marker?.hooks[HOOK];
  return typeof read === 'function' ? (read as () => PreviewBuild)() : undefined;
}
