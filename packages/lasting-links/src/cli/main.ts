/**
 * `lasting-links COMMAND`: one entry point for every command of the package. It reads the
 * environment once and passes it down; each command reads its own flags and prints its own
 * `--help`.
 */
import { isMainThread, Worker } from 'node:worker_threads';
import { commandEnvironment, type CommandEnvironment } from './environment.ts';

type Command = { run: (args: string[], env: CommandEnvironment) => Promise<number> };

const COMMANDS: Record<string, () => Promise<Command>> = {
  moves: () => import('./moves.ts'),
  check: () => import('./check.ts'),
  lint: () => import('./lint.ts'),
  'import-sphinx': () => import('./import-sphinx.ts'),
  publish: () => import('./publish.ts'),
  'preview build': () => import('./preview-build.ts'),
  'preview publish': () => import('./preview-publish.ts'),
  'preview remove': () => import('./preview-remove.ts'),
};

/**
 * Commands that scan a whole built site, with the young-generation size (MB) they run with.
 * A scan makes millions of short-lived strings; V8's default young generation grows to tens of
 * megabytes per semi-space for them, which raised `check`'s peak memory on a 5,000-page site from
 * about 270 MB to 370 MB for no gain in time. Node takes the limit only when a heap is created,
 * so the command runs in a worker thread made with it (one process, one extra small heap).
 */
const SMALL_YOUNG_GENERATION: Record<string, number> = { check: 24 };

const usage = `usage: lasting-links <command> [options]

commands:
  moves [--write] [--init]      find where renamed and moved pages and sections went, and keep them working
  check [--dist DIR]            check every link and anchor of a built site
  lint [FILE…]                  the docs lint
  import-sphinx --sphinx FILE   import a Sphinx-era redirect map
  publish --to TARGET           publish the production build (dir:PATH or s3://BUCKET[/PREFIX])
  preview build|publish|remove  pull request previews

Run a command with --help for its options.`;

const [first, second, ...rest] = process.argv.slice(2);
const twoWords = first !== undefined && second !== undefined ? `${first} ${second}` : undefined;
const command = twoWords !== undefined && twoWords in COMMANDS ? twoWords : first;
const asked = command === undefined || command === '--help' || command === '-h';
if (asked || !(command in COMMANDS)) {
  if (!asked) console.error(`lasting-links: no command "${command}".\n`);
  console.log(usage);
  process.exit(asked ? 0 : 2);
}
const args = command === twoWords ? rest : [second, ...rest].filter((arg) => arg !== undefined);
if (command in SMALL_YOUNG_GENERATION && isMainThread) {
  // Run the command in a worker thread whose young generation is capped (see the list above).
  // Its output goes through this thread, and its exit code becomes this process's.
  const worker = new Worker(new URL(import.meta.url), {
    argv: process.argv.slice(2),
    resourceLimits: { maxYoungGenerationSizeMb: SMALL_YOUNG_GENERATION[command] },
  });
  worker.once('error', (error: Error) => {
    console.error(`lasting-links ${command}: ${error.message}`);
    process.exitCode = 2;
  });
  worker.once('exit', (code) => {
    process.exitCode ||= code;
  });
} else {
  await runCommand(command, args);
}

async function runCommand(command: string, args: string[]): Promise<void> {
  const { run } = await COMMANDS[command]!();
  try {
    // exitCode rather than exit(): a long report piped to another program must be written out in full.
    process.exitCode = await run(args, commandEnvironment(process.env));
  } catch (error) {
    // Bad input is reported as one message naming what to fix, never as a stack trace.
    console.error(`lasting-links ${command}: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
