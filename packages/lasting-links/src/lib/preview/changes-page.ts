/**
 * The body of a preview's `/_changes/` page, rendered from a `ChangesReport`: the pages added,
 * removed and changed (each linked into the preview), the text of each changed section as a
 * word diff, the addresses that moved with the redirect entries that carry them, and the link
 * check. The page itself is built by Astro with the site's layout and holds a placeholder that
 * `fillChangesPage` replaces, so the report looks like the rest of the site.
 */
import { escapeHtml } from '../html/escape.ts';
import { formatProblems, problemCounts } from '../problems/format-problems.ts';
import { displayLocation, displayTarget, targetHref } from '../redirects/locations.ts';
import type { Base, SitePath } from '../site-path.ts';
import type { AnchorMove } from './anchor-moves.ts';
import type { PageChange, SectionChange } from './compare-sites.ts';
import type { ChangesReport } from './changes-report.ts';
import { previewBase, shortSha } from './settings.ts';
import type { DiffPart } from './word-diff.ts';

/** The element in the built page whose content the report replaces. */
const CHANGES_PLACEHOLDER = '<div data-changes-report>';

/** Longest text shown for a whole added or removed section; the rest is summarised. */
const WHOLE_SECTION_LIMIT = 1200;

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

/** The report as HTML, with every link under the preview's base. */
export function renderChangesReport(report: ChangesReport, mapFile: string): string {
  const base = previewBase(report.preview.pr);
  const link = (path: SitePath, fragment: string | null, text: string) =>
    `<a href="${escapeHtml(targetHref({ kind: 'site', path, fragment }, base))}">${text}</a>`;
  const out: string[] = [];
  if (report.base.kind === 'none') {
    out.push(`<p>Nothing to compare with: ${escapeHtml(report.base.reason)}</p>`);
  } else {
    const changes = report.changes!;
    out.push(
      `<p>Compared with <code>${escapeHtml(report.base.ref)}</code>${report.base.sha === undefined ? '' : ` at <code>${escapeHtml(shortSha(report.base.sha))}</code>`}: ` +
        `${changes.changed.length} changed, ${changes.added.length} added, ${changes.removed.length} removed, ` +
        `${changes.unchanged} unchanged ${changes.unchanged === 1 ? 'page' : 'pages'}.</p>`,
    );
    out.push('<h2 id="pages">Pages</h2>');
    const items = [
      ...changes.changed.map(
        (page, index) =>
          `<li>${link(page.path, null, escapeHtml(page.title))} <code>${escapeHtml(page.path)}</code>: changed, ` +
          `<a href="#page-${index + 1}">${page.sections.length} ${page.sections.length === 1 ? 'section' : 'sections'}</a></li>`,
      ),
      ...changes.added.map(
        (page) =>
          `<li>${link(page.path, null, escapeHtml(page.title))} <code>${escapeHtml(page.path)}</code>: added</li>`,
      ),
      ...changes.removed.map(
        (page) =>
          `<li>${escapeHtml(page.title)} <code>${escapeHtml(page.path)}</code>: removed${movedTo(page.path, report.moves, base)}</li>`,
      ),
    ];
    out.push(items.length === 0 ? '<p>No page changed.</p>' : `<ul>${items.join('')}</ul>`);
    if (changes.changed.length > 0) {
      out.push('<h2 id="text">Text, section by section</h2>');
      changes.changed.forEach((page, index) => out.push(pageDiff(page, index + 1, link)));
    }
    out.push('<h2 id="addresses">Moved and renamed addresses</h2>');
    out.push(movesTable(report.moves, mapFile, base));
  }
  out.push('<h2 id="links">Link check</h2>');
  out.push(linkCheck(report));
  return out.join('\n');
}

function movedTo(path: SitePath, moves: readonly AnchorMove[], base: Base): string {
  const move = moves.find((candidate) => candidate.from.path === path && !candidate.from.fragment);
  if (move?.to === undefined) return ', and its address now answers 404';
  return `; its address now leads to <a href="${escapeHtml(targetHref(move.to, base))}">${escapeHtml(displayTarget(move.to))}</a>`;
}

function pageDiff(
  page: PageChange,
  number: number,
  link: (path: SitePath, fragment: string | null, text: string) => string,
): string {
  const sections = page.sections.map((section) => {
    const title =
      section.kind === 'removed'
        ? escapeHtml(section.heading)
        : link(page.path, section.id, escapeHtml(section.heading));
    return `<section class="section-diff"><h4>${title} ${sectionNote(section)}</h4>\n${sectionBody(section)}</section>`;
  });
  return (
    `<article class="page-diff" id="page-${number}"><h3>${link(page.path, null, escapeHtml(page.title))} <code>${escapeHtml(page.path)}</code></h3>\n` +
    `${sections.join('\n')}</article>`
  );
}

function sectionNote(section: SectionChange): string {
  if (section.kind !== 'changed')
    return `<span class="change-tag">${section.kind === 'added' ? 'new section' : 'section removed'}</span>`;
  if (section.before === undefined) return '';
  const renamed = section.before.heading !== section.heading;
  return `<span class="change-tag">${renamed ? `was “${escapeHtml(section.before.heading)}”` : ''}${
    section.before.id !== section.id
      ? `${renamed ? ', ' : ''}anchor was <code>#${escapeHtml(section.before.id)}</code>`
      : ''
  }</span>`;
}

function sectionBody(section: SectionChange): string {
  if (section.kind === 'changed') return `<p class="diff">${diffHtml(section.diff)}</p>`;
  const tag = section.kind === 'added' ? 'ins' : 'del';
  const text =
    section.text.length > WHOLE_SECTION_LIMIT
      ? `${section.text.slice(0, WHOLE_SECTION_LIMIT)}…`
      : section.text;
  return text === '' ? '' : `<p class="diff"><${tag}>${escapeHtml(text)}</${tag}></p>`;
}

/** A word diff as inline HTML: `<del>` and `<ins>`, elided runs as a muted note. */
export function diffHtml(parts: readonly DiffPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'elided')
        return ` <span class="elided">[… ${part.words} unchanged words …]</span> `;
      const text = escapeHtml(part.text);
      return part.kind === 'same'
        ? text
        : `<${part.kind === 'added' ? 'ins' : 'del'}>${text}</${part.kind === 'added' ? 'ins' : 'del'}>`;
    })
    .join('');
}

function movesTable(moves: readonly AnchorMove[], mapFile: string, base: Base): string {
  if (moves.length === 0)
    return '<p>Every page and heading anchor of the base is where it was.</p>';
  const rows = moves.map((move) => {
    const to =
      move.to === undefined
        ? '<strong>nowhere: this address breaks</strong>'
        : `<a href="${escapeHtml(targetHref(move.to, base))}">${escapeHtml(displayTarget(move.to))}</a>`;
    const entries =
      move.entries.length === 0
        ? 'none'
        : move.entries
            .map(
              (entry) =>
                `<code>${escapeHtml(mapFile)}:${entry.line}</code> ${escapeHtml(displayLocation(entry.from))} → ${escapeHtml(displayTarget(entry.to))}`,
            )
            .join('<br>');
    return `<tr><td><code>${escapeHtml(displayLocation(move.from))}</code></td><td>${to}</td><td>${entries}</td></tr>`;
  });
  return `<table><thead><tr><th scope="col">Address in the base</th><th scope="col">Lands on now</th><th scope="col">Redirect entries</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function linkCheck(report: ChangesReport): string {
  if (report.linkProblems.length === 0)
    return '<p>Every internal link and anchor resolves: no errors, no warnings.</p>';
  return (
    `<p>${escapeHtml(problemCounts(report.linkProblems))}.</p>\n` +
    `<pre class="link-problems">${escapeHtml(formatProblems(report.linkProblems, 'human'))}</pre>`
  );
}
