// Ambient declarations of the virtual modules travel with the entry point (as Starlight's do):
// a reference is the only way to include a declaration file, there is nothing to import.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- see above
/// <reference path="./virtual.d.ts" />
/**
 * lasting-links: published links that never break. Add the integration to an Astro config,
 * after Starlight's when the site has Starlight:
 *
 *     import lastingLinks from 'lasting-links';
 *     export default defineConfig({ integrations: [starlight({ … }), lastingLinks()] });
 *
 * Then `npx lasting-links moves --init --write` creates the anchors lock, and every build proves
 * that each address the site has published still lands on its content.
 */
import { lastingLinks } from './integration/index.ts';

export default lastingLinks;
export { lastingLinks };
export type { LastingLinksUserOptions } from './integration/index.ts';
export type {
  ComponentCheck,
  ComponentFinding,
  ComponentUse,
} from './lib/sources/component-uses.ts';
