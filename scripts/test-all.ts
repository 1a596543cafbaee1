/**
 * `npm test`: every check the project has, in the order a failure is cheapest to read, each
 * stage's output streamed as it runs. Ends with one line, `N passed, N failed`, counting test
 * cases from the test runners and one case per non-test stage (build, type check, link check).
 *
 * Stages keep going after a failure so that one run shows everything that is wrong; the exit
 * code is 1 when anything failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

interface Stage {
  name: string;
  command: string;
  env?: Record<string, string>;
  /** How to count test cases from the output; absent for a stage that is one check. */
  count?: (output: string) => { passed: number; failed: number };
}

/** Node's test runner ends with `ℹ pass N` and `ℹ fail N` lines. */
const nodeTestCounts = (output: string) => ({
  passed: Number(/^ℹ pass (\d+)/m.exec(output)?.[1] ?? 0),
  failed:
    Number(/^ℹ fail (\d+)/m.exec(output)?.[1] ?? 0) +
    Number(/^ℹ cancelled (\d+)/m.exec(output)?.[1] ?? 0),
});

/** Playwright's JSON report: expected and flaky pass; unexpected fail; skipped counts as failed (nothing may be skipped). */
const playwrightCounts = () => {
  const report = 'test-results/playwright.json';
  if (!existsSync(report)) return { passed: 0, failed: 1 };
  const { stats } = JSON.parse(readFileSync(report, 'utf8')) as {
    stats: { expected: number; flaky: number; unexpected: number; skipped: number };
  };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected + stats.skipped };
};

const stages: Stage[] = [
  { name: 'build (base /)', command: 'astro build' },
  {
    name: 'build (base /pr-123/)',
    command: 'astro build',
    env: { SITE_BASE: '/pr-123/', OUT_DIR: 'dist-pr' },
  },
  {
    // What the preview project of the browser suite publishes; compared with the build above.
    name: 'build (preview of pull request 7)',
    command:
      'node scripts/preview-build.ts --pr 7 --sha "$(git rev-parse HEAD 2>/dev/null || echo 0000000)" --out dist-preview --base-dist dist --summary .build/preview/pr-7.md',
  },
  { name: 'type check', command: 'astro check' },
  { name: 'format (prettier)', command: 'prettier --check .' },
  { name: 'code lint (typescript-eslint)', command: 'eslint .' },
  { name: 'unused files, exports and dependencies (knip)', command: 'knip' },
  {
    name: 'docs lint',
    command: `node scripts/lint-docs.ts --format ${process.env.CI ? 'github' : 'human'}`,
  },
  { name: 'unit tests', command: "node --test 'tests/unit/*.test.ts'", count: nodeTestCounts },
  {
    name: 'content tests',
    command: "node --test 'tests/content/*.test.ts'",
    count: nodeTestCounts,
  },
  {
    name: 'build tests',
    command: "node --test --test-concurrency=1 'tests/build/*.test.ts'",
    count: nodeTestCounts,
  },
  {
    name: 'preview tests (publishing to a folder and to a local S3 API, workflows)',
    command: "node --test --test-concurrency=1 'tests/preview/*.test.ts'",
    count: nodeTestCounts,
  },
  { name: 'link check (base /)', command: 'node scripts/check-links.ts --dist dist --base /' },
  {
    name: 'link check (base /pr-123/)',
    command: 'node scripts/check-links.ts --dist dist-pr --base /pr-123/',
  },
  // The whole Mattermost docs set and its imported 2,166-entry Sphinx map: built (with its own
  // link check and lock proof, as any build), then proven in the browser with the other specs.
  { name: 'scale site build', command: 'node scripts/build-scale-site.ts' },
  {
    // From the scale project's own copy of the checker, so its imported map and lock apply.
    name: 'link check (scale site)',
    command: 'node .build/scale/project/scripts/check-links.ts --dist ../dist',
  },
  {
    name: 'browser tests',
    command: 'playwright test',
    env: { SCALE_SITE: 'on' },
    count: playwrightCounts,
  },
];

function run(stage: Stage): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(stage.command, {
      shell: true,
      env: { ...process.env, ...stage.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const tee = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on('data', (chunk: Buffer) => tee(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => tee(chunk, process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const summary: string[] = [];
const started = Date.now();
rmSync('test-results/playwright.json', { force: true });

for (const stage of stages.filter(
  (s) => only.length === 0 || only.some((o) => s.name.includes(o)),
)) {
  console.log(`\n━━ ${stage.name} ━━ ${stage.command}`);
  const t0 = Date.now();
  const { code, output } = await run(stage);
  let counts = stage.count
    ? stage.count(output)
    : code === 0
      ? { passed: 1, failed: 0 }
      : { passed: 0, failed: 1 };
  // A runner that exits non-zero without reporting a failed case still failed (it crashed).
  if (code !== 0 && counts.failed === 0) counts = { ...counts, failed: 1 };
  if (stage.count && counts.passed + counts.failed === 0) counts = { passed: 0, failed: 1 }; // ran no test
  passed += counts.passed;
  failed += counts.failed;
  summary.push(
    `${counts.failed ? '✗' : '✓'} ${stage.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}

console.log(`\n${summary.join('\n')}\nTotal time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
