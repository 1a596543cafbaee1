/**
 * The what-changed report in short, for the pull request comment and the CI job summary: a JSON
 * summary written beside the page (`_changes/summary.json`), and the Markdown made from it.
 *
 * The comment is posted by a privileged job from the summary of a build it did not make (a fork's
 * pull request builds without secrets), so the summary is parsed field by field, and the
 * Markdown builds every link itself, under the preview's own URL. Every text the pull request
 * wrote (titles, headings, paths, the base and its reason) goes in a code span, where GitHub makes
 * no link, autolink, @mention or emphasis; the pull request's number, commit and time come from
 * the publisher (`CommentIdentity`), never from the summary.
 */
import { displayLocation, displayTarget, encodeFragment } from '../redirects/locations.ts';
import { moveRows } from './anchor-moves.ts';
import { parsePullRequest, parseSha } from './options.ts';
import type { ChangesReport } from './changes-report.ts';
import { formatBuildTime, shortSha } from './settings.ts';

/** A page in the summary. */
interface SummaryPage {
  path: string;
  title: string;
  change: 'changed' | 'moved' | 'added' | 'removed';
  /** A moved page's path in the base. */
  from?: string;
  /** Headings of the changed sections. */
  sections: string[];
}

/** An address of the base that moved: a page (with the anchors that went with it) or an anchor. */
interface SummaryMove {
  from: string;
  /** Where it lands, as written in the map (`/b/#y` or an https URL); null when it breaks. */
  to: string | null;
  /** Lines of the redirect map entries that carry it. */
  lines: number[];
  /** For a moved page, how many of its anchors moved with it. */
  anchors: number;
}

/** The short form of a `ChangesReport`. */
export interface ChangesSummary {
  pr: number;
  sha: string;
  builtAt: string;
  base: { ref: string; sha: string | undefined } | { reason: string };
  pages: SummaryPage[];
  unchanged: number;
  moves: SummaryMove[];
  links: { errors: number; warnings: number };
}

/** The summary of a report. */
export function summarizeChanges(report: ChangesReport): ChangesSummary {
  const changes = report.changes;
  const errors = report.linkProblems.filter((problem) => problem.severity === 'error').length;
  return {
    pr: report.preview.pr,
    sha: report.preview.sha,
    builtAt: report.preview.builtAt,
    base:
      report.base.kind === 'compared'
        ? { ref: report.base.ref, sha: report.base.sha }
        : { reason: report.base.reason },
    pages: [
      ...(changes?.changed ?? []).map((page) => ({
        path: page.path,
        title: page.title,
        change: 'changed' as const,
        sections: page.sections.map((section) => section.heading || page.title),
      })),
      ...(changes?.moved ?? []).map((page) => ({
        path: page.path,
        title: page.title,
        change: 'moved' as const,
        from: page.before!.path,
        sections: page.sections.map((section) => section.heading || page.title),
      })),
      ...(changes?.added ?? []).map((page) => ({
        path: page.path,
        title: page.title,
        change: 'added' as const,
        sections: [],
      })),
      ...(changes?.removed ?? []).map((page) => ({
        path: page.path,
        title: page.title,
        change: 'removed' as const,
        sections: [],
      })),
    ],
    unchanged: changes?.unchanged ?? 0,
    moves: moveRows(report.moves).map(({ move, anchors }) => ({
      from: displayLocation(move.from),
      to: move.to === undefined ? null : displayTarget(move.to),
      lines: move.entries.map((entry) => entry.line),
      anchors: anchors.length,
    })),
    links: { errors, warnings: report.linkProblems.length - errors },
  };
}

/**
 * A site path as the summary may hold one: from the root, no empty or dot segments (`//host`,
 * `/../`), nothing Markdown or a URL would reinterpret.
 */
const SUMMARY_PATH = /^(?!.*\/\/)\/(?!.*(^|\/)\.\.?(\/|#|$))[^\s`|<>\\]*$/;

/** Reads a summary back, checking every field; throws an error naming `where` and the field. */
export function parseChangesSummary(text: string, where: string): ChangesSummary {
  const fail = (what: string): never => {
    throw new Error(`${where}: ${what}; rebuild the preview`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message})`);
  }
  const record = (value: unknown, field: string): Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : fail(`${field} is not an object`);
  const string = (value: unknown, field: string): string =>
    typeof value === 'string' && value.length <= 500 ? value : fail(`${field} is not a string`);
  const count = (value: unknown, field: string): number =>
    Number.isInteger(value) && (value as number) >= 0
      ? (value as number)
      : fail(`${field} is not a count`);
  const path = (value: unknown, field: string): string => {
    const text = string(value, field);
    return SUMMARY_PATH.test(text)
      ? text
      : fail(`${field} ${JSON.stringify(text)} is not a site path`);
  };
  const list = (value: unknown, field: string): unknown[] =>
    Array.isArray(value) ? value : fail(`${field} is not a list`);

  const root = record(data, 'the summary');
  let pr: number;
  let sha: string;
  try {
    pr = parsePullRequest(typeof root['pr'] === 'number' ? String(root['pr']) : undefined);
    sha = parseSha(string(root['sha'], 'sha'));
  } catch (error) {
    return fail((error as Error).message.replace(/^--/, ''));
  }
  const base = record(root['base'], 'base');
  const links = record(root['links'], 'links');
  return {
    pr,
    sha,
    builtAt: string(root['builtAt'], 'builtAt'),
    base:
      'reason' in base
        ? { reason: string(base['reason'], 'base.reason') }
        : {
            ref: string(base['ref'], 'base.ref'),
            sha: base['sha'] === undefined ? undefined : parseSha(string(base['sha'], 'base.sha')),
          },
    pages: list(root['pages'], 'pages').map((item, at) => {
      const page = record(item, `pages[${at}]`);
      const change = page['change'];
      if (change !== 'changed' && change !== 'moved' && change !== 'added' && change !== 'removed')
        return fail(`pages[${at}].change is not changed, moved, added or removed`);
      return {
        path: path(page['path'], `pages[${at}].path`),
        title: string(page['title'], `pages[${at}].title`),
        change,
        ...(change === 'moved' ? { from: path(page['from'], `pages[${at}].from`) } : {}),
        sections: list(page['sections'], `pages[${at}].sections`).map((heading, n) =>
          string(heading, `pages[${at}].sections[${n}]`),
        ),
      };
    }),
    unchanged: count(root['unchanged'], 'unchanged'),
    moves: list(root['moves'], 'moves').map((item, at) => {
      const move = record(item, `moves[${at}]`);
      const to = move['to'];
      return {
        from: path(move['from'], `moves[${at}].from`),
        to: to === null ? null : string(to, `moves[${at}].to`),
        lines: list(move['lines'], `moves[${at}].lines`).map((line, n) =>
          count(line, `moves[${at}].lines[${n}]`),
        ),
        // A summary from before anchors were grouped under their page has none.
        anchors: move['anchors'] === undefined ? 0 : count(move['anchors'], `moves[${at}].anchors`),
      };
    }),
    links: {
      errors: count(links['errors'], 'links.errors'),
      warnings: count(links['warnings'], 'links.warnings'),
    },
  };
}

/**
 * What the comment says the preview is: the pull request and commit the workflow verified with
 * GitHub, and the time of the build or publish that wrote the comment.
 */
export interface CommentIdentity {
  pr: number;
  sha: string;
  /** An ISO time stamp of this machine's clock. */
  at: string;
  event: 'built' | 'published';
}

/** Rows shown per table in the comment; the rest are on the what-changed page. */
const MAX_ROWS = 40;

/**
 * The summary as Markdown. `previewUrl` is where the preview is served, ending in `/`: an
 * absolute URL for a comment, or a path such as `/pr-12/` when no host URL is known.
 */
export function changesMarkdown(
  summary: ChangesSummary,
  previewUrl: string,
  mapFile: string,
  identity: CommentIdentity,
): string {
  const url = (location: string) => previewUrl + hrefWithinPreview(location);
  const changesUrl = `${previewUrl}_changes/`;
  const lines = [
    `### Preview of #${identity.pr} at \`${shortSha(parseSha(identity.sha))}\``,
    '',
    `**[Open the preview](${previewUrl})** · [What changed](${changesUrl}) · ${identity.event} ${formatBuildTime(identity.at)}`,
    '',
  ];
  if ('reason' in summary.base) {
    lines.push(`Not compared with a base: ${codeSpan(summary.base.reason)}`, '');
  } else {
    const counted = (change: SummaryPage['change']) =>
      summary.pages.filter((page) => page.change === change).length;
    lines.push(
      `Compared with ${codeSpan(summary.base.ref)}${summary.base.sha === undefined ? '' : ` at \`${shortSha(summary.base.sha)}\``}: ` +
        `${counted('changed')} changed, ${counted('moved')} moved, ${counted('added')} added, ${counted('removed')} removed, ${summary.unchanged} unchanged.`,
      '',
    );
    if (summary.pages.length > 0) {
      lines.push('| Page | Change |', '| --- | --- |');
      for (const page of summary.pages.slice(0, MAX_ROWS)) {
        const title = codeSpan(page.title);
        const name = page.change === 'removed' ? title : `[${title}](${url(page.path)})`;
        const sections = page.sections.map(codeSpan).join(', ');
        const what =
          page.change === 'changed'
            ? `changed: ${sections}`
            : page.change === 'moved'
              ? `moved from ${codeSpan(page.from ?? '')}${sections === '' ? '; text unchanged' : `, changed: ${sections}`}`
              : page.change;
        lines.push(`| ${name} ${codeSpan(page.path)} | ${what} |`);
      }
      lines.push(...more(summary.pages.length, changesUrl), '');
    }
    if (summary.moves.length > 0) {
      lines.push(
        `**Moved and renamed addresses** (${summary.moves.length})`,
        '',
        `| Address in the base | Lands on now | Entries in ${codeSpan(mapFile)} |`,
        '| --- | --- | --- |',
      );
      for (const move of summary.moves.slice(0, MAX_ROWS)) {
        const to =
          move.to === null
            ? '**breaks**'
            : SUMMARY_PATH.test(move.to)
              ? `[${codeSpan(move.to)}](${url(move.to)})`
              : codeSpan(move.to);
        const entries = move.lines.length === 0 ? 'none' : `line ${move.lines.join(', ')}`;
        const anchors =
          move.anchors === 0
            ? ''
            : ` and its ${move.anchors} ${move.anchors === 1 ? 'anchor' : 'anchors'}`;
        lines.push(`| ${codeSpan(move.from)}${anchors} | ${to} | ${entries} |`);
      }
      lines.push(...more(summary.moves.length, `${changesUrl}#addresses`), '');
    }
  }
  const { errors, warnings } = summary.links;
  lines.push(
    errors + warnings === 0
      ? '**Link check:** every internal link and anchor resolves.'
      : `**Link check:** ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} ([details](${changesUrl}#links)).`,
  );
  return lines.join('\n') + '\n';
}

function more(total: number, where: string): string[] {
  return total > MAX_ROWS
    ? ['', `…and ${total - MAX_ROWS} more [on the what-changed page](${where}).`]
    : [];
}

/**
 * `/a/b/#x y` as a URL relative to the preview's root: `a/b/#x%20y`. Parentheses, brackets and
 * the like are percent-encoded too, so a path cannot end the link's destination early.
 */
function hrefWithinPreview(location: string): string {
  const hashAt = location.indexOf('#');
  const path = hashAt < 0 ? location : location.slice(0, hashAt);
  const fragment = hashAt < 0 ? null : location.slice(hashAt + 1);
  const destination =
    encodeURI(path.slice(1)) + (fragment === null ? '' : `#${encodeFragment(fragment)}`);
  return destination.replace(
    /[()[\]<>'*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Text as a code span, shown exactly as written: GitHub makes no link, autolink, @mention,
 * emphasis or HTML inside one. Backticks (which would end it) and pipes (which would end a table
 * cell) are left out, and white space is one space.
 */
function codeSpan(text: string): string {
  const inner = text.replace(/[`|]/g, '').replace(/\s+/g, ' ').trim();
  return inner === '' ? '(empty)' : `\`${inner}\``;
}
