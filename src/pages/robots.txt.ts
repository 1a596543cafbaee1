import type { APIRoute } from 'astro';
import { href } from '../components/href.ts';
import { sitePath } from '../../packages/lasting-links/src/lib/site-path.ts';
import { previewSettings } from '../config.ts';

/**
 * Allows everything and points crawlers at the sitemap (absolute, as the protocol requires); a
 * preview disallows everything.
 */
export const GET: APIRoute = ({ site }) => {
  if (previewSettings()) return new Response('User-agent: *\nDisallow: /\n');
  const path = href(sitePath('/sitemap-index.xml'));
  const sitemap = site ? new URL(path, site).href : path;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
};
