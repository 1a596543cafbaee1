/**
 * Front matter checked for every page before anything renders, so one build reports every bad
 * page at once (the content layer stops at the first), each field at its own line:
 * `content/docs/a.mdx:3: error: title must be text …`. The schema stays the one the content
 * collection uses; this module only finds the lines, with the `yaml` parser's own positions.
 */
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { locateYamlError } from '../yaml-errors.ts';
import type { Problem } from '../problems/problem.ts';

/** One complaint of a schema: the field's path and what to do. */
interface FieldIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** Validates parsed front matter; returns nothing when it is good. */
export type FrontMatterValidator = (data: unknown) => readonly FieldIssue[];

/** The YAML between the opening `---` and the closing one, and the line it starts on (2). */
function frontMatterBlock(text: string): string | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---\s*(?:\r?\n|$)/.exec(text);
  return match?.[1];
}

/** Every problem of one page's front matter: YAML that does not parse, then each bad field. */
export function frontMatterProblems(
  file: string,
  text: string,
  validate: FrontMatterValidator,
): Problem[] {
  const block = frontMatterBlock(text);
  if (block === undefined)
    return [
      {
        severity: 'error',
        code: 'front-matter',
        message: 'the page has no front matter',
        fix: 'Start the file with ---, a line `title: Page title`, a line `description: One sentence`, and ---.',
        at: { file, line: 1 },
      },
    ];
  const lines = new LineCounter();
  const document = parseDocument(block, { lineCounter: lines, prettyErrors: false });
  // The block starts on the file's second line.
  const lineOf = (offset: number) => lines.linePos(offset).line + 1;
  if (document.errors.length > 0)
    return document.errors.map((error) => {
      const located = locateYamlError(block, error);
      return {
        severity: 'error',
        code: 'front-matter',
        message: `the front matter is not valid YAML: ${located.message}`,
        fix: 'Quote values that contain ": " or start with a special character, and indent nested fields by two spaces.',
        at: { file, line: lineOf(located.offset) },
      };
    });
  return validate(document.toJS() ?? {}).map((issue) => {
    const node = nodeAt(document.contents, issue.path);
    return {
      severity: 'error',
      code: 'front-matter',
      message: issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
      at: { file, line: node?.range ? lineOf(node.range[0]) : 1 },
    };
  });
}

/** The deepest node of `path` that exists: the field itself, or the object it is missing from. */
function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node = root as Node | undefined;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(key, true);
    else if (isSeq(node) && typeof key === 'number') next = node.get(key, true);
    if (next === undefined || next === null) return node;
    node = next as Node;
  }
  return node;
}
