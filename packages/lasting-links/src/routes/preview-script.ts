/**
 * `/_preview.js`, injected in preview builds only: the commit and build time a preview banner
 * shows (see `previewBuildScript`). A route rather than a file written after the build, so the
 * build's link check sees it like every other file the pages load.
 */
import type { APIRoute } from 'astro';
import preview from 'virtual:lasting-links/preview';
import { previewBuildScript } from '../lib/preview/settings.ts';

export const GET: APIRoute = () =>
  new Response(previewBuildScript(preview!), {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
