/**
 * The drawing size of an SVG file, from its root element: `width` and `height` when both are
 * plain numbers (or `px`), else the `viewBox`. Pages give a lazy diagram these as its `width`
 * and `height`, so the browser keeps its space before the file arrives and nothing below it
 * moves when it does.
 */
import { Parser } from 'htmlparser2';

export interface SvgSize {
  width: number;
  height: number;
}

const pixels = (value: string | undefined) => {
  const match = /^\s*(\d+(?:\.\d+)?)(?:px)?\s*$/.exec(value ?? '');
  return match === null ? undefined : Number(match[1]);
};

/** The size of the SVG in `text`, or undefined when its root element gives none. */
export function svgSize(text: string): SvgSize | undefined {
  let size: SvgSize | undefined;
  let seenRoot = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (seenRoot) return;
        seenRoot = true;
        if (name !== 'svg') return;
        const width = pixels(attributes['width']);
        const height = pixels(attributes['height']);
        if (width !== undefined && height !== undefined && width > 0 && height > 0) {
          size = { width, height };
          return;
        }
        const box = (attributes['viewbox'] ?? '')
          .trim()
          .split(/[\s,]+/)
          .map(Number);
        if (box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0)
          size = { width: box[2]!, height: box[3]! };
      },
    },
    { xmlMode: false, lowerCaseAttributeNames: true },
  );
  parser.write(text.slice(0, 4096));
  parser.end();
  return size;
}
