/**
 * Docs lint findings as the build's problems, so they print in the build log exactly like
 * every other finding (`file:line:column: warning: … [docs-lint]`). The build shows them all
 * as warnings: the lint's errors fail `npm test` and CI, while a writer's local build goes on.
 */
import type { Problem } from '../problems/problem.ts';
import type { LintResult } from './types.ts';

/** One build warning per lint finding, the rule named first. */
export function lintWarnings(results: readonly LintResult[]): Problem[] {
  return results.map((result) => ({
    severity: 'warning',
    code: 'docs-lint',
    message: `${result.rule}: ${result.message}`,
    at: { file: result.file, line: result.line, column: result.column },
  }));
}
