/**
 * `lasting-links moves --from-log FILE…`: learns from the hosts' access logs which addresses
 * readers still ask for and get a 404, and proposes where each should land (see
 * `lib/traffic/propose.ts` for how). Confident proposals become map entries with `--write`;
 * the others are questions, written only once answered with `--choose OLD=NEW`. Map entries
 * nobody used in the logs' window are listed as candidates to retire, never removed.
 */
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { writeAllWhole } from '../lib/files.ts';
import type { CurrentSite } from '../lib/moves/find-moves.ts';
import type { PublishedPage } from '../lib/moves/published.ts';
import { editMapFile } from '../lib/moves/edit-map-file.ts';
import type { MapEdit } from '../lib/moves/plan-moves.ts';
import { planRedirects } from '../lib/redirects/plan-redirects.ts';
import type { RedirectEntry } from '../lib/redirects/redirect-map.ts';
import {
  displayLocation,
  displayTarget,
  parseTarget,
  type RedirectTarget,
} from '../lib/redirects/locations.ts';
import { isLogFormat, LOG_FORMATS } from '../lib/traffic/log-format.ts';
import { readLogs, type ReadProgress } from '../lib/traffic/read-logs.ts';
import { emptyTally, type PathHits, type TrafficTally } from '../lib/traffic/tally.ts';
import {
  CONFIDENT,
  landsNow,
  mapAddress,
  proposeHome,
  type Candidate,
  type Proposal,
} from '../lib/traffic/propose.ts';
import { formerNames } from '../lib/traffic/map-history.ts';
import { requestSpellings, unusedEntries } from '../lib/traffic/unused-entries.ts';

export interface FromLogInput {
  files: string[];
  format: string | undefined;
  choose: string[];
  write: boolean;
  json: boolean;
  root: string;
  mapFile: string;
  mapText: string;
  entries: readonly RedirectEntry[];
  allowedHosts: readonly string[];
  site: CurrentSite;
  published: readonly PublishedPage[];
  /** Whether a person is at a terminal to answer questions. */
  interactive: boolean;
}

/** One 404 path and what is proposed for it. */
interface Finding {
  logged: string;
  hits: PathHits;
  proposal: Proposal;
  /** The answer given with --choose or at the terminal. */
  chosen?: RedirectTarget;
}

/** Unused map entries the report for people shows. */
const UNUSED_SHOWN = 50;

/**
 * A read taking longer than this gets progress lines on stderr: a large log, or a gzipped one
 * whose few megabytes hold millions of lines.
 */
const PROGRESS_AFTER_MS = 2000;

export async function runFromLog(input: FromLogInput): Promise<number> {
  if (input.format !== undefined && !isLogFormat(input.format)) {
    console.error(
      `moves: --log-format must be ${LOG_FORMATS.join(', ')}, not "${input.format}" (leave it out to recognise each file)`,
    );
    return 2;
  }
  const choices = parseChoices(input.choose, input.allowedHosts);
  if (typeof choices === 'string') {
    console.error(`moves: ${choices}`);
    return 2;
  }

  const watched = new Set(input.entries.flatMap(requestSpellings));
  const tally = emptyTally();
  // Set from the progress callback: an object, so the check after the read sees the change.
  const progress = { shown: false };
  const started = performance.now();
  const showProgress = (read: ReadProgress) => {
    if (performance.now() - started < PROGRESS_AFTER_MS) return;
    progress.shown = true;
    process.stderr.write(
      `moves: read ${megabytes(read.bytesRead)} of ${megabytes(read.totalBytes)} MB, ${read.lines.toLocaleString('en')} lines\n`,
    );
  };
  try {
    await readLogs({
      files: input.files,
      format: input.format,
      tally,
      watched,
      onProgress: showProgress,
      progressEvery: 500_000,
    });
  } catch (error) {
    console.error(`moves: ${(error as Error).message}`);
    return 2;
  }
  if (progress.shown) process.stderr.write('moves: logs read\n');

  const { plan } = planRedirects(input.entries, input.site.index, input.mapFile);
  const context = {
    site: input.site,
    plan,
    published: input.published,
    entries: input.entries,
    formerNames: formerNames(input.entries, plan, input.site.index),
  };
  const findings: Finding[] = [...tally.notFound]
    .sort(([a, left], [b, right]) => right.hits - left.hits || (a < b ? -1 : 1))
    .map(([logged, hits]) => ({ logged, hits, proposal: proposeHome(logged, context) }));

  // Answers: --choose first, then a person at the terminal for what is left.
  const unknownChoices = new Set(choices.keys());
  for (const finding of findings) {
    const key = [finding.logged, fromOf(finding)].find(
      (spelling) => spelling !== undefined && choices.has(spelling),
    );
    if (key === undefined) continue;
    unknownChoices.delete(key);
    finding.chosen = choices.get(key)!;
  }
  for (const old of unknownChoices)
    console.error(`moves: --choose ${old}=…: no path that answered 404 in the logs is ${old}`);
  const badChoices = findings.filter(
    (finding) => finding.chosen !== undefined && !landsNow(finding.chosen, input.site.index),
  );
  for (const finding of badChoices)
    console.error(
      `moves: --choose ${finding.logged}=${displayTarget(finding.chosen!)}: that is not a page or section of the site`,
    );
  if (unknownChoices.size > 0 || badChoices.length > 0) return 2;
  const open = () =>
    findings.filter(
      (finding) => finding.proposal.kind === 'question' && finding.chosen === undefined,
    );
  if (input.write && input.interactive && !input.json) await askAtTerminal(open());

  // `/a/b` and `/a/b/` are one map address: the first (most hits) gives its entry.
  const added = new Set<string>();
  const edits: MapEdit[] = findings.flatMap((finding): MapEdit[] => {
    const to =
      finding.chosen ?? (finding.proposal.kind === 'proposed' ? finding.proposal.to : undefined);
    const from = mapAddress(finding.logged);
    if (to === undefined || typeof from === 'string' || finding.proposal.kind === 'covered')
      return [];
    if (added.has(displayLocation(from))) return [];
    added.add(displayLocation(from));
    const note = `404 for ${finding.hits.hits} request${finding.hits.hits === 1 ? '' : 's'} from ${day(finding.hits.first)} to ${day(finding.hits.last)} (moves --from-log)`;
    return [{ kind: 'add', from, to, note }];
  });
  if (input.write && edits.length > 0) {
    try {
      await writeAllWhole([
        { path: join(input.root, input.mapFile), text: editMapFile(input.mapText, edits) },
      ]);
    } catch (error) {
      console.error(`moves: ${(error as Error).message}; nothing was written`);
      return 1;
    }
  }

  const locked = new Set(input.published.map((page) => page.path as string));
  const unused = unusedEntries(input.entries, tally.used, locked);
  if (input.json) printJson(findings, unused);
  else printReport(input, tally, findings, unused, edits.length);

  const questions = open();
  if (questions.length > 0 && !input.json) {
    console.error(
      `\nmoves: ${questions.length} question${questions.length === 1 ? '' : 's'} unanswered, nothing written for ${questions.length === 1 ? 'it' : 'them'}: ${questions
        .slice(0, 5)
        .map((finding) => finding.logged)
        .join(', ')}${questions.length > 5 ? ', …' : ''}\n` +
        `  Answer with --choose OLD=NEW (repeatable), e.g. --choose ${questions[0]!.logged}=${questions[0]!.proposal.kind === 'question' && questions[0]!.proposal.candidates[0] !== undefined ? displayTarget(questions[0]!.proposal.candidates[0].to) : '/new/page/'}`,
    );
  }
  return questions.length > 0 || (!input.write && edits.length > 0) ? 1 : 0;
}

function fromOf(finding: Finding): string | undefined {
  return finding.proposal.kind === 'unusable' ? undefined : displayLocation(finding.proposal.from);
}

/** `OLD=NEW` answers, by OLD; a sentence when one is malformed. */
function parseChoices(
  values: readonly string[],
  allowedHosts: readonly string[],
): Map<string, RedirectTarget> | string {
  const choices = new Map<string, RedirectTarget>();
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0)
      return `--choose ${value}: write it as OLD=NEW, e.g. --choose /old/page.html=/new/page/`;
    const target = parseTarget(value.slice(at + 1), allowedHosts);
    if (!target.ok) return `--choose ${value}: ${target.reason}`;
    choices.set(value.slice(0, at), target.value);
  }
  return choices;
}

/** Asks about each question; an empty answer leaves it unanswered. */
async function askAtTerminal(questions: Finding[]): Promise<void> {
  if (questions.length === 0) return;
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const finding of questions) {
      if (finding.proposal.kind !== 'question') continue;
      const { candidates } = finding.proposal;
      const lines = candidates.map(
        (candidate, n) => `  ${n + 1}. ${displayTarget(candidate.to)}  (${candidate.reason})`,
      );
      const answer = await terminal.question(
        `${finding.logged} (${finding.hits.hits} hits): ${finding.proposal.reason}\n${lines.join('\n')}\n  Which one (1-${candidates.length}, Enter to leave it)? `,
      );
      const picked = candidates[Number(answer.trim()) - 1];
      if (picked !== undefined && answer.trim() !== '') finding.chosen = picked.to;
    }
  } finally {
    terminal.close();
  }
}

const day = (time: number) => new Date(time).toISOString().slice(0, 10);
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** JSON lines: one object per 404 path, then one per unused map entry. */
function printJson(findings: readonly Finding[], unused: readonly RedirectEntry[]): void {
  const candidateJson = (candidate: Candidate) => ({
    to: displayTarget(candidate.to),
    confidence: candidate.confidence,
    reason: candidate.reason,
  });
  const out: string[] = [];
  for (const finding of findings) {
    const proposal = finding.proposal;
    const to =
      finding.chosen ??
      (proposal.kind === 'proposed' || proposal.kind === 'covered' ? proposal.to : undefined);
    out.push(
      JSON.stringify({
        from: finding.logged,
        hits: finding.hits.hits,
        first: new Date(finding.hits.first).toISOString(),
        last: new Date(finding.hits.last).toISOString(),
        status: finding.chosen === undefined ? proposal.kind : 'chosen',
        to: to === undefined ? null : displayTarget(to),
        confidence: 'confidence' in proposal ? proposal.confidence : null,
        reason:
          proposal.kind === 'covered' ? 'the redirect map already sends it there' : proposal.reason,
        candidates: 'candidates' in proposal ? proposal.candidates.map(candidateJson) : [],
      }),
    );
  }
  for (const entry of unused)
    out.push(
      JSON.stringify({
        unused: displayLocation(entry.from),
        to: displayTarget(entry.to),
        line: entry.line,
      }),
    );
  process.stdout.write(out.length === 0 ? '' : `${out.join('\n')}\n`);
}

function printReport(
  input: FromLogInput,
  tally: TrafficTally,
  findings: readonly Finding[],
  unused: readonly RedirectEntry[],
  written: number,
): void {
  const window =
    tally.window === undefined
      ? 'no requests'
      : `${day(tally.window.first)} to ${day(tally.window.last)}`;
  const out: string[] = [
    `Read ${input.files.length} log file${input.files.length === 1 ? '' : 's'}: ${tally.requests.toLocaleString('en')} requests, ${window}; left out ${tally.skipped.asset.toLocaleString('en')} assets, ${tally.skipped.probe.toLocaleString('en')} probes, ${tally.skipped.bot.toLocaleString('en')} bot requests${tally.unreadLines > 0 ? `; ${tally.unreadLines.toLocaleString('en')} lines unreadable` : ''}.`,
  ];
  const hits = (finding: Finding) =>
    `${finding.hits.hits} hit${finding.hits.hits === 1 ? '' : 's'}, ${day(finding.hits.first)} to ${day(finding.hits.last)}`;
  const section = (
    title: string,
    items: readonly Finding[],
    line: (finding: Finding) => string[],
  ) => {
    if (items.length === 0) return;
    out.push('', title);
    for (const finding of items)
      out.push(
        `  ${finding.logged}  (${hits(finding)})`,
        ...line(finding).map((text) => `    ${text}`),
      );
  };
  const of = (kind: Proposal['kind']) =>
    findings.filter((finding) => finding.proposal.kind === kind && finding.chosen === undefined);
  const verb = input.write ? 'written' : 'to write with --write';
  section(
    `Proposed (confidence ${Math.round(CONFIDENT * 100)}% or more, ${verb}):`,
    of('proposed'),
    (finding) =>
      finding.proposal.kind === 'proposed'
        ? [
            `→ ${displayTarget(finding.proposal.to)}  ${Math.round(finding.proposal.confidence * 100)}%: ${finding.proposal.reason}`,
          ]
        : [],
  );
  section(
    `Answered (${verb}):`,
    findings.filter((finding) => finding.chosen !== undefined),
    (finding) => [`→ ${displayTarget(finding.chosen!)}  (your choice)`],
  );
  section(
    'Questions (nothing is written until answered with --choose OLD=NEW):',
    of('question'),
    (finding) =>
      finding.proposal.kind === 'question'
        ? [
            finding.proposal.reason,
            ...finding.proposal.candidates.map(
              (candidate, n) =>
                `${n + 1}. ${displayTarget(candidate.to)}  ${Math.round(candidate.confidence * 100)}%: ${candidate.reason}`,
            ),
          ]
        : [],
  );
  section(
    'Already in the redirect map (is the host serving the map as built?):',
    of('covered'),
    (finding) =>
      finding.proposal.kind === 'covered' ? [`→ ${displayTarget(finding.proposal.to)}`] : [],
  );
  section('Not an address the map can hold:', of('unusable'), (finding) =>
    finding.proposal.kind === 'unusable' ? [finding.proposal.reason] : [],
  );
  if (unused.length > 0) {
    out.push(
      '',
      `Map entries nobody used from ${window} (candidates to retire; review them, this command never removes one):`,
    );
    // A long map nobody reviewed has thousands: the first ones here, all of them in JSON.
    for (const entry of unused.slice(0, UNUSED_SHOWN))
      out.push(
        `  ${displayLocation(entry.from)} → ${displayTarget(entry.to)}  (${input.mapFile}:${entry.line})`,
      );
    if (unused.length > UNUSED_SHOWN)
      out.push(`  … and ${unused.length - UNUSED_SHOWN} more (--format json lists them all)`);
  }
  if (findings.length === 0) out.push('', 'No page answered 404 to readers.');
  if (input.write && written > 0)
    out.push('', `Wrote ${written} entr${written === 1 ? 'y' : 'ies'} to ${input.mapFile}.`);
  process.stdout.write(`${out.join('\n')}\n`);
}
