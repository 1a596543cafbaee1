/**
 * Output formats of `lasting-links lint`: lines for people, one JSON array for tools, and
 * GitHub Actions workflow commands so that findings show as annotations on a pull request.
 */
import type { LintResult } from './types.ts';

export const LINT_FORMATS = ['human', 'json', 'github'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** Renders `results` in `format`; the text ends with a newline. `files` counts the pages linted. */
export function formatResults(results: LintResult[], format: LintFormat, files: number): string {
  if (format === 'json') return JSON.stringify(results, null, 2) + '\n';
  const lines = results.map(format === 'github' ? githubLine : humanLine);
  const errors = results.filter((result) => result.severity === 'error').length;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${count(files, 'page')} linted: ${count(errors, 'error')}, ${count(results.length - errors, 'warning')}`,
  );
  return lines.join('\n') + '\n';
}

/** `content/docs/a.mdx:12:5: error: … [rule]` — the form editors and terminals make clickable. */
function humanLine(result: LintResult): string {
  return `${result.file}:${result.line}:${result.column}: ${result.severity}: ${result.message} [${result.rule}]`;
}

/** `::error file=…,line=…,col=…,title=…::message`, escaped as the workflow-command syntax requires. */
function githubLine(result: LintResult): string {
  const properties = [
    `file=${escapeProperty(result.file)}`,
    `line=${result.line}`,
    `col=${result.column}`,
    `title=${escapeProperty(`Docs lint: ${result.rule}`)}`,
  ].join(',');
  return `::${result.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(result.message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
