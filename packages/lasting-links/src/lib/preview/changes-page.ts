/**
 * The body of a preview's `/_changes/` page, rendered from a `ChangesReport`: the pages changed,
 * moved, added and removed (each linked into the preview), the text of each changed section
 * block by block (section-body-html.ts), each section linked to its version in the preview, on
 * the published site and in the base's preview when known; the addresses that moved, one row per
 * moved page; and the link check. The page itself is built by Astro with the site's layout and holds a placeholder
 * that `fillChangesPage` replaces, so the report looks like the rest of the site.
 */
import { escapeHtml } from '../html/escape.ts';
import { formatProblems, problemCounts } from '../problems/format-problems.ts';
import { displayLocation, displayTarget, targetHref } from '../redirects/locations.ts';
import type { Base, SitePath } from '../site-path.ts';
import { moveRows, type AnchorMove } from './anchor-moves.ts';
import type { PageChange, SectionChange } from './compare-sites.ts';
import type { ChangesReport } from './changes-report.ts';
import { publishedUrl } from './page-changes.ts';
import { count, sectionBody } from './section-body-html.ts';
import { previewBase, shortSha } from './settings.ts';

/** The element in the built page whose content the report replaces. */
const CHANGES_PLACEHOLDER = '<div data-changes-report>';

/**
 * The built page's HTML with the report in place of the placeholder's content. Throws when the
 * page has no placeholder (it was not built as a preview).
 */
export function fillChangesPage(pageHtml: string, reportHtml: string): string {
  const start = pageHtml.indexOf(CHANGES_PLACEHOLDER);
  const end = start < 0 ? -1 : pageHtml.indexOf('</div>', start);
  if (start < 0 || end < 0 || pageHtml.indexOf(CHANGES_PLACEHOLDER, start + 1) >= 0) {
    throw new Error(
      `the what-changed page has no single ${CHANGES_PLACEHOLDER} placeholder: build it as a preview`,
    );
  }
  return pageHtml.slice(0, start + CHANGES_PLACEHOLDER.length) + reportHtml + pageHtml.slice(end);
}

/** The id of a page's entry in the report's "Text, section by section". */
export function pageEntryId(number: number): string {
  return `page-${number}`;
}

/** Every page with an entry in "Text, section by section", in the report's order. */
export function pagesWithText(report: ChangesReport): PageChange[] {
  const changes = report.changes;
  if (changes === undefined) return [];
  return [
    ...changes.changed,
    ...changes.moved.filter((page) => page.textChanged),
    ...changes.added,
    ...changes.removed,
  ];
}

/** How the report writes links: into the preview, to the published site, into the base's preview. */
interface Links {
  base: Base;
  preview(path: SitePath, fragment: string | null, html: string): string;
  published(path: SitePath, fragment: string | null): string | null;
  basePreview(path: SitePath, fragment: string | null): string | null;
  title(path: SitePath): string;
}

/** The report as HTML, with every link under the preview's base. */
export function renderChangesReport(report: ChangesReport, mapFile: string): string {
  const base = previewBase(report.preview.pr);
  const changes = report.changes;
  const titles = new Map<string, string>();
  for (const page of changes === undefined ? [] : pagesWithText(report).concat(changes.moved)) {
    titles.set(page.path, page.title);
    if (page.before !== undefined) titles.set(page.before.path, page.before.title);
  }
  const baseUrl = report.base.kind === 'compared' ? report.base.url : undefined;
  const links: Links = {
    base,
    preview: (path, fragment, html) =>
      `<a href="${escapeHtml(targetHref({ kind: 'site', path, fragment }, base))}">${html}</a>`,
    published: (path, fragment) => publishedUrl(report.preview.productionSite, path, fragment),
    basePreview: (path, fragment) =>
      baseUrl === undefined
        ? null
        : new URL(
            targetHref({ kind: 'site', path, fragment }, '/' as Base).slice(1),
            withSlash(baseUrl),
          ).href,
    title: (path) => titles.get(path) ?? path,
  };
  const out: string[] = [];
  if (report.base.kind === 'none' || changes === undefined) {
    out.push(
      `<p>Nothing to compare with: ${escapeHtml(report.base.kind === 'none' ? report.base.reason : 'no base')}</p>`,
    );
  } else {
    out.push(
      `<p>Compared with <code>${escapeHtml(report.base.ref)}</code>${report.base.sha === undefined ? '' : ` at <code>${escapeHtml(shortSha(report.base.sha))}</code>`}: ` +
        `${changes.changed.length} changed, ${changes.moved.length} moved, ${changes.added.length} added, ${changes.removed.length} removed, ` +
        `${changes.unchanged} unchanged ${changes.unchanged === 1 ? 'page' : 'pages'}.</p>`,
    );
    const withText = pagesWithText(report);
    const entry = (page: PageChange) => {
      const at = withText.indexOf(page);
      return at < 0 ? undefined : pageEntryId(at + 1);
    };
    out.push('<h2 id="pages">Pages</h2>');
    const items = [
      ...changes.changed.map(
        (page) =>
          `<li>${links.preview(page.path, null, escapeHtml(page.title))} <code>${escapeHtml(page.path)}</code>: changed, ` +
          `<a href="#${entry(page)}">${count(page.sections.length, 'section')}</a></li>`,
      ),
      ...changes.moved.map((page) => {
        const from = `moved from <code>${escapeHtml(page.before!.path)}</code>`;
        const text = page.textChanged
          ? `, <a href="#${entry(page)}">${count(page.sections.length, 'section')} changed</a>`
          : '; text unchanged';
        return `<li>${links.preview(page.path, null, escapeHtml(page.title))} <code>${escapeHtml(page.path)}</code>: ${from}${text}</li>`;
      }),
      ...changes.added.map(
        (page) =>
          `<li>${links.preview(page.path, null, escapeHtml(page.title))} <code>${escapeHtml(page.path)}</code>: <a href="#${entry(page)}">added</a></li>`,
      ),
      ...changes.removed.map(
        (page) =>
          `<li>${escapeHtml(page.title)} <code>${escapeHtml(page.path)}</code>: <a href="#${entry(page)}">removed</a>${movedTo(page.path, report.moves, base)}</li>`,
      ),
    ];
    out.push(items.length === 0 ? '<p>No page changed.</p>' : `<ul>${items.join('')}</ul>`);
    if (withText.length > 0) {
      out.push('<h2 id="text">Text, section by section</h2>');
      withText.forEach((page, index) => out.push(pageDiff(page, pageEntryId(index + 1), links)));
    }
    out.push('<h2 id="addresses">Moved and renamed addresses</h2>');
    out.push(movesList(report.moves, mapFile, base));
  }
  out.push('<h2 id="links">Link check</h2>');
  out.push(linkCheck(report));
  return out.join('\n');
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function movedTo(path: SitePath, moves: readonly AnchorMove[], base: Base): string {
  const move = moves.find((candidate) => candidate.from.path === path && !candidate.from.fragment);
  if (move?.to === undefined) return ', and its address now answers 404';
  return `; its address now leads to <a href="${escapeHtml(targetHref(move.to, base))}">${escapeHtml(displayTarget(move.to))}</a>`;
}

function pageDiff(page: PageChange, id: string, links: Links): string {
  const title =
    page.kind === 'removed'
      ? escapeHtml(page.title)
      : links.preview(page.path, null, escapeHtml(page.title));
  const note =
    page.kind === 'moved'
      ? ` <span class="change-tag">moved from <code>${escapeHtml(page.before!.path)}</code></span>`
      : page.kind === 'added'
        ? ' <span class="change-tag">new page</span>'
        : page.kind === 'removed'
          ? ' <span class="change-tag">removed page</span>'
          : '';
  const basePath = page.kind === 'removed' ? page.path : (page.before?.path ?? page.path);
  const sections = page.sections.map((section) => sectionDiff(page, basePath, section, links));
  return (
    `<article class="page-diff" id="${id}"><h3>${title} <code>${escapeHtml(page.path)}</code>${note}</h3>\n` +
    `${sections.join('\n')}</article>`
  );
}

function sectionDiff(
  page: PageChange,
  basePath: SitePath,
  section: SectionChange,
  links: Links,
): string {
  const name = section.heading === '' ? 'Text before the first heading' : section.heading;
  const inPreview =
    section.kind !== 'removed' && section.kind !== 'moved-away' && page.kind !== 'removed';
  const title = inPreview
    ? links.preview(page.path, section.id || null, escapeHtml(name))
    : escapeHtml(name);
  // The section's old self: where readers find it on the published site and in the base's preview.
  const old =
    section.kind === 'changed'
      ? { path: section.before.path, id: section.before.id }
      : section.kind === 'added'
        ? undefined
        : { path: basePath, id: section.id };
  return (
    `<section class="section-diff"><h4>${title} ${sectionNote(basePath, section, links)}</h4>\n` +
    sectionLinks(name, old, links) +
    sectionBody(section) +
    '</section>'
  );
}

function sectionNote(basePath: SitePath, section: SectionChange, links: Links): string {
  const tag = (html: string) => (html === '' ? '' : `<span class="change-tag">${html}</span>`);
  switch (section.kind) {
    case 'added':
      return tag('new section');
    case 'removed':
      return tag(
        section.movedTo === undefined
          ? 'section removed'
          : `section removed; its address now leads to <a href="${escapeHtml(targetHref(section.movedTo, links.base))}">${escapeHtml(displayTarget(section.movedTo))}</a>`,
      );
    case 'moved-away':
      return tag(
        `moved to ${links.preview(section.movedTo.path, section.movedTo.id || null, `${escapeHtml(links.title(section.movedTo.path))} › ${escapeHtml(section.movedTo.heading)}`)}`,
      );
    case 'changed': {
      const notes: string[] = [];
      const before = section.before;
      if (before.path !== basePath) {
        notes.push(
          `moved from <code>${escapeHtml(displayLocation({ path: before.path, fragment: before.id || null }))}</code> (${escapeHtml(links.title(before.path))} › ${escapeHtml(before.heading)})`,
        );
      } else {
        if (before.heading !== section.heading) notes.push(`was “${escapeHtml(before.heading)}”`);
        if (before.id !== section.id)
          notes.push(`anchor was <code>#${escapeHtml(before.id)}</code>`);
      }
      if (!section.textChanged) notes.push('text unchanged');
      return tag(notes.join('; '));
    }
  }
}

function sectionLinks(
  name: string,
  old: { path: SitePath; id: string } | undefined,
  links: Links,
): string {
  if (old === undefined) return '';
  const fragment = old.id === '' ? null : old.id;
  const about = `<span class="sr-only"> version of “${escapeHtml(name)}”</span>`;
  const found = [
    ['published', links.published(old.path, fragment)],
    ['base preview', links.basePreview(old.path, fragment)],
  ].filter((entry): entry is [string, string] => entry[1] !== null);
  if (found.length === 0) return '';
  return `<p class="section-links">Before: ${found.map(([what, url]) => `<a href="${escapeHtml(url)}">${what}${about}</a>`).join(' · ')}</p>\n`;
}

function movesList(moves: readonly AnchorMove[], mapFile: string, base: Base): string {
  if (moves.length === 0)
    return '<p>Every page and heading anchor of the base is where it was.</p>';
  const to = (move: AnchorMove) =>
    move.to === undefined
      ? '<strong>nowhere: this address breaks</strong>'
      : `<a href="${escapeHtml(targetHref(move.to, base))}"><code>${escapeHtml(displayTarget(move.to))}</code></a>`;
  const entries = (move: AnchorMove, except: readonly number[] = []) => {
    const own = move.entries.filter((entry) => !except.includes(entry.line));
    return own.length === 0
      ? ''
      : ` <span class="map-entries">(${own.map((entry) => `<code>${escapeHtml(mapFile)}:${entry.line}</code>`).join(', ')})</span>`;
  };
  const rows = moveRows(moves).map(({ move, anchors }) => {
    const head = `<code>${escapeHtml(displayLocation(move.from))}</code> → ${to(move)}${move.entries.length === 0 ? ' <span class="map-entries">(no redirect entry)</span>' : entries(move)}`;
    if (anchors.length === 0) return `<li>${head}</li>`;
    const pageLines = move.entries.map((entry) => entry.line);
    const newPage = move.to?.kind === 'site' ? move.to.path : undefined;
    // An anchor that went with its page is named by its fragment alone on both sides.
    const toAnchor = (anchor: AnchorMove) =>
      anchor.to?.kind === 'site' && anchor.to.path === newPage && anchor.to.fragment !== null
        ? `<a href="${escapeHtml(targetHref(anchor.to, base))}"><code>#${escapeHtml(anchor.to.fragment)}</code></a>`
        : to(anchor);
    const items = anchors.map(
      (anchor) =>
        `<li><code>#${escapeHtml(anchor.from.fragment ?? '')}</code> → ${toAnchor(anchor)}${entries(anchor, pageLines)}</li>`,
    );
    return `<li>${head}<details class="fold"><summary>and its ${count(anchors.length, 'anchor')}</summary><ul>${items.join('')}</ul></details></li>`;
  });
  return `<ul class="moves">${rows.join('')}</ul>`;
}

function linkCheck(report: ChangesReport): string {
  if (report.linkProblems.length === 0)
    return '<p>Every internal link and anchor resolves: no errors, no warnings.</p>';
  return (
    `<p>${escapeHtml(problemCounts(report.linkProblems))}.</p>\n` +
    `<pre class="link-problems" tabindex="0">${escapeHtml(formatProblems(report.linkProblems, 'human'))}</pre>`
  );
}
