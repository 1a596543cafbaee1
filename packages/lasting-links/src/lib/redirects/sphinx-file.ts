/**
 * Reads a Sphinx redirect map file (a JSON object of old path to new URL) into its keys, each
 * with its line, for the importer. jsonc-parser gives the offsets that JSON.parse does not.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Problem } from '../problems/problem.ts';
import { lineLocator } from '../html/line-locator.ts';

/** A key of the Sphinx map with its value and its line in the file. */
export interface SphinxKey {
  key: string;
  value: string;
  line: number;
}

/**
 * The keys of a Sphinx map file with their lines. Anything but a JSON object of strings is a
 * problem naming the file and the line; nothing is skipped silently.
 */
export function readSphinxFile(text: string, file: string, problems: Problem[]): SphinxKey[] {
  const locate = lineLocator(text);
  const lineOf = (offset: number) => locate(offset).line;
  const error = (line: number, message: string, fix: string) =>
    problems.push({ severity: 'error', code: 'redirect-syntax', message, fix, at: { file, line } });
  const example =
    '{\n  "old/page.html": "https://docs.example.com/new/page.html",\n  "old/page.html#anchor": "https://docs.example.com/new/page.html#section"\n}';
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    // The first error: the ones after it are mostly its echo.
    for (const parseError of errors.slice(0, 1))
      error(
        lineOf(parseError.offset),
        `the Sphinx map is not valid JSON: ${printParseErrorCode(parseError.error)}`,
        `fix the JSON; the map is one object of old path to new URL:\n${example}`,
      );
    return [];
  }
  if (tree?.type !== 'object') {
    error(
      tree === undefined ? 1 : lineOf(tree.offset),
      'the Sphinx map must be a JSON object of old path to new URL',
      `write it as:\n${example}\n(from conf.py: python -c 'import json, conf; print(json.dumps(conf.redirects, indent=1))')`,
    );
    return [];
  }
  const keys: SphinxKey[] = [];
  const seen = new Map<string, number>();
  for (const property of tree.children ?? []) {
    const [name, value] = property.children ?? [];
    if (name === undefined || typeof name.value !== 'string') continue;
    const line = lineOf(name.offset);
    if (value?.type !== 'string' || typeof value.value !== 'string' || value.value.trim() === '') {
      error(
        line,
        `key "${name.value}": the new URL must be a non-empty string`,
        `write "${name.value}": "https://docs.example.com/new/page.html"`,
      );
      continue;
    }
    const first = seen.get(name.value);
    if (first !== undefined) {
      error(
        line,
        `key "${name.value}" appears twice (first on line ${first}); JSON keeps only the last`,
        'keep one of the two lines',
      );
      continue;
    }
    seen.set(name.value, line);
    keys.push({ key: name.value, value: value.value, line });
  }
  return keys;
}
