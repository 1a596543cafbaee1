/** A 1-based line and column in a text. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Turns string offsets into 1-based line and column. Callers ask in increasing order during
 * one pass, so newlines are counted once, moving forward; an earlier offset restarts the
 * count rather than giving a wrong answer.
 */
export function lineLocator(text: string): (offset: number) => LineColumn {
  let scanned = 0;
  let line = 1;
  let lineStart = 0;
  return (offset) => {
    if (offset < scanned) {
      scanned = 0;
      line = 1;
      lineStart = 0;
    }
    let newline = text.indexOf('\n', scanned);
    while (newline !== -1 && newline < offset) {
      line += 1;
      lineStart = newline + 1;
      newline = text.indexOf('\n', lineStart);
    }
    scanned = offset;
    return { line, column: offset - lineStart + 1 };
  };
}
