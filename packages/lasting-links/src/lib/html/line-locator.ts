/** A 1-based line and column in a text. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Turns string offsets into 1-based line and column, in any order. The text's line starts are
 * found once, on the first question, and each answer is a binary search among them: a page
 * written on few long lines (a sidebar of thousands of links) is never rescanned per link.
 */
export function lineLocator(text: string): (offset: number) => LineColumn {
  let starts: number[] | undefined;
  return (offset) => {
    starts ??= lineStarts(text);
    // The last line that starts at or before `offset`.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1))
    starts.push(newline + 1);
  return starts;
}
