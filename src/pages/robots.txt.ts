import type { APIRoute } from 'astro';
import { href } from '../components/href.ts';
import { sitePath } from 'lasting-links/theme';
import preview from 'virtual:lasting-links/preview';

/**
 * Allows everything and points crawlers at the sitemap (absolute, as the protocol requires); a
 * preview disallows everything.
 */
export const GET: APIRoute = ({ site }) => {
  if (preview) return new Response('User-agent: *\nDisallow: /\n');
  const path = href(sitePath('/sitemap-index.xml'));
  const sitemap = site ? new URL(path, site).href : path;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
};
