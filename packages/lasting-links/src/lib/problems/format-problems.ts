/**
 * How problems are printed, identically by the build, `lasting-links check` and `lasting-links moves`:
 * a linter-style block for people, JSON for tools, and GitHub Actions workflow commands so
 * problems show up as annotations on the pull request.
 */
import { compareProblems, type Position, type Problem } from './problem.ts';

/** The report formats `--format` accepts. */
export const REPORT_FORMATS = ['human', 'json', 'github'] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Whether `value` names a report format. */
export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

/** Options shared by every format. */
export interface FormatOptions {
  /** The output directory as the user named it, so output positions read `dist/a/index.html:3:5`. */
  outputDir?: string;
}

/**
 * Every problem, sorted, in `format`; the text ends with a newline (or is empty for no problems
 * in the line formats). JSON is one array of problems.
 */
export function formatProblems(
  problems: readonly Problem[],
  format: ReportFormat,
  options: FormatOptions = {},
): string {
  const sorted = [...problems].sort(compareProblems);
  if (format === 'json') return JSON.stringify(sorted, null, 2) + '\n';
  const render = format === 'github' ? githubProblem : humanProblem;
  return sorted.map((problem) => render(problem, options) + '\n').join('');
}

/**
 * One problem for people: `file:line:column: severity: message [code]`, then indented lines
 * for the page it shows on and the fix.
 */
function humanProblem(problem: Problem, options: FormatOptions = {}): string {
  const output =
    problem.output === undefined ? undefined : positionText(problem.output, options.outputDir);
  const where = problem.at === undefined ? output : positionText(problem.at);
  const lines = [
    `${where ?? problem.page ?? 'site'}: ${problem.severity}: ${problem.message} [${problem.code}]`,
  ];
  if (problem.page !== undefined && (problem.at !== undefined || output === undefined)) {
    lines.push(
      `  on page ${problem.page}${problem.at !== undefined && output !== undefined ? ` (${output})` : ''}`,
    );
  }
  if (problem.fix !== undefined) lines.push(`  fix: ${problem.fix.split('\n').join('\n       ')}`);
  return lines.join('\n');
}

/** A count such as `1 error` or `3 warnings`. */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning`. */
export function problemCounts(problems: readonly Problem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return `${count(errors, 'error')}, ${count(problems.length - errors, 'warning')}`;
}

function positionText(position: Position, dir?: string): string {
  const file = dir === undefined ? position.file : joinPath(dir, position.file);
  if (position.line === undefined) return file;
  return position.column === undefined
    ? `${file}:${position.line}`
    : `${file}:${position.line}:${position.column}`;
}

/** `::error file=…,line=…,col=…,title=…::message`, escaped as the workflow-command syntax requires. */
function githubProblem(problem: Problem, options: FormatOptions): string {
  const position =
    problem.at ??
    (problem.output === undefined
      ? undefined
      : { ...problem.output, file: joinPath(options.outputDir ?? '', problem.output.file) });
  const properties = [
    ...(position === undefined ? [] : [`file=${escapeProperty(position.file)}`]),
    ...(position?.line === undefined ? [] : [`line=${position.line}`]),
    ...(position?.column === undefined ? [] : [`col=${position.column}`]),
    `title=${escapeProperty(problem.code)}`,
  ].join(',');
  const details = [
    problem.message + (problem.page === undefined ? '' : ` (on page ${problem.page})`),
    ...(problem.fix === undefined ? [] : [`fix: ${problem.fix}`]),
  ];
  return `::${problem.severity} ${properties}::${escapeData(details.join('\n'))}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function joinPath(dir: string, file: string): string {
  return dir === '' || dir === '.' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}
