/**
 * lasting-links: published links that never break. `integrations: [lastingLinks()]` in an Astro
 * config (after Starlight's, when there is one).
 */
export { docsSite } from './integration/index.ts';
