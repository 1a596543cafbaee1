/**
 * The lint's one list of a tree's nodes (tree-nodes.ts), which every rule walks instead of a walk
 * of its own: document order, each node's index and parent, and the same answer for the same tree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import { eachNode, eachOfType } from '../../src/lib/lint/tree-nodes.ts';

const tree: Root = {
  type: 'root',
  children: [
    {
      type: 'paragraph',
      children: [
        { type: 'text', value: 'one ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'two' }] },
      ],
    },
    { type: 'heading', depth: 2, children: [{ type: 'text', value: 'three' }] },
  ],
};

test('every node comes once, in document order, with its index and parent', () => {
  const seen: string[] = [];
  eachNode(tree, (node, index, parent) => {
    const label = node.type === 'text' ? `text "${node.value}"` : node.type;
    seen.push(`${label} at ${index ?? '-'} in ${parent?.type ?? '-'}`);
  });
  assert.deepEqual(seen, [
    'root at - in -',
    'paragraph at 0 in root',
    'text "one " at 0 in paragraph',
    'emphasis at 1 in paragraph',
    'text "two" at 0 in emphasis',
    'heading at 1 in root',
    'text "three" at 0 in heading',
  ]);
});

test('nodes of one type, each with its parent, for every rule that asks', () => {
  const texts = () => {
    const found: string[] = [];
    eachOfType(tree, 'text', (text, index, parent) =>
      found.push(`${text.value}@${index}/${parent?.type}`),
    );
    return found;
  };
  assert.deepEqual(texts(), ['one @0/paragraph', 'two@0/emphasis', 'three@0/heading']);
  assert.deepEqual(texts(), texts(), 'asked again, the same answer');
  const headings: number[] = [];
  eachOfType(tree, 'heading', (heading) => headings.push(heading.depth));
  assert.deepEqual(headings, [2]);
});
