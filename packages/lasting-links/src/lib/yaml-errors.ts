/**
 * YAML errors where a person fixes them. The `yaml` parser reports an unclosed quote where the
 * text runs out (the end of the file), because everything after the quote is still the quoted
 * value; the place to fix is where the quote opens, which its syntax tree knows.
 */
import { Parser, type YAMLError } from 'yaml';

/** A parse error's offset in `text` and its first line, with an unclosed quote told where it opens. */
export function locateYamlError(
  text: string,
  error: YAMLError,
): { offset: number; message: string } {
  const fallback = { offset: error.pos[0], message: error.message.split('\n')[0] ?? '' };
  if (error.code !== 'MISSING_CHAR' || !/quote/.test(error.message)) return fallback;
  const opening = unclosedQuote(text);
  if (opening === undefined) return fallback;
  const quote = text[opening]!;
  const end = text.indexOf('\n', opening);
  const shown = text.slice(opening, end < 0 ? undefined : end).slice(0, 30);
  return {
    offset: opening,
    message: `the quoted value that starts here (${shown}…) is never closed; add the closing ${quote} where it ends`,
  };
}

/** The offset of the first quoted scalar that has no closing quote, if any. */
function unclosedQuote(text: string): number | undefined {
  let found: number | undefined;
  const visit = (token: unknown): void => {
    if (found !== undefined || token === null || typeof token !== 'object') return;
    const { type, source, offset } = token as { type?: string; source?: string; offset?: number };
    if (
      (type === 'double-quoted-scalar' || type === 'single-quoted-scalar') &&
      typeof source === 'string' &&
      typeof offset === 'number' &&
      !isClosed(source)
    ) {
      found = offset;
      return;
    }
    for (const value of Object.values(token)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === 'object') visit(value);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return found;
}

/** Whether a quoted scalar's source ends with its own closing quote. */
function isClosed(source: string): boolean {
  const quote = source[0];
  if (source.length < 2 || !source.endsWith(quote!)) return false;
  if (quote === "'") {
    // '' inside single quotes is an escaped quote: the count of trailing quotes must be odd.
    const trailing = /'+$/.exec(source.slice(1))![0].length;
    return trailing % 2 === 1;
  }
  // A backslash before the last quote escapes it, unless it is itself escaped.
  const backslashes = /\\*$/.exec(source.slice(1, -1))![0].length;
  return backslashes % 2 === 0;
}
