/**
 * The stages of `npm test` (scripts/test-all.ts runs them). A list of its own, so that the README
 * test can tell which `npm run` scripts are exactly a stage of this run.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface Stage {
  name: string;
  command: string;
  env?: Record<string, string>;
  /** Stages whose output this one reads; it starts when they have finished. */
  after?: string[];
  /** Runs when every other stage has finished, with nothing beside it, and streams its output. */
  alone?: boolean;
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

/**
 * In the order they are started when two run at once: the long ones first, each as early as the
 * stages it reads allow. Astro builds in this folder share its caches, so they run one after
 * another; the type check reads what they generate. Build and preview tests work on copies.
 */
export const stages: Stage[] = [
  { name: 'build (base /)', command: 'astro build' },
  {
    name: 'build tests',
    command: "node --test --test-concurrency=1 'tests/build/*.test.ts'",
    count: nodeTestCounts,
  },
  {
    // Written as `npm run build:preview` has it, so the README test knows it for that script.
    name: 'build (base /pr-123/)',
    command: 'SITE_BASE=/pr-123/ OUT_DIR=dist-pr astro build',
    after: ['build (base /)'],
  },
  {
    // What the preview project of the browser suite publishes; compared with the build above.
    name: 'build (preview of pull request 7)',
    command:
      'lasting-links preview build --pr 7 --sha "$(git rev-parse HEAD 2>/dev/null || echo 0000000)" --out dist-preview --base-dist dist --summary .build/preview/pr-7.md',
    after: ['build (base /pr-123/)'],
  },
  {
    // The authoring manual, a site of its own with the same theme: what manual.spec.ts reads.
    name: 'build (authoring manual)',
    command: 'astro build --root manual',
    after: ['build (preview of pull request 7)'],
  },
  {
    // A pull request that moves, renames and rewrites, in a copy of the project: what the
    // browser suite's review tests read (changes on the What-changed page and on the pages).
    name: 'build (preview of pull request 8, with changes)',
    command: 'node tests/e2e/support/changed-preview.ts',
    after: ['build (base /)'],
  },
  // The whole Mattermost docs set and its imported 2,166-entry Sphinx map: built (with its own
  // link check and lock proof, as any build) in its own folder, then proven in the browser with
  // the other specs.
  { name: 'scale site build', command: 'node scripts/build-scale-site.ts' },
  {
    // In the scale site's own folder, so its imported map and lock apply.
    name: 'link check (scale site)',
    command: 'cd .build/scale/project && lasting-links check --dist ../dist',
    after: ['scale site build'],
  },
  {
    // `moves --from-log` against the scale site's sources (no build) and a large log read in bounded memory.
    name: 'traffic logs (moves --from-log on the scale site)',
    command: "node --test --test-concurrency=1 'tests/traffic/*.test.ts'",
    count: nodeTestCounts,
  },
  {
    // The package as other sites install it: packed, unpacked into a Starlight site, proven there.
    name: 'Starlight site (lasting-links from its tarball)',
    command: "node --test 'tests/starlight/*.test.ts'",
    count: nodeTestCounts,
  },
  {
    name: 'preview tests (publishing to a folder and to a local S3 API, workflows)',
    command: "node --test --test-concurrency=1 'tests/preview/*.test.ts'",
    count: nodeTestCounts,
  },
  {
    // Every command of the README, run as written in a fresh copy of the project (its own builds).
    name: 'README commands (in a fresh copy, in the README’s order)',
    command: "node --test --test-concurrency=1 'tests/readme/*.test.ts'",
    count: nodeTestCounts,
  },
  // Type-aware lint needs Astro's generated types (`.astro/`), which a fresh clone gets from its first build.
  { name: 'code lint (typescript-eslint)', command: 'eslint .', after: ['build (base /)'] },
  {
    name: 'type check',
    command: 'astro check',
    after: ['build (preview of pull request 7)'],
  },
  {
    name: 'unit tests',
    // One process for every file: a process per file spent half the stage's CPU starting Node and
    // loading the same modules again (the unit tests share no state a file could leave behind).
    command:
      "node --test --test-isolation=none 'tests/unit/*.test.ts' 'packages/lasting-links/tests/unit/*.test.ts'",
    count: nodeTestCounts,
  },
  {
    name: 'content tests',
    command: "node --test 'tests/content/*.test.ts'",
    count: nodeTestCounts,
    after: ['build (base /)', 'build (base /pr-123/)', 'build (preview of pull request 7)'],
  },
  { name: 'format (prettier)', command: 'prettier --check .' },
  { name: 'unused files, exports and dependencies (knip)', command: 'knip' },
  {
    name: 'docs lint',
    command: `lasting-links lint --format ${process.env.CI ? 'github' : 'human'}`,
  },
  {
    name: 'browser tests',
    command: 'playwright test',
    env: { SCALE_SITE: 'on', MANUAL_SITE: 'on' },
    count: playwrightCounts,
    alone: true,
  },
];
