/**
 * Lints MDX pages and returns plain results: no printing, no exit, no file reading. The CLI
 * (`npm run lint:docs`) prints them; the build can turn them into warnings with file:line.
 */
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { docsLintPlugins } from './preset.ts';
import type { LintResult, LintSettings, LintSource } from './types.ts';

/** The rule id given to a page that is not valid MDX. */
const PARSE_ERROR_RULE = 'parse-error';

/**
 * Lints each source. A page that does not parse gets one `parse-error` result at the place
 * the parser stopped, and the other pages are still linted. Results are sorted by file, line
 * and column.
 */
export function lintDocs(sources: LintSource[], settings: LintSettings): LintResult[] {
  const processor = unified().use(remarkParse).use(docsLintPlugins(settings)).freeze();
  const results: LintResult[] = [];
  for (const source of sources) {
    const file = new VFile({
      path: source.path,
      value: source.contents,
      ...(settings.root === undefined ? {} : { cwd: settings.root }),
    });
    try {
      processor.runSync(processor.parse(file), file);
    } catch (error) {
      if (!isFileMessage(error)) throw error;
      results.push({
        file: source.path,
        line: error.line ?? 1,
        column: error.column ?? 1,
        rule: PARSE_ERROR_RULE,
        severity: 'error',
        message: `not valid MDX: ${error.reason} (in prose, escape < and { as \\< and \\{)`,
      });
      continue;
    }
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

/** A parser's syntax error: a VFileMessage, which carries the line and column. */
function isFileMessage(error: unknown): error is VFileMessage {
  return error instanceof Error && 'reason' in error && 'line' in error;
}
