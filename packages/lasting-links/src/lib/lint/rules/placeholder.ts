/**
 * `placeholder`: text that stands in for text not written yet (TODO, TBD, TBC, FIXME, XXX,
 * "NEED … HERE", lorem ipsum). The 2025 rewrite shipped "NEED … DETAILS HERE".
 *
 * Everything a reader can see is checked: prose, code, front matter and component attributes.
 * MDX comments (`{/* … *\/}`) are not published and may hold notes for writers.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { eachNode } from '../tree-nodes.ts';
import { reportAt } from '../report.ts';

/** Upper case only, except lorem: "todo" and "need … here" are ordinary words in lower case. */
const PLACEHOLDER = /\b(?:TODO|TBD|TBC|FIXME|XXX)\b|\bNEED\b[^\n]*?\bHERE\b|\b[Ll]orem\b/gu;

const placeholder = lintRule<Root>({ origin: 'docs-lint:placeholder' }, (tree, file) => {
  const source = String(file);
  const unpublished = unpublishedRanges(tree);
  for (const m of source.matchAll(PLACEHOLDER)) {
    if (unpublished.some(([start, end]) => m.index >= start && m.index < end)) continue;
    reportAt(
      file,
      `placeholder "${m[0]}" would be published: write the missing text, or leave the section out until it is ready`,
      m.index,
      m.index + m[0].length,
    );
  }
});

/** Source ranges of MDX comments and import/export statements. */
function unpublishedRanges(tree: Root): [number, number][] {
  const ranges: [number, number][] = [];
  eachNode(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const isComment =
      (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') &&
      /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value);
    if (isComment || node.type === 'mdxjsEsm') ranges.push([start, end]);
  });
  return ranges;
}

export default placeholder;
