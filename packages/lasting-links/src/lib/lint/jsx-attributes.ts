/**
 * Text that readers see although it is written in a component's attribute: an `<Aside>`'s
 * `title`, a `<TabItem>`'s `label`. Only literal strings; an `{expression}` is code.
 */
import type { Root } from 'mdast';
import { eachNode } from './tree-nodes.ts';
import type { FrontMatterText } from './front-matter.ts';

/** Attributes shown as headings or labels. */
const SHOWN = new Set(['title', 'label']);

/** The literal `title` and `label` attribute values of every component, with their source offsets. */
export function shownAttributes(tree: Root, source: string): FrontMatterText[] {
  const out: FrontMatterText[] = [];
  eachNode(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    for (const attribute of node.attributes) {
      if (
        attribute.type !== 'mdxJsxAttribute' ||
        !SHOWN.has(attribute.name) ||
        typeof attribute.value !== 'string'
      )
        continue;
      // remark gives each attribute its position; Sätteri only the element's, so the name is
      // found in the element's opening tag.
      const start =
        attribute.position?.start.offset ??
        nameOffset(source, node.position?.start.offset, attribute.name);
      if (start === undefined) continue;
      // The value follows the name, `=` and a quote; searching for it allows spaces around `=`.
      const offset = source.indexOf(attribute.value, start + attribute.name.length);
      if (offset !== -1) out.push({ text: attribute.value, offset });
    }
  });
  return out;
}

/** Where `name=` first appears after `elementStart`, as an attribute (after a space or `{`). */
function nameOffset(source: string, elementStart: number | undefined, name: string) {
  if (elementStart === undefined) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`[\\s{]${escaped}\\s*=`, 'g');
  pattern.lastIndex = elementStart;
  const match = pattern.exec(source);
  return match === null ? undefined : match.index + 1;
}
