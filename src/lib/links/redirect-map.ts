/**
 * Reads `content/redirects.yaml` into plain entries for the link checker.
 *
 * Kept apart on purpose: the site's redirect engine has its own, stricter reader; the link
 * checker only needs `from`, `to` and the line, so swapping this adapter for the engine's
 * parser touches this file alone.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml';

/** One line of the redirect map: `from` and `to` are site paths, each with an optional `#anchor`. */
export interface RedirectEntry {
  from: string;
  to: string;
  /** 1-based line of the entry in the map file. */
  line: number;
}

/**
 * Parses the redirect map text. Throws an error naming `fileName`, the line, what is wrong and
 * how to fix it, rather than skipping an entry (a skipped entry is a link that silently breaks).
 */
export function parseRedirectMap(text: string, fileName: string): RedirectEntry[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new Error(`${fileName}:${lineOf(error.pos[0])}: ${error.message}`);
  }
  if (document.contents === null) return [];
  if (!isSeq(document.contents)) {
    throw new Error(`${fileName}:1: the redirect map must be a YAML list of { from, to } entries.`);
  }
  const entries: RedirectEntry[] = [];
  for (const item of document.contents.items) {
    const line = lineOf((item as { range?: [number, number, number] }).range?.[0]);
    if (!isMap(item)) throw new Error(`${fileName}:${line}: each redirect must be a mapping with "from" and "to".`);
    const field = (name: string): string => {
      const node: unknown = item.get(name, true);
      const raw = isScalar(node) ? node.value : undefined;
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (value === '') {
        throw new Error(`${fileName}:${line}: redirect is missing "${name}" (a site path such as /a/b/ or /old.html#anchor).`);
      }
      return value;
    };
    entries.push({ from: field('from'), to: field('to'), line });
  }
  return entries;
}
