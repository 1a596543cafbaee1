import type { APIRoute } from 'astro';
import { href } from '../components/href.ts';
import { sitePath } from '../lib/site-path.ts';

/** Allows everything and points crawlers at the sitemap (absolute, as the protocol requires). */
export const GET: APIRoute = ({ site }) => {
  const path = href(sitePath('/sitemap-index.xml'));
  const sitemap = site ? new URL(path, site).href : path;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
};
