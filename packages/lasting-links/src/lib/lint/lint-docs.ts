/**
 * Lints MDX pages and returns plain results: no printing, no exit, no file reading. The CLI
 * (`lasting-links lint`) prints them; the build can turn them into warnings with file:line.
 */
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { parseSource, type TreeNode } from '../sources/page-source.ts';
import type { SitePath } from '../site-path.ts';
import { docsLintPlugins } from './preset.ts';
import type { LintResult, LintSettings, LintSource } from './types.ts';

/** The rule id given to a page that is not valid MDX. */
const PARSE_ERROR_RULE = 'parse-error';

/**
 * Pages are parsed by Sätteri, the parser Astro's MDX integration builds them with, with the
 * site's own features, so the lint reads the tree the build renders (`{#id}` after a heading is
 * its id, not an expression) and a build lints the very tree it parsed once for everything else
 * (`parseSource`). Editors parse with remark (`.remarkrc.mjs`), which reads the same tree for
 * everything the rules look at.
 */

/** Sätteri reports a parse error as `line:column: reason` (after the file `parseSource` names). */
function parseFailure(error: unknown): { line: number; column: number; reason: string } {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const match = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  return match === null
    ? { line: 1, column: 1, reason: message }
    : { line: Number(match[1]), column: Number(match[2]), reason: match[3]! };
}

/**
 * Lints each source. A page that does not parse gets one `parse-error` result at the place
 * the parser stopped, and the other pages are still linted. Results are sorted by file, line
 * and column.
 */
export function lintDocs(sources: Iterable<LintSource>, settings: LintSettings): LintResult[] {
  const processor = unified().use(docsLintPlugins(settings)).freeze();
  const results: LintResult[] = [];
  for (const source of sources) {
    const file = new VFile({
      path: source.path,
      value: source.contents,
      ...(settings.root === undefined ? {} : { cwd: settings.root }),
    });
    let tree: TreeNode;
    try {
      tree =
        source.tree ??
        parseSource(source.path, '/' as SitePath, source.contents, settings.syntax).tree;
    } catch (error) {
      const failure = parseFailure(error);
      results.push({
        file: source.path,
        line: failure.line,
        column: failure.column,
        rule: PARSE_ERROR_RULE,
        severity: 'error',
        message: `not valid MDX: ${failure.reason} (in prose, escape < and { as \\< and \\{)`,
      });
      continue;
    }
    processor.runSync(tree as Root, file);
    for (const message of file.messages) results.push(toResult(source.path, message));
  }
  return results.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

function toResult(file: string, message: VFileMessage): LintResult {
  return {
    file,
    line: message.line ?? 1,
    column: message.column ?? 1,
    rule: message.ruleId ?? message.source ?? 'unknown',
    severity: message.fatal === true ? 'error' : 'warning',
    message: message.reason,
  };
}
