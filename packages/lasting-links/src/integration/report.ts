/**
 * How a build reports what it found: one linter-style block with every problem once (file:line,
 * what is wrong, the fix), then, if any is an error, an `AstroError` that ends the build through
 * Astro's own error path, so later hooks and Astro's cleanup still run and the exit code is 1.
 */
import { AstroError } from 'astro/errors';
import { errorsOf, type Problem } from '../lib/problems/problem.ts';
import {
  formatProblems,
  problemCounts,
  type FormatOptions,
} from '../lib/problems/format-problems.ts';

/** Prints `problems`; throws when one of them is an error. */
export function reportProblems(
  problems: readonly Problem[],
  stage: 'before rendering' | 'after the build',
  options: FormatOptions & { lead?: string | undefined } = {},
): void {
  if (problems.length === 0) return;
  process.stderr.write(
    `\n${options.lead === undefined ? '' : `${options.lead}\n\n`}${formatProblems(problems, 'human', options)}\n${problemCounts(problems)}\n`,
  );
  const errors = errorsOf(problems).length;
  if (errors === 0) {
    // A newcomer's first build of a clean checkout may show the pages' warnings: say what they are.
    process.stderr.write(
      'The build succeeded. The warnings above are advice for the people who write the pages (a clean checkout may have some); they do not mean your setup is wrong.\n',
    );
    return;
  }
  throw new AstroError(
    `The build failed ${stage}: ${errors === 1 ? '1 error' : `${errors} errors`}, listed above with file and line.`,
    'Fix each at the file and line it names, then build again.',
  );
}
