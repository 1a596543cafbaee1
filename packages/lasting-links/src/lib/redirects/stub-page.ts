/**
 * The page left at a removed URL on hosts without server redirects (S3 websites, GitHub
 * Pages, `astro preview`). Astro's own redirect page is a bare meta refresh, which drops the
 * `#fragment`; this one maps the fragment through the page's own table first, falls back to
 * the default target keeping the fragment, and without JavaScript still refreshes to the
 * default and shows a link, so a reader never meets a blank page.
 */
import type { Base } from '../site-path.ts';
import { escapeHtml } from '../html/escape.ts';
import { REDIRECT_STUB_ATTRIBUTE } from '../html/markers.ts';
import type { StubPlan } from './follow.ts';
import { targetHref } from './locations.ts';
import { stubScript } from './anchor-script.ts';

/** What a stub needs to know. */
export interface StubPageInput {
  stub: StubPlan;
  base: Base;
  /** The title of the page the default target is on, when known. */
  targetTitle?: string;
  /** `SITE_URL` (e.g. `https://docs.example.com`), for an absolute canonical link. */
  site?: string;
}

/** The complete HTML document of a stub. */
export function renderStubPage(input: StubPageInput): string {
  const fallback = input.stub.fallback.target;
  const href = targetHref(fallback, input.base);
  const canonical =
    input.site === undefined || fallback.kind === 'external'
      ? href
      : new URL(href, input.site).href;
  const label = input.targetTitle ?? href;
  return [
    '<!doctype html>',
    // Marks the file as a redirect stub for tools that read the output (search, anchors lock).
    `<html lang="en" ${REDIRECT_STUB_ATTRIBUTE}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="robots" content="noindex">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Moved: ${escapeHtml(label)}</title>`,
    stubScript(input.stub.table, fallback, input.base),
    `<noscript><meta http-equiv="refresh" content="0; url=${escapeHtml(href)}"></noscript>`,
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    '</head>',
    '<body>',
    `<p>This page has moved to <a href="${escapeHtml(href)}">${escapeHtml(label)}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
