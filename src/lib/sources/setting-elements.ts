/**
 * Every `<Setting>` of a page checked before anything renders: a key the anchor can be made from,
 * no key twice on one page (its anchor would be taken twice), and plans that exist. The component
 * throws the same messages at render time, where MDX would name only the page's route; here each
 * names the file and the line.
 */
import { mdxToMdast } from 'satteri';
import type { Problem } from '../problems/problem.ts';
import { parsePlans } from '../applies-to.ts';
import { settingNameProblem } from '../setting.ts';
import { MARKDOWN_FEATURES } from './page-source.ts';

interface MdastNode {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: MdastNode[];
  position?: { start: { line: number; column: number } };
}

/** The problems of every `<Setting>` element of one page's source. */
export function settingElementProblems(file: string, text: string): Problem[] {
  let tree: MdastNode;
  try {
    tree = mdxToMdast(text, { features: MARKDOWN_FEATURES }) as unknown as MdastNode;
  } catch {
    return []; // The MDX parse error itself is reported by the build, with its line.
  }
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const walk = (node: MdastNode) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name === 'Setting') check(node);
    }
    for (const child of node.children ?? []) walk(child);
  };
  const check = (node: MdastNode) => {
    const at = {
      file,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
    };
    const attribute = (name: string) =>
      node.attributes?.find((item) => item.type === 'mdxJsxAttribute' && item.name === name)?.value;
    const problem = (message: string, fix: string) =>
      problems.push({ severity: 'error', code: 'setting', message, fix, at });
    if (node.type === 'mdxJsxTextElement') {
      problem(
        '<Setting> is written inside a line of text',
        'Put <Setting …> on a line of its own, with its description on the lines below and </Setting> after them.',
      );
      return;
    }
    const name = attribute('name');
    const nameProblem = settingNameProblem(name);
    if (nameProblem !== undefined) {
      problem(
        nameProblem,
        'Write the key as the configuration spells it: <Setting name="ClusterSettings.Enable">.',
      );
      return;
    }
    const key = name as string;
    const first = seen.get(key.toLowerCase());
    if (first !== undefined)
      problem(
        `${key} is described twice on this page (first at line ${first}), so its anchor would be taken twice`,
        'Describe each setting once; link to it from elsewhere with [](#its-anchor).',
      );
    else seen.set(key.toLowerCase(), at.line);
    const plans = attribute('plans');
    if (plans !== undefined) {
      const parsed = typeof plans === 'string' ? parsePlans(plans) : { error: 'plans is text' };
      if ('error' in parsed)
        problem(
          `<Setting name="${key}">: ${parsed.error}`,
          'Write the plans as ids separated by commas, such as plans="professional, enterprise".',
        );
    }
  };
  walk(tree);
  return problems;
}
