/**
 * `npm test`: every check the project has. Ends with one line, `N passed, N failed`, counting
 * test cases from the test runners and one case per non-test stage (build, type check, link check).
 *
 * Stages run as many at a time as the machine has cores (`TEST_JOBS=N` to change that), each as
 * soon as the stages it reads have finished: most of them keep one core busy, so two cores finish
 * the list in about half the time. A stage's output is printed whole when it ends, so two stages
 * never interleave; the browser suite runs last, alone, and streams as it runs.
 *
 * Stages keep going after a failure so that one run shows everything that is wrong; the exit
 * code is 1 when anything failed.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { stages, type Stage } from './test-stages.ts';

/** Runs a stage; its output is streamed, or held and returned to be printed whole. */
function run(stage: Stage, stream: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(stage.command, {
      shell: true,
      env: { ...process.env, ...stage.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const tee = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString();
      if (stream) to.write(chunk);
    };
    child.stdout.on('data', (chunk: Buffer) => tee(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => tee(chunk, process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

interface Outcome {
  passed: number;
  failed: number;
  seconds: number;
}

async function execute(stage: Stage, stream: boolean): Promise<Outcome> {
  const header = `━━ ${stage.name} ━━ ${stage.command}`;
  console.log(stream ? `\n${header}` : `▶ started: ${stage.name}`);
  const t0 = Date.now();
  const { code, output } = await run(stage, stream);
  const seconds = (Date.now() - t0) / 1000;
  if (!stream) console.log(`\n${header} (${seconds.toFixed(1)} s)\n${output.trimEnd()}`);
  let counts = stage.count
    ? stage.count(output)
    : code === 0
      ? { passed: 1, failed: 0 }
      : { passed: 0, failed: 1 };
  // A runner that exits non-zero without reporting a failed case still failed (it crashed).
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  if (stage.count && counts.passed + counts.failed === 0) counts = { passed: 0, failed: 1 }; // ran no test
  return { ...counts, seconds };
}

/**
 * Runs `list` with up to `jobs` stages at once, each started once the stages it names in `after`
 * (those in the list) have finished, in list order otherwise.
 */
async function runPool(list: Stage[], jobs: number, outcomes: Map<Stage, Outcome>) {
  const pending = [...list];
  const active = new Map<Stage, Promise<void>>();
  const unfinished = (name: string) =>
    pending.some((stage) => stage.name === name) ||
    [...active.keys()].some((stage) => stage.name === name);
  while (pending.length > 0 || active.size > 0) {
    while (active.size < jobs) {
      const next = pending.find((stage) => !(stage.after ?? []).some(unfinished));
      if (next === undefined) break;
      pending.splice(pending.indexOf(next), 1);
      active.set(
        next,
        execute(next, jobs === 1).then((outcome) => {
          outcomes.set(next, outcome);
          active.delete(next);
        }),
      );
    }
    if (active.size === 0)
      throw new Error(`stages wait on each other: ${pending.map((s) => s.name).join(', ')}`);
    await Promise.race(active.values());
  }
}

const only = process.argv.slice(2);
const selected = stages.filter(
  (stage) => only.length === 0 || only.some((name) => stage.name.includes(name)),
);
const jobs = Number(process.env.TEST_JOBS ?? availableParallelism());
const started = Date.now();
rmSync('test-results/playwright.json', { force: true });

const outcomes = new Map<Stage, Outcome>();
await runPool(
  selected.filter((stage) => !stage.alone),
  jobs,
  outcomes,
);
for (const stage of selected.filter((s) => s.alone))
  outcomes.set(stage, await execute(stage, true));

let passed = 0;
let failed = 0;
const summary = selected.map((stage) => {
  const outcome = outcomes.get(stage)!;
  passed += outcome.passed;
  failed += outcome.failed;
  return `${outcome.failed ? '✗' : '✓'} ${stage.name}: ${outcome.passed} passed, ${outcome.failed} failed (${outcome.seconds.toFixed(1)} s)`;
});

console.log(`\n${summary.join('\n')}\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
