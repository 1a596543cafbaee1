/**
 * Components a page uses that nothing defines. MDX only fails at render time, with "Expected
 * component `Callout` to be defined" and the page's route; this names the file and the line
 * before anything renders, and the components there are.
 */
import { mdxToMdast } from 'satteri';
import type { Problem } from '../problems/problem.ts';
import type { MarkdownFeatures } from './page-source.ts';

interface MdastNode {
  type: string;
  name?: string | null;
  value?: unknown;
  children?: MdastNode[];
  position?: { start: { line: number; column: number } };
}

/** Names an ESM block of the page brings into scope: `import X`, `import { a as B }`, `export const C`. */
function declaredNames(esm: string): string[] {
  const names: string[] = [];
  for (const match of esm.matchAll(/\bimport\s+([\s\S]*?)\s+from\b/g)) {
    const clause = match[1] ?? '';
    for (const part of clause.replace(/[{}*]/g, ',').split(','))
      names.push(
        part
          .trim()
          .split(/\s+as\s+/)
          .pop() ?? '',
      );
  }
  for (const match of esm.matchAll(/\bexport\s+(?:const|let|var|function|class)\s+([\w$]+)/g))
    names.push(match[1] ?? '');
  return names.filter(Boolean);
}

/** Every use of a component that is neither one of `known` nor declared in the page itself. */
export function unknownComponentProblems(
  file: string,
  text: string,
  known: ReadonlySet<string>,
  features: MarkdownFeatures,
): Problem[] {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(text, { features: { ...features, frontmatter: true } });
  } catch {
    return []; // The MDX parse error itself is reported by the build, with its line.
  }
  const declared = new Set<string>();
  const uses: MdastNode[] = [];
  const walk = (node: MdastNode) => {
    if (node.type === 'mdxjsEsm' && typeof node.value === 'string')
      for (const name of declaredNames(node.value)) declared.add(name);
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      typeof node.name === 'string' &&
      /^[A-Z]/.test(node.name)
    )
      uses.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  const available = [...known].sort().join(', ');
  return uses
    .filter((node) => {
      const root = node.name!.split('.')[0]!;
      return !known.has(root) && !declared.has(root);
    })
    .map((node) => ({
      severity: 'error',
      code: 'unknown-component',
      message: `<${node.name}> is not a component this site defines, so the page cannot render`,
      fix: `Use one of ${available}, or import it at the top of the page (import ${node.name} from '…').`,
      at: {
        file,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
      },
    }));
}
