/**
 * `lasting-links COMMAND`: one entry point for every command of the package. It reads the
 * environment once and passes it down; each command reads its own flags and prints its own
 * `--help`.
 */
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
const { run } = await COMMANDS[command]!();
try {
  // exitCode rather than exit(): a long report piped to another program must be written out in full.
  process.exitCode = await run(args, commandEnvironment(process.env));
} catch (error) {
  // Bad input is reported as one message naming what to fix, never as a stack trace.
  console.error(`lasting-links ${command}: ${(error as Error).message}`);
  process.exitCode = 2;
}
