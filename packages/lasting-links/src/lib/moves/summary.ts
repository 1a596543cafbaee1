/**
 * The review summary `lasting-links moves` prints: each move as old → new with its confidence and
 * why, the ids it pins, the map entries it adds, retargets or drops, the links it rewrites, the
 * lock's new anchors, and every question it could not decide with its best candidates.
 */
import { displayLocation, displayTarget } from '../redirects/locations.ts';
import type { FoundMoves, MoveQuestion } from './find-moves.ts';
import type { MapEdit } from './plan-moves.ts';
import type { SourceEdit } from './source-edits.ts';

/** Everything the summary reports. */
export interface MovesReport {
  /** What "published" was compared with, e.g. `the anchors lock and the sources at HEAD`. */
  comparedWith: string;
  found: FoundMoves;
  edits: readonly MapEdit[];
  linkEdits: readonly SourceEdit[];
  pinEdits: readonly SourceEdit[];
  lockAdded: readonly string[];
  lockUpdated: number;
  mapFile: string;
  lockFile: string;
  written: boolean;
  /** `--write` was given (nothing is written while a question is open). */
  writeAsked?: boolean;
}

const percent = (share: number) => `${Math.round(share * 100)}%`.padStart(4);

/** The summary as text for people. */
export function formatMovesReport(report: MovesReport): string {
  const lines: string[] = [`Compared the site with what was published (${report.comparedWith}).`];
  const section = (title: string, items: string[]) => {
    if (items.length > 0)
      lines.push('', `${title} (${items.length}):`, ...items.map((item) => `  ${item}`));
  };
  section(
    'Moved pages',
    report.found.pages.map(
      (move) => `${move.from} → ${move.to}  ${percent(move.confidence)}  ${move.reason}`,
    ),
  );
  section(
    'Moved sections',
    report.found.sections.map(
      (move) =>
        `${displayLocation(move.from)} → ${displayLocation(move.to)}  ${percent(move.confidence)}  ${move.heading}: ${move.reason}`,
    ),
  );
  section(
    'Headings given their own id',
    report.pinEdits
      .map((edit) => `${edit.file}:${edit.line}  ${edit.now}`)
      .concat(report.found.pins.map((pin) => `  because ${pin.reason}`)),
  );
  section(
    `${report.mapFile}`,
    report.edits.map((edit) => {
      if (edit.kind === 'add') return `+ ${displayLocation(edit.from)} → ${displayTarget(edit.to)}`;
      if (edit.kind === 'remove')
        return `- line ${edit.entry.line}: ${displayLocation(edit.entry.from)} (${edit.why})`;
      return `~ line ${edit.entry.line}: ${displayLocation(edit.entry.from)} → ${displayTarget(edit.to)} (was ${displayTarget(edit.entry.to)}${edit.why === '' ? '' : `; ${edit.why}`})`;
    }),
  );
  section(
    'Links rewritten',
    report.linkEdits.map(
      (edit) => `${edit.file}:${edit.line}:${edit.column}  ${edit.was} → ${edit.now}`,
    ),
  );
  if (report.lockAdded.length > 0 || report.lockUpdated > 0) {
    lines.push(
      '',
      `${report.lockFile}: ${report.lockAdded.length} published address(es) added, ${report.lockUpdated} fingerprint(s) recorded or updated; nothing removed.`,
    );
  }
  const questions = report.found.questions;
  if (questions.length > 0) {
    lines.push(
      '',
      `Questions (${questions.length}): too little of the old text was found to decide where ${questions.length === 1 ? 'this address leads' : 'these addresses lead'}; choose a home for each.`,
    );
    for (const question of questions) lines.push(indent(formatQuestion(question)));
  }
  const work =
    report.edits.length +
    report.linkEdits.length +
    report.pinEdits.length +
    report.lockAdded.length +
    report.lockUpdated;
  lines.push('');
  if (questions.length > 0) {
    const first = questions[0]!;
    const example = first.choices[0]?.to ?? { path: first.from.path, fragment: null };
    lines.push(
      `Nothing was written: ${questions.length === 1 ? 'a question is' : `${questions.length} questions are`} open. Answer in a terminal, or on the command line with --choose OLD=NEW, once per question; to send ${displayLocation(first.from)} to its first candidate:`,
      `  npx lasting-links moves --write --choose ${displayLocation(first.from)}=${displayLocation(example)}`,
    );
  } else if (work === 0) lines.push('Nothing to do: every published address lands on its content.');
  else if (report.written)
    lines.push(`Written. Review the changes above, then build (astro build).`);
  else if (work > 0)
    lines.push('Nothing was written: run `npx lasting-links moves --write` to apply.');
  return lines.join('\n') + '\n';
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');

/** One question: the old address, why it is asked, and its candidates, best first. */
export function formatQuestion(question: MoveQuestion): string {
  return [
    `${displayLocation(question.from)} ("${question.heading}"): ${question.reason}`,
    ...question.choices.map(
      (choice, index) => `   ${index + 1}. ${displayLocation(choice.to)}  ${choice.reason}`,
    ),
  ].join('\n');
}
