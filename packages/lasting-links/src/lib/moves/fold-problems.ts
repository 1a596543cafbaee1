/**
 * One rename breaks many things at once: the published address, the entries of the map that
 * led to it, the links that pointed at it and the cross-references that took its title. This
 * folds those consequences into the lost address's problem, so a build reports the rename once,
 * with the one command that fixes all of it, and keeps every link it must rewrite with that fix.
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

/** `problems` with the consequences of lost addresses folded into them. */
export function foldIntoLostAnchors(problems: readonly Problem[], mapFile: string): Problem[] {
  const lost = new Map<string, Problem>();
  for (const problem of problems)
    if (problem.code === 'lost-anchor' && problem.target !== undefined)
      lost.set(problem.target, problem);
  if (lost.size === 0) return [...problems];
  const pointing = new Map<string, number[]>();
  const linked = new Set<string>();
  const result: Problem[] = [];
  for (const problem of problems) {
    const root = problem.target === undefined ? undefined : lost.get(problem.target);
    if (root === undefined || problem === root) {
      result.push(problem);
    } else if (problem.code === 'redirect-target') {
      pointing.set(problem.target!, [
        ...(pointing.get(problem.target!) ?? []),
        problem.at?.line ?? 0,
      ]);
    } else if (LINK_CODES.has(problem.code)) {
      // The empty-text cross-reference and the missing anchor of one link are one problem.
      const key = `${problem.page ?? ''} ${problem.url ?? ''}`;
      if (linked.has(key)) continue;
      linked.add(key);
      result.push({
        ...problem,
        fix: `run \`${MOVES_COMMAND}\`: ${problem.target} was published and moved${root.suggestion === undefined ? '' : ` to ${root.suggestion}`}, and it rewrites this link`,
      });
    } else {
      result.push(problem);
    }
  }
  return result.map((problem) => {
    const lines =
      problem.code === 'lost-anchor' && problem.target !== undefined
        ? pointing.get(problem.target)
        : undefined;
    if (lines === undefined) return problem;
    return {
      ...problem,
      message: `${problem.message}; ${lines.length} entr${lines.length === 1 ? 'y' : 'ies'} of ${mapFile} point${lines.length === 1 ? 's' : ''} to it (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`,
    };
  });
}
