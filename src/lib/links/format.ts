/**
 * Report formats of the link checker: one line per problem for people, JSON for tools, and
 * GitHub Actions workflow commands so problems show up as annotations on the pull request.
 */
import type { Problem } from './problem.ts';

/** The report formats `--format` accepts. */
export const REPORT_FORMATS = ['human', 'json', 'github'] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The result of a check, ready to print. */
export interface Report {
  errors: Problem[];
  warnings: Problem[];
  /** Output directory as given, for `dist/a/index.html:3:5` style references. */
  distDir: string;
  pages: number;
  links: number;
}

/** Renders `report` in `format`; the text ends with a newline. */
export function formatReport(report: Report, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify({ errors: report.errors, warnings: report.warnings, pages: report.pages, links: report.links }, null, 2) + '\n';
  const problems = [...report.errors, ...report.warnings];
  const lines = problems.map((problem) => (format === 'github' ? githubLine(problem, report.distDir) : humanLine(problem, report.distDir)));
  lines.push(summaryLine(report));
  return lines.join('\n') + '\n';
}

/** One problem as one line for people, e.g. for a build log: `content/docs/a.mdx:12:5: error: … (output …, page /a/)`. */
export function formatProblem(problem: Problem, distDir: string): string {
  return humanLine(problem, distDir);
}

function humanLine(problem: Problem, distDir: string): string {
  const output = `${joinPath(distDir, problem.output.file)}:${problem.output.line}:${problem.output.column}`;
  const where = problem.source === undefined ? output : `${problem.source.file}:${problem.source.line}:${problem.source.column}`;
  const context = problem.source === undefined ? `page ${problem.page}` : `output ${output}, page ${problem.page}`;
  return `${where}: ${problem.severity}: ${problem.message} [${problem.code}] (${context})`;
}

/** `::error file=…,line=…,col=…,title=…::message`, escaped as the workflow-command syntax requires. */
function githubLine(problem: Problem, distDir: string): string {
  const position = problem.source ?? { ...problem.output, file: joinPath(distDir, problem.output.file) };
  const properties = [
    `file=${escapeProperty(position.file)}`,
    `line=${position.line}`,
    `col=${position.column}`,
    `title=${escapeProperty(`Link check: ${problem.code}`)}`,
  ].join(',');
  const message = `${problem.message} (on page ${problem.page})`;
  return `::${problem.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(message)}`;
}

function summaryLine(report: Report): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${count(report.pages, 'page')}, ${count(report.links, 'link')} checked: ${count(report.errors.length, 'error')}, ${count(report.warnings.length, 'warning')}`;
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
