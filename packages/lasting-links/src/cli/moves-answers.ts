/**
 * The writer's answers to the questions of `lasting-links moves` (a lost address whose best new
 * home is too weak to redirect to by itself): `--choose OLD=NEW` on the command line, checked
 * against the run's questions and the live site, or a choice typed in a terminal.
 */
import type { planMoves } from '../lib/moves/plan-moves.ts';
import { formatQuestion } from '../lib/moves/summary.ts';
import type { MoveQuestion } from '../lib/moves/find-moves.ts';
import {
  displayLocation,
  locationKey,
  parseSiteLocation,
  type SiteLocation,
} from '../lib/redirects/locations.ts';

/** `OLD=NEW` of `--choose`, or what is wrong with it. */
export function parseChoice(value: string): { from: SiteLocation; to: SiteLocation } | string {
  const at = value.indexOf('=/');
  if (at < 0)
    return 'write the old address, "=", and its new home, both from the site root: --choose /a/#old=/a/#new';
  const from = parseSiteLocation(value.slice(0, at));
  if (!from.ok) return `the old address ${from.reason}`;
  const to = parseSiteLocation(value.slice(at + 1));
  if (!to.ok) return `the new home ${to.reason}`;
  return { from: from.value, to: to.value };
}

/** What is wrong with the answers: one to no question, or one naming no live page or heading. */
export function answerProblem(
  result: ReturnType<typeof planMoves>,
  answers: ReadonlyMap<string, SiteLocation>,
): string | undefined {
  const questions = result.found.questions.map((question) => displayLocation(question.from));
  const unused = result.unusedAnswers[0];
  if (unused !== undefined)
    return `--choose ${unused}=…: ${unused} is not a question of this run, so there is nothing to choose for it; ${questions.length === 0 ? 'this run asks nothing' : `the questions are: ${questions.join(', ')}`}`;
  for (const [key, to] of answers) {
    const page = result.site.index.get(to.path);
    if (page === undefined)
      return `--choose ${key}=${displayLocation(to)}: no page is served at ${to.path}; choose one of the candidates \`npx lasting-links moves\` lists`;
    if (to.fragment !== null && !page.ids.has(to.fragment))
      return `--choose ${key}=${displayLocation(to)}: ${to.path} has no heading #${to.fragment}; choose one of the candidates \`npx lasting-links moves\` lists`;
  }
  return undefined;
}

/** Asks each question in the terminal; the answers given, by old address. */
export async function askQuestions(
  questions: readonly MoveQuestion[],
): Promise<Map<string, SiteLocation>> {
  const { createInterface } = await import('node:readline');
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  // Lines are read through one iterator, so none typed ahead of its question is lost.
  const lines = terminal[Symbol.asyncIterator]();
  const answers = new Map<string, SiteLocation>();
  try {
    for (const question of questions) {
      process.stdout.write(
        `\n${formatQuestion(question)}\nWhere should ${displayLocation(question.from)} lead? [1-${question.choices.length}, Enter to leave it open] `,
      );
      const line = await lines.next();
      if (line.done === true) break;
      const reply = String(line.value).trim();
      const choice = question.choices[Number(reply) - 1];
      if (reply !== '' && choice !== undefined) answers.set(locationKey(question.from), choice.to);
    }
  } finally {
    terminal.close();
  }
  return answers;
}
