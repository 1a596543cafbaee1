/**
 * The components a page uses, checked before anything renders. MDX only fails at render time,
 * with "Expected component `Callout` to be defined" and the page's route; a component's own
 * complaint about its props names the route too. Here each is named at its file and line:
 *
 * - a component that is neither available everywhere nor imported by the page;
 * - a use that the site's own check of that component refuses (the `elementChecks` option: a
 *   reference page's setting block without a key, say).
 */
import type { Problem } from '../problems/problem.ts';
import type { TreeNode } from './page-source.ts';

/** One use of a component in a page's source. */
export interface ComponentUse {
  name: string;
  /** Attributes written as text (`name="x"`), and `true` for one written bare (`open`); others absent. */
  attributes: Readonly<Record<string, string | true>>;
  /** Written inside a line of text rather than on lines of its own. */
  inline: boolean;
  line: number;
  column: number;
}

/** What a site's check of a component found wrong with one of its uses. */
export interface ComponentFinding {
  use: ComponentUse;
  message: string;
  fix: string;
}

/** A site's check of every use of one component in one page, in page order. */
export type ComponentCheck = (uses: readonly ComponentUse[]) => readonly ComponentFinding[];

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

/** The components a page uses, and the names its own imports and exports declare. */
export interface PageComponents {
  uses: ComponentUse[];
  declared: string[];
}

/** Every capitalised component the page uses, and the names its own imports and exports declare. */
export function componentUsesOf(tree: TreeNode): PageComponents {
  const declared = new Set<string>();
  const uses: ComponentUse[] = [];
  const walk = (node: TreeNode) => {
    if (node.type === 'mdxjsEsm' && typeof node.value === 'string')
      for (const name of declaredNames(node.value)) declared.add(name);
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      typeof node.name === 'string' &&
      /^[A-Z]/.test(node.name)
    ) {
      const attributes: Record<string, string | true> = {};
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) continue;
        if (typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
        else if (attribute.value === null || attribute.value === undefined)
          attributes[attribute.name] = true;
      }
      uses.push({
        name: node.name,
        attributes,
        inline: node.type === 'mdxJsxTextElement',
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
      });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return { uses, declared: [...declared] };
}

/**
 * Every use of a component that is neither one of `known` (when given) nor declared in the page,
 * and every finding of `checks` (by component name) on the page's uses.
 */
export function componentProblems(
  file: string,
  components: PageComponents,
  options: {
    known?: ReadonlySet<string> | undefined;
    checks?: Readonly<Record<string, ComponentCheck>> | undefined;
  },
): Problem[] {
  const { uses } = components;
  const declared = new Set(components.declared);
  const problems: Problem[] = [];
  const { known, checks } = options;
  if (known !== undefined) {
    const available = [...known].sort().join(', ');
    for (const use of uses) {
      const root = use.name.split('.')[0]!;
      if (known.has(root) || declared.has(root)) continue;
      problems.push({
        severity: 'error',
        code: 'unknown-component',
        message: `<${use.name}> is not a component this site defines, so the page cannot render`,
        fix: `Use one of ${available}, or import it at the top of the page (import ${use.name} from '…').`,
        at: { file, line: use.line, column: use.column },
      });
    }
  }
  for (const [name, check] of Object.entries(checks ?? {})) {
    const mine = uses.filter((use) => use.name === name);
    if (mine.length === 0) continue;
    for (const finding of check(mine))
      problems.push({
        severity: 'error',
        code: 'component-use',
        message: finding.message,
        fix: finding.fix,
        at: { file, line: finding.use.line, column: finding.use.column },
      });
  }
  return problems;
}
