/**
 * `shell-prompt`: a `$ ` prompt in a shell code block. Every block has a copy button, and a
 * pasted prompt turns the command into an error ("$: command not found").
 *
 * `remark-lint-no-shell-dollars` comes close, but only reports a block when every line has a
 * prompt, while one prompted command among others is pasted just as badly; it also reports
 * the block, not the line.
 */
import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { eachOfType } from '../tree-nodes.ts';
import { reportAt } from '../report.ts';

/** Languages whose blocks are commands to paste into a shell. */
const SHELL = new Set([
  'bash',
  'sh',
  'shell',
  'zsh',
  'console',
  'shell-session',
  'shellsession',
  'terminal',
]);
const PROMPT = /^([ \t]*)\$(?: |$)/;

const shellPrompt = lintRule<Root>({ origin: 'docs-lint:shell-prompt' }, (tree, file) => {
  const source = String(file);
  eachOfType(tree, 'code', (code) => {
    if (!SHELL.has((code.lang ?? '').toLowerCase()) || code.position === undefined) return;
    // The code's lines start on the line after the opening fence; find each in the source, so
    // the column is right even in an indented (list item) fence.
    let lineStart = source.indexOf('\n', code.position.start.offset ?? 0) + 1;
    for (const line of code.value.split('\n')) {
      const lineEnd = source.indexOf('\n', lineStart);
      const sourceLine = source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      if (PROMPT.test(line)) {
        const column = sourceLine.indexOf('$');
        reportAt(
          file,
          'remove the "$ " prompt: readers copy this block, and a pasted prompt breaks the command (put output in a separate ```text block)',
          lineStart + Math.max(0, column),
        );
      }
      lineStart = lineEnd + 1;
    }
  });
});

export default shellPrompt;
