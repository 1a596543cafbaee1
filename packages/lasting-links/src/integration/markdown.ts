/**
 * The integration's part in rendering Markdown: Astro 7 renders with Sätteri unless a site says
 * otherwise, and its processor holds the plugin lists every integration adds to (Starlight adds
 * its asides and heading links the same way). Sources are parsed with the processor's own
 * features, so the ids read from a source are the ids its page is built with.
 */
import type { AstroConfig, AstroIntegrationLogger } from 'astro';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { MdastPluginInput } from 'satteri';
import type { MarkdownFeatures } from '../lib/sources/page-source.ts';

type Processor = AstroConfig['markdown']['processor'];

/** The features pages are rendered with: Astro's `gfm` and `smartypants`, then the processor's own. */
export function markdownFeaturesOf(config: AstroConfig): MarkdownFeatures {
  const processor: Processor = config.markdown.processor;
  const own = isSatteriProcessor(processor) ? processor.options.features : {};
  return {
    gfm: config.markdown.gfm !== false,
    smartPunctuation: config.markdown.smartypants !== false,
    ...(own as MarkdownFeatures),
  };
}

/**
 * Adds `plugin` to the Markdown processor's mdast plugins; with another processor, says once
 * that cross-reference titles are then filled after the build only.
 */
export function addMdastPlugin(
  config: AstroConfig,
  plugin: MdastPluginInput,
  logger: AstroIntegrationLogger,
): void {
  const processor: Processor = config.markdown.processor;
  if (isSatteriProcessor(processor)) {
    processor.options.mdastPlugins.push(plugin);
    return;
  }
  logger.warn(
    `the Markdown processor "${processor.name}" is not Sätteri: empty-text links get their titles after the build, and \`astro dev\` shows them empty.`,
  );
}
