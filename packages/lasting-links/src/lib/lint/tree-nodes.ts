/**
 * Every node of a page's tree in document order, with its index and parent: listed once per tree
 * and shared by the lint's rules.
 *
 * Each rule walked the whole tree on its own with unist-util-visit, a dozen walks per page, each
 * making a closure and a list of ancestors for every node: half the lint's time on a large site.
 * The rules need no more than unist-util-visit's plain form gives (node, index, parent, in
 * document order, no skipping), so one list answers every walk. The lint does not change trees.
 */
import type { Nodes, Parents, Root } from 'mdast';

/** A node with its place in the tree; no index and no parent for the root. */
interface PlacedNode {
  node: Nodes;
  index: number | undefined;
  parent: Parents | undefined;
}

const listed = new WeakMap<Root, readonly PlacedNode[]>();

/** Every node of `tree`, the root first, in the order unist-util-visit visits them. */
function treeNodes(tree: Root): readonly PlacedNode[] {
  const known = listed.get(tree);
  if (known !== undefined) return known;
  const nodes: PlacedNode[] = [];
  const stack: PlacedNode[] = [{ node: tree, index: undefined, parent: undefined }];
  while (stack.length > 0) {
    const placed = stack.pop()!;
    nodes.push(placed);
    const { node } = placed;
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push({ node: node.children[index]!, index, parent: node });
    }
  }
  listed.set(tree, nodes);
  return nodes;
}

/** Calls `visitor` with every node of `tree`, in document order. */
export function eachNode(
  tree: Root,
  visitor: (node: Nodes, index: number | undefined, parent: Parents | undefined) => void,
): void {
  for (const { node, index, parent } of treeNodes(tree)) visitor(node, index, parent);
}

/** Calls `visitor` with every node of `tree` whose type is `type`, in document order. */
export function eachOfType<Type extends Nodes['type']>(
  tree: Root,
  type: Type,
  visitor: (
    node: Extract<Nodes, { type: Type }>,
    index: number | undefined,
    parent: Parents | undefined,
  ) => void,
): void {
  for (const { node, index, parent } of treeNodes(tree))
    if (node.type === type) visitor(node as Extract<Nodes, { type: Type }>, index, parent);
}
