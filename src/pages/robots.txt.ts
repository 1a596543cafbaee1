import type { APIRoute } from 'astro';

/** Allows everything and points crawlers at the sitemap (absolute, as the protocol requires). */
export const GET: APIRoute = ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const sitemap = site ? new URL(`${base}sitemap-index.xml`, site).href : `${base}sitemap-index.xml`;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
};
