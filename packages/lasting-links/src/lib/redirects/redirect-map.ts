/**
 * Reads the redirect map (`content/redirects.yaml`): a YAML list of `{ from, to, note? }`.
 * Every entry keeps its line, so every later finding (a missing target, a cycle, an
 * ambiguity) can point at the exact line a reviewer must change.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Problem } from '../problems/problem.ts';
import { locateYamlError } from '../yaml-errors.ts';
import {
  parseSiteLocation,
  parseTarget,
  type RedirectTarget,
  type SiteLocation,
} from './locations.ts';

/** One validated entry of the map. */
export interface RedirectEntry {
  from: SiteLocation;
  to: RedirectTarget;
  note?: string;
  /** 1-based line of the entry's first key in the map file. */
  line: number;
  /** Position of the entry in the map's list, for tools that edit the file. */
  index: number;
}

/** What a parse yields: the well-formed entries, and a problem for each one that is not. */
export interface ParsedRedirectMap {
  entries: RedirectEntry[];
  problems: Problem[];
}

const KNOWN_FIELDS = new Set(['from', 'to', 'note']);

const EXAMPLE = '- from: /old/page.html#old-anchor\n  to: /new/page/#new-anchor';

/**
 * Parses the map's text. Nothing is skipped silently: a malformed entry becomes an error
 * naming `file`, its line, what is wrong and how to write it.
 */
export function parseRedirectMap(
  text: string,
  file: string,
  allowedHosts: readonly string[],
): ParsedRedirectMap {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const lineOf = (node: unknown) => lineAt((node as Node | null)?.range?.[0]);
  const problems: Problem[] = [];
  const error = (line: number, message: string, fix: string) =>
    problems.push({ severity: 'error', code: 'redirect-syntax', message, fix, at: { file, line } });

  for (const yamlError of document.errors) {
    const located = locateYamlError(text, yamlError);
    error(
      lineAt(located.offset),
      `the file is not valid YAML: ${located.message}`,
      `fix the YAML syntax; each entry looks like:\n${EXAMPLE}`,
    );
  }
  if (document.errors.length > 0) return { entries: [], problems };
  if (
    document.contents === null ||
    (isScalar(document.contents) && document.contents.value === null)
  ) {
    return { entries: [], problems };
  }
  if (!isSeq(document.contents)) {
    error(
      lineOf(document.contents),
      'the redirect map must be a YAML list',
      `write one list item per redirect:\n${EXAMPLE}`,
    );
    return { entries: [], problems };
  }

  const entries: RedirectEntry[] = [];
  for (const [index, item] of document.contents.items.entries()) {
    const line = lineOf(item);
    if (!isMap(item)) {
      error(
        line,
        'this list item is not a mapping with "from" and "to"',
        `write it as:\n${EXAMPLE}`,
      );
      continue;
    }
    let broken = false;
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (!KNOWN_FIELDS.has(key)) {
        error(lineOf(pair.key), `unknown field "${key}"`, 'use only "from", "to" and "note"');
        broken = true;
      }
    }
    const field = (
      name: string,
      required: boolean,
    ): { value: string; line: number } | undefined => {
      const node = item.get(name, true);
      if (node === undefined) {
        if (required) {
          error(line, `the entry has no "${name}"`, `give every entry both ends:\n${EXAMPLE}`);
          broken = true;
        }
        return undefined;
      }
      const value: unknown = isScalar(node) ? node.value : undefined;
      if (typeof value !== 'string' || value.trim() === '') {
        error(
          lineOf(node),
          `"${name}" must be a non-empty string`,
          `write a site path such as /a/b/ or /old.html#anchor`,
        );
        broken = true;
        return undefined;
      }
      return { value: value.trim(), line: lineOf(node) };
    };
    const from = field('from', true);
    const to = field('to', true);
    const note = field('note', false);
    if (from === undefined || to === undefined || broken) continue;

    const source = parseSiteLocation(from.value);
    if (!source.ok)
      error(
        from.line,
        `from: ${source.reason}`,
        'write "from" as a site path, optionally with #anchor',
      );
    const target = parseTarget(to.value, allowedHosts);
    if (!target.ok)
      error(
        to.line,
        `to: ${target.reason}`,
        'write "to" as a site path, optionally with #anchor, or an allowed https:// URL',
      );
    if (!source.ok || !target.ok) continue;
    entries.push({
      from: source.value,
      to: target.value,
      line,
      index,
      ...(note === undefined ? {} : { note: note.value }),
    });
  }
  return { entries, problems };
}
