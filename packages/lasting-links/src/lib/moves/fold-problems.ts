/**
 * One rename breaks many things at once: the published address, the entries of the map that
 * led to it, the links that pointed at it (to the address itself or to a section of a moved
 * page), the cross-references that took its title and the lint's note on each such link. This
 * folds those consequences into the lost address's problem, so a build reports the rename once,
 * with the one command that fixes all of it, and each broken link once, with that same fix.
 */
import type { Problem } from '../problems/problem.ts';
import { MOVES_COMMAND } from './lost-anchors.ts';

/** Codes of problems a link can have when its target was a lost published address. */
const LINK_CODES = new Set<Problem['code']>([
  'missing-anchor',
  'missing-page',
  'broken-redirect',
  'cross-reference',
]);

/** The lint rule that notes an empty-text link whose target is missing: the link check says it too. */
const LINK_TEXT_RULE = 'link-text:';

/** `problems` with the consequences of lost addresses folded into them. */
export function foldIntoLostAnchors(problems: readonly Problem[], mapFile: string): Problem[] {
  const lost = new Map<string, Problem>();
  for (const problem of problems)
    if (problem.code === 'lost-anchor' && problem.target !== undefined)
      lost.set(problem.target, problem);
  if (lost.size === 0) return [...problems];
  /** The lost address a target belongs to: itself, or the lost page it is a section of. */
  const rootOf = (target: string | undefined): Problem | undefined => {
    if (target === undefined) return undefined;
    const hash = target.indexOf('#');
    return lost.get(target) ?? (hash < 0 ? undefined : lost.get(target.slice(0, hash)));
  };
  const pointing = new Map<Problem, number[]>();
  const linked = new Set<string>();
  /** Source lines of links folded here, whose lint note about the same link goes too. */
  const linkLines = new Set<string>();
  const result: Problem[] = [];
  for (const problem of problems) {
    const root = rootOf(problem.target);
    if (root === undefined || problem === root || problem.code === 'lost-anchor') {
      result.push(problem);
    } else if (problem.code === 'redirect-target') {
      pointing.set(root, [...(pointing.get(root) ?? []), problem.at?.line ?? 0]);
    } else if (LINK_CODES.has(problem.code)) {
      // The empty-text cross-reference and the missing page or anchor of one link are one
      // problem; one link rendered twice (a table of contents) is one link too.
      const key =
        problem.at?.line === undefined
          ? `${problem.page ?? ''} ${problem.url ?? ''}`
          : `${problem.at.file}:${problem.at.line}:${problem.at.column ?? 0}`;
      if (problem.at?.line !== undefined) linkLines.add(`${problem.at.file}:${problem.at.line}`);
      if (linked.has(key)) continue;
      linked.add(key);
      result.push({
        ...problem,
        fix: `run \`${MOVES_COMMAND}\`: ${root.target} was published and moved${root.suggestion === undefined ? '' : ` to ${root.suggestion}`}, and it rewrites this link`,
      });
    } else {
      result.push(problem);
    }
  }
  return result
    .filter((problem) => {
      if (problem.code !== 'docs-lint' || !problem.message.startsWith(LINK_TEXT_RULE)) return true;
      const line = problem.at?.line === undefined ? '' : `${problem.at.file}:${problem.at.line}`;
      const url = /\[\]\(([^)\s]+)\)/.exec(problem.message)?.[1];
      return !linkLines.has(line) && rootOf(url) === undefined;
    })
    .map((problem) => {
      const lines = problem.code === 'lost-anchor' ? pointing.get(problem) : undefined;
      if (lines === undefined) return problem;
      return {
        ...problem,
        message: `${problem.message}; ${lines.length} entr${lines.length === 1 ? 'y' : 'ies'} of ${mapFile} point${lines.length === 1 ? 's' : ''} to it (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`,
      };
    });
}

/**
 * The line a report of lost addresses starts with: how many published addresses moved and the
 * one command that fixes them and every link and entry that broke with them. Undefined when no
 * published address was lost.
 */
export function movedAddressesLead(problems: readonly Problem[]): string | undefined {
  const lost = problems.filter((problem) => problem.code === 'lost-anchor').length;
  if (lost === 0) return undefined;
  const links = problems.filter(
    (problem) =>
      LINK_CODES.has(problem.code) && problem.fix?.startsWith(`run \`${MOVES_COMMAND}\``),
  ).length;
  const them = lost === 1 ? 'it' : 'them';
  // An address whose text was not found anywhere (rewritten, or deleted) is asked about.
  const asked = problems.filter(
    (problem) => problem.code === 'lost-anchor' && problem.suggestion === undefined,
  ).length;
  return (
    `${lost} published address${lost === 1 ? '' : 'es'} moved and nothing redirects ${them} yet: run \`${MOVES_COMMAND}\`; ` +
    `it adds the redirects${links === 0 ? '' : `, rewrites the ${links} link${links === 1 ? '' : 's'} to ${them} listed below`} and updates the lock` +
    (asked === 0
      ? '.'
      : `, once you choose where ${asked === lost ? (lost === 1 ? 'it leads' : 'they lead') : `${asked} of them lead${asked === 1 ? 's' : ''}`} (it asks: too little of ${asked === 1 ? 'its' : 'their'} text is left to tell).`)
  );
}
