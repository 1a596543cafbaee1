/**
 * The front matter fields a reader sees: the title (the page's h1) and the description.
 */
import type { Root } from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

/** A front matter string and the offset of its first character in the page's source. */
export interface FrontMatterText {
  text: string;
  offset: number;
}

/** `title` and `description` when they are plain strings; nothing for a page without front matter. */
export function frontMatterTexts(tree: Root): {
  title?: FrontMatterText;
  description?: FrontMatterText;
} {
  const yamlNode = tree.children[0];
  if (yamlNode?.type !== 'yaml' || yamlNode.position?.start.offset === undefined) return {};
  // The node's value is what lies between the `---` lines; it starts after the first newline.
  const valueStart = yamlNode.position.start.offset + '---\n'.length;
  const doc = parseDocument(yamlNode.value, { lineCounter: new LineCounter() });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return {};
  const out: { title?: FrontMatterText; description?: FrontMatterText } = {};
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string')
      continue;
    const field = {
      text: pair.value.value,
      offset: valueStart + valueOffset(yamlNode.value, pair.value.range[0]),
    };
    if (pair.key.value === 'title') out.title = field;
    if (pair.key.value === 'description') out.description = field;
  }
  return out;
}

/** Skips an opening quote, so that the offset points at the text itself. */
function valueOffset(yaml: string, start: number): number {
  return yaml[start] === '"' || yaml[start] === "'" ? start + 1 : start;
}
