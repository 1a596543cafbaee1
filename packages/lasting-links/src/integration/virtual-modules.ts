/**
 * What pages read from the integration, as virtual modules (never by importing a config file):
 *
 * - `virtual:lasting-links/preview`: the pull request a preview build shows (`null` otherwise),
 *   for a theme's banner, `robots.txt` and canonical URLs;
 * - `virtual:lasting-links/preview-layout`: the layout the What-changed page renders in;
 * - `virtual:lasting-links/dev-settings`: the site settings, for the dev-only link marks
 *   (dev-link-marks.ts), as the integration settled them once every integration had run.
 */
import type { ViteUserConfig } from 'astro';
import type { PreviewSettings } from '../lib/preview/settings.ts';
import type { SiteSettings } from '../lib/settings.ts';

type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

const PREVIEW = 'virtual:lasting-links/preview';
const PREVIEW_LAYOUT = 'virtual:lasting-links/preview-layout';
const DEV_SETTINGS = 'virtual:lasting-links/dev-settings';

/** The modules' source, by id. */
function modules(
  preview: PreviewSettings | undefined,
  previewLayout: string,
  settings: () => SiteSettings | undefined,
): Record<string, () => string> {
  return {
    [PREVIEW]: () => `export default ${JSON.stringify(preview ?? null)};`,
    [PREVIEW_LAYOUT]: () => `export { default } from ${JSON.stringify(previewLayout)};`,
    // Read when first imported, after `astro:config:done` settled the settings.
    [DEV_SETTINGS]: () => `export default ${JSON.stringify(settings() ?? null)};`,
  };
}

/** The Vite plugin that serves the modules. */
export function virtualModules(
  preview: PreviewSettings | undefined,
  previewLayout: string,
  settings: () => SiteSettings | undefined,
): VitePlugin {
  const sources = modules(preview, previewLayout, settings);
  const resolved = new Map(Object.keys(sources).map((id) => [`\0${id}`, sources[id]!]));
  return {
    name: 'lasting-links:virtual-modules',
    resolveId(id) {
      return id in sources ? `\0${id}` : undefined;
    },
    load(id) {
      return resolved.get(id)?.();
    },
  };
}
