/**
 * Problems found in the redirect map or the anchors lock. Each one names the file, the line
 * where there is one, what is wrong and how to fix it, so a failed build reads as a to-do list.
 */

/** One finding. Errors fail the build; warnings are printed and the build goes on. */
export interface Problem {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line in `file`, when the problem belongs to one entry. */
  line?: number;
  message: string;
  fix: string;
}

/** `content/redirects.yaml:12: error: what is wrong\n  fix: what to do`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const fix = problem.fix.split('\n').join('\n       ');
  return `${where}: ${problem.severity}: ${problem.message}\n  fix: ${fix}`;
}

/** Only the problems that fail the build. */
export function errorsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((problem) => problem.severity === 'error');
}
