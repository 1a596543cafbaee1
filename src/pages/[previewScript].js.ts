import type { APIRoute, GetStaticPaths } from 'astro';
import { previewSettings } from '../config.ts';
import { previewBuildScript } from '../../packages/lasting-links/src/lib/preview/settings.ts';
import { PREVIEW_SCRIPT_FILE } from '../../packages/lasting-links/src/lib/preview/published-files.ts';

/**
 * `/_preview.js`, in preview builds only: the commit and build time the banner shows (see
 * `previewBuildScript`). A route rather than a file written after the build, so the build's
 * link check sees it like every other file the pages load.
 */
export const getStaticPaths: GetStaticPaths = () =>
  previewSettings() === undefined
    ? []
    : [{ params: { previewScript: PREVIEW_SCRIPT_FILE.replace(/\.js$/, '') } }];

export const GET: APIRoute = () =>
  new Response(previewBuildScript(previewSettings()!), {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
