/**
 * The little Markdown a one-line notice needs (banners, the site announcement): `code`,
 * [links](/a/b/), **bold** and *emphasis*. Everything else is text, escaped, so a notice can
 * never inject markup. Links from the site root go through `resolve` (which adds the base);
 * links to other sites must be `https://`, `http://` or `mailto:`; any other target leaves
 * the link's text alone.
 */
import { escapeHtml, sitePathProblem } from 'lasting-links/theme';

const safeExternal = /^(https?:\/\/|mailto:)/;

/** The HTML of one line of inline Markdown. */
export function inlineMarkdown(text: string, resolve: (sitePath: string) => string): string {
  // Code spans first, so that nothing inside them is read as a link or emphasis.
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : prose(part, resolve),
    )
    .join('');
}

/** The targets of the links in one line of inline Markdown (code spans hold none). */
export function inlineLinkTargets(text: string): string[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((part) => !(part.startsWith('`') && part.endsWith('`') && part.length > 1))
    .flatMap((part) => [...part.matchAll(LINK)].map((match) => match[2] ?? ''));
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

function prose(text: string, resolve: (sitePath: string) => string): string {
  return text
    .split(/(\[[^\]]+\]\([^)\s]+\))/)
    .map((part) => {
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      if (!link) return emphasis(escapeHtml(part));
      const [, label = '', target = ''] = link;
      // `/\\host/` is another host to browsers: neither a site link nor a safe external one.
      const internal = target.startsWith('/') && sitePathProblem(target) === undefined;
      if (!internal && !safeExternal.test(target)) return emphasis(escapeHtml(label));
      const url = internal ? resolve(target) : target;
      return `<a href="${escapeHtml(url)}">${emphasis(escapeHtml(label))}</a>`;
    })
    .join('');
}

function emphasis(html: string): string {
  return html
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '<strong>$1</strong>')
    .replace(/\*(\S(?:.*?\S)?)\*/g, '<em>$1</em>');
}
