/**
 * `markup-leak`: markup from another format, or Markdown that did not parse as meant, shows up
 * as raw characters on the rendered page. The 2025 rewrite shipped a `:doc:` role this way.
 *
 * Checks prose only (never code), from the source, so escaped characters (`\*`) stay legal:
 * - reStructuredText roles (`:ref:`, `:doc:` before a code span), directives (`.. note::`),
 *   link targets (`.. _name:`), links (`` `text <url>`__ ``) and substitutions (`|name|`);
 * - emphasis markers (`*`, `_`) left over because their other half is missing.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { eachOfType } from '../tree-nodes.ts';
import { anyWithin, OBJECT, offsetAt, proseBlocks, Within, type Prose } from '../prose.ts';
import { reportAt } from '../report.ts';

interface Leak {
  pattern: RegExp;
  /** The message, given the leaked text: what it is and how to fix it. */
  fix: (found: string) => string;
}

const LEAKS: Leak[] = [
  {
    // A role is `:name:` (or `:domain:name:`) right before a code span or a backtick.
    pattern: /(?<![\p{L}\p{N}:]):[a-z][a-z0-9-]*(?::[a-z][a-z0-9-]*)?:(?=\uFFFC|`)/gu,
    fix: (found) =>
      `"${found}" is a reStructuredText role and renders as raw text: write a Markdown link, [](/path/#heading), or plain words`,
  },
  {
    pattern: /^[ \t]*\.\.[ \t]+[a-z][\w-]*::/gmu,
    fix: (found) =>
      `"${found.trim()}" is a reStructuredText directive and renders as raw text: use <Aside type="note"> for notes, or plain Markdown`,
  },
  {
    pattern: /^[ \t]*\.\.[ \t]+_[\w -]+:/gmu,
    fix: (found) =>
      `"${found.trim()}" is a reStructuredText link target and renders as raw text: delete it (headings get ids of their own)`,
  },
  {
    pattern: /`[^`\n]+<[^`>\n]+>`_{1,2}/gu,
    fix: () => 'a reStructuredText link (`text <url>`__) renders as raw text: write [text](url)',
  },
  {
    pattern: /(?<![\p{L}\p{N}|\\])\|[A-Za-z][\w -]{0,40}\|(?![\p{L}\p{N}|])/gu,
    fix: (found) =>
      `"${found}" is a reStructuredText substitution and renders as raw text: write the word it stood for`,
  },
];

/** An unescaped run of emphasis markers. */
const MARKER_RUN = /(?<!\\)(?:\*+|_+)/g;

const markupLeak = lintRule<Root>({ origin: 'docs-lint:markup-leak' }, (tree, file) => {
  const source = String(file);
  for (const prose of proseBlocks(tree, source)) {
    const reported = new Set<number>();
    for (const leak of LEAKS) {
      for (const m of prose.text.matchAll(leak.pattern)) {
        const end = m.index + m[0].length;
        // The pattern may end at a code span's placeholder, but must start in text.
        if (anyWithin(prose, m.index, m.index + 1, Within.code)) continue;
        for (let i = m.index; i < end; i++) reported.add(i);
        reportAt(
          file,
          leak.fix(m[0].replaceAll(OBJECT, '`…`')),
          offsetAt(prose, m.index),
          offsetAt(prose, end),
        );
      }
    }
    reportStrayMarkers(prose, reported, (reason, start, end) =>
      reportAt(file, reason, offsetAt(prose, start), offsetAt(prose, end)),
    );
  }
  // A reStructuredText link parses as a code span (`text <url>`) followed by text (`__`).
  eachOfType(tree, 'inlineCode', (code, index, parent) => {
    const next = index === undefined ? undefined : parent?.children[index + 1];
    if (
      !/^[^<>]+<[^<>\s]+>$/.test(code.value) ||
      next?.type !== 'text' ||
      !next.value.startsWith('_')
    )
      return;
    if (code.position?.start.offset === undefined || next.position?.start.offset === undefined)
      return;
    reportAt(
      file,
      'a reStructuredText link (`text <url>`__) renders as raw text: write [text](url)',
      code.position.start.offset,
      next.position.start.offset + 2,
    );
  });
});

/**
 * Emphasis markers that survived parsing: a `*` or `_` run that touches a word on one side.
 * Parsed emphasis leaves no markers in text, so any such run lost its partner. Runs between
 * spaces (`2 * 3`) and underscores inside words (`max_connections`) are ordinary characters.
 */
function reportStrayMarkers(
  prose: Prose,
  skip: Set<number>,
  report: (reason: string, start: number, end: number) => void,
): void {
  for (const m of prose.text.matchAll(MARKER_RUN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (skip.has(start) || anyWithin(prose, start, end, Within.code)) continue;
    const before = prose.text[start - 1] ?? ' ';
    const after = prose.text[end] ?? ' ';
    const wordBefore = /[\p{L}\p{N}]/u.test(before);
    const wordAfter = /[\p{L}\p{N}]/u.test(after);
    if (/\s/.test(before) && /\s/.test(after)) continue;
    if (before === OBJECT || after === OBJECT) continue; // against a code span: `MM_`NAME reads as meant
    if (/:\/\/|^\//.test(tokenAround(prose.text, start))) continue; // part of a URL or path
    if (m[0].startsWith('_') && wordBefore && wordAfter) continue;
    if (!wordBefore && !wordAfter && !/[\p{P}]/u.test(before + after)) continue; // between symbols: `a *= b`
    report(
      `"${m[0]}" is an emphasis marker without its partner and shows as a raw character: close it (**bold**, *italic*), or escape it as \\${m[0][0]}`,
      start,
      end,
    );
  }
}

/** The run of non-space characters around `index`. */
function tokenAround(text: string, index: number): string {
  let start = index;
  let end = index;
  while (start > 0 && !/\s/.test(text[start - 1] ?? ' ')) start--;
  while (end < text.length && !/\s/.test(text[end] ?? ' ')) end++;
  return text.slice(start, end);
}

export default markupLeak;
