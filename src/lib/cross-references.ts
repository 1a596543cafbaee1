import { Parser } from 'htmlparser2';

/**
 * Cross-references written with empty text, `[](/guide/page/#section)`, get the target
 * heading's title as their text at build time, so link text never goes stale when a heading
 * is reworded (and a raw anchor is never shown to readers).
 */

/** An empty link whose target title could not be found. */
export interface UnresolvedLink { href: string; line: number }

/**
 * Fills every `<a href>` that has no content with `titleFor(href)`. Returns the new HTML and
 * the links whose title is unknown (left empty, for the caller to report).
 *
 * htmlparser2 gives exact source offsets, so the page is edited in place and nothing else in
 * it is reformatted.
 */
export function fillEmptyLinks(html: string, titleFor: (href: string) => string | undefined): { html: string; unresolved: UnresolvedLink[] } {
  const inserts: { at: number; text: string }[] = [];
  const unresolved: UnresolvedLink[] = [];
  const open: { href: string | undefined; empty: boolean }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        for (const link of open) link.empty = false;
        if (name === 'a') open.push({ href: attributes['href'], empty: true });
      },
      ontext(text) {
        if (text.trim() !== '') for (const link of open) link.empty = false;
      },
      onclosetag(name) {
        if (name !== 'a') return;
        const link = open.pop();
        if (!link?.empty || link.href === undefined) return;
        const title = titleFor(link.href);
        if (title === undefined) {
          unresolved.push({ href: link.href, line: html.slice(0, parser.startIndex).split('\n').length });
        } else {
          inserts.push({ at: parser.startIndex, text: escapeHtml(title) });
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  let out = html;
  for (const insert of inserts.reverse()) out = out.slice(0, insert.at) + insert.text + out.slice(insert.at);
  return { html: out, unresolved };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
