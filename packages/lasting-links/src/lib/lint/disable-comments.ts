/**
 * Disable comments: the rare true exception to a rule, recorded where it happens.
 *
 *   {/* lint-disable-next-line terminology -- the interface labels this button "Master" *\/}
 *   | … | … {/* lint-disable-line shell-prompt -- shows what a prompt looks like *\/} |
 *
 * One comment turns off one rule for one line (the next non-blank line, or its own line), and
 * says why after `--`. A comment without a rule or a reason, naming an unknown rule, or
 * disabling nothing is itself reported (rule `disable-comment`).
 *
 * remark-lint's own `lint disable`/`lint ignore` comments (remark-message-control) are not
 * used: they turn a rule off until re-enabled or for a whole node (a list, a table), and take
 * no reason. A comment in that older form is reported, so it never passes silently.
 *
 * This plugin must run after every rule, since it filters the messages they left.
 */
import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { eachNode } from './tree-nodes.ts';
import type { VFile } from 'vfile';

interface DisableCommentsOptions {
  /** Rule ids that may be disabled. */
  rules: string[];
}

/** The rule id of the disable comments' own messages. */
const DISABLE_COMMENT_RULE = 'disable-comment';

const DIRECTIVE = /^\s*\/\*\s*lint-disable-(next-line|line)\b([\s\S]*?)\*\/\s*$/;
const OLD_STYLE = /^\s*\/\*\s*lint\s+(?:disable|enable|ignore)\b/;

interface Disable {
  rule: string;
  line: number;
  used: boolean;
  where: { line: number; column: number };
}

const disableComments: Plugin<[DisableCommentsOptions], Root> = (options) => (tree, file) => {
  const disables: Disable[] = [];
  const lines = String(file).split('\n');
  eachNode(tree, (node) => {
    if (
      (node.type !== 'mdxFlowExpression' && node.type !== 'mdxTextExpression') ||
      node.position === undefined
    )
      return;
    const where = { line: node.position.start.line, column: node.position.start.column };
    if (OLD_STYLE.test(node.value)) {
      report(
        file,
        where,
        'remark-lint comments (lint disable, enable, ignore) are not honoured here: write {/* lint-disable-next-line RULE -- reason */}',
        true,
      );
      return;
    }
    const m = DIRECTIVE.exec(node.value);
    if (m === null) return;
    // `RULE -- reason`: the reason is everything after the first `--`.
    const [head = '', ...reasonParts] = (m[2] ?? '').split('--');
    const ruleNames = head.trim().split(/\s+/).filter(Boolean);
    const reason = reasonParts.join('--').trim();
    const rule = ruleNames[0];
    if (rule === undefined) {
      report(
        file,
        where,
        `name the rule to disable: lint-disable-${m[1]} RULE -- reason (rules: ${options.rules.join(', ')})`,
        true,
      );
      return;
    }
    if (ruleNames.length > 1) {
      report(
        file,
        where,
        'one comment disables one rule: write one comment per rule, each with its reason after --',
        true,
      );
      return;
    }
    if (!options.rules.includes(rule)) {
      report(
        file,
        where,
        `unknown rule "${rule}": disable one of ${options.rules.join(', ')}`,
        true,
      );
      return;
    }
    if (reason === '') {
      report(
        file,
        where,
        `say why ${rule} does not apply here: lint-disable-${m[1]} ${rule} -- reason`,
        true,
      );
      return;
    }
    const endLine = node.position.end.line;
    disables.push({
      rule,
      line: m[1] === 'line' ? endLine : nextContentLine(lines, endLine),
      used: false,
      where,
    });
  });

  file.messages = file.messages.filter((message) => {
    const disable = disables.find((d) => d.rule === message.ruleId && d.line === message.line);
    if (disable === undefined) return true;
    disable.used = true;
    return false;
  });
  for (const disable of disables) {
    if (!disable.used)
      report(
        file,
        disable.where,
        `this comment disables ${disable.rule} on line ${disable.line}, which has no such finding: remove it`,
        false,
      );
  }
};

/** The first non-blank line after `line` (1-based). */
function nextContentLine(lines: string[], line: number): number {
  let next = line + 1;
  while (next <= lines.length && (lines[next - 1] ?? '').trim() === '') next++;
  return next;
}

function report(
  file: VFile,
  place: { line: number; column: number },
  reason: string,
  fatal: boolean,
): void {
  const message = file.message(reason, {
    place,
    ruleId: DISABLE_COMMENT_RULE,
    source: 'docs-lint',
  });
  message.fatal = fatal;
}

export default disableComments;
