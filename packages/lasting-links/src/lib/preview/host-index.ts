/**
 * The preview host's own pages: `/` lists the live previews (pull request, commit, build time),
 * and `/robots.txt` keeps crawlers out of all of them (a crawler reads robots.txt only at a
 * host's root, so each preview's own robots.txt is not enough). Both are rewritten on every
 * publish and remove.
 */
import { escapeHtml } from '../html/escape.ts';
import type { PreviewManifest } from './manifest.ts';
import { previewFolder } from './options.ts';
import { formatBuildTime, shortSha } from './settings.ts';

/** The host's robots.txt. */
export const HOST_ROBOTS_TXT = 'User-agent: *\nDisallow: /\n';

/** The host index for `previews` (any order); links to pull requests use `repositoryUrl`. */
export function renderHostIndex(
  previews: readonly PreviewManifest[],
  repositoryUrl: string,
): string {
  const sorted = [...previews].sort((a, b) => b.pr - a.pr);
  const rows = sorted.map((preview) => {
    const folder = `${previewFolder(preview.pr)}/`;
    const pull = `${repositoryUrl.replace(/\/+$/, '')}/pull/${preview.pr}`;
    return (
      `<tr><td><a href="${escapeHtml(folder)}">Pull request #${preview.pr}</a></td>` +
      `<td><code title="${escapeHtml(preview.sha)}">${escapeHtml(shortSha(preview.sha))}</code></td>` +
      `<td><time datetime="${escapeHtml(preview.builtAt)}">${escapeHtml(formatBuildTime(preview.builtAt))}</time></td>` +
      `<td><a href="${escapeHtml(folder)}_changes/">What changed</a> · <a href="${escapeHtml(pull)}">Pull request</a></td></tr>`
    );
  });
  const body =
    rows.length === 0
      ? '<p>No preview is live.</p>'
      : `<p>${rows.length === 1 ? 'One pull request has' : `${rows.length} pull requests have`} a live preview; each is removed when its pull request closes.</p>\n<table><thead><tr><th scope="col">Preview</th><th scope="col">Commit</th><th scope="col">Built</th><th scope="col">Links</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody></table>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Documentation previews</title>
<style>
body{font:1rem/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;background:#fff}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d0d7de}
a{color:#1c58d9}
</style>
</head>
<body>
<main>
<h1>Documentation previews</h1>
${body}
</main>
</body>
</html>
`;
}
