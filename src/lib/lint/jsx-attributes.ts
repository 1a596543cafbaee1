/**
 * Text that readers see although it is written in a component's attribute: an `<Aside>`'s
 * `title`, a `<TabItem>`'s `label`. Only literal strings; an `{expression}` is code.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { FrontMatterText } from './front-matter.ts';

/** Attributes shown as headings or labels. */
const SHOWN = new Set(['title', 'label']);

/** The literal `title` and `label` attribute values of every component, with their source offsets. */
export function shownAttributes(tree: Root, source: string): FrontMatterText[] {
  const out: FrontMatterText[] = [];
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    for (const attribute of node.attributes) {
      if (
        attribute.type !== 'mdxJsxAttribute' ||
        !SHOWN.has(attribute.name) ||
        typeof attribute.value !== 'string'
      )
        continue;
      const start = attribute.position?.start.offset;
      if (start === undefined) continue;
      // The value follows the name, `=` and a quote; searching for it allows spaces around `=`.
      const offset = source.indexOf(attribute.value, start + attribute.name.length);
      if (offset !== -1) out.push({ text: attribute.value, offset });
    }
  });
  return out;
}
