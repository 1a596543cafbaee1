/**
 * What the preview commands share: flags read strictly, and failures reported as one clear
 * message (exit 2 for bad input, 1 for anything else), never as a stack trace.
 */
import { UsageError } from '../lib/preview/options.ts';

/** `--help` was asked for: the usage is printed, and the command ends well. */
class HelpShown extends Error {}

/**
 * The flags `parse` reads (a `parseArgs` call with `strict: true`), or a usage error that shows
 * `usage`; `--help` prints `usage` and ends the command.
 */
export function readFlags<T>(argv: readonly string[], parse: () => T, usage: string): T {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage);
    throw new HelpShown();
  }
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** Runs a command's `main`, turning a thrown error into its message and an exit code. */
export async function runCommand(name: string, main: () => Promise<void>): Promise<number> {
  try {
    await main();
    return 0;
  } catch (error) {
    if (error instanceof HelpShown) return 0;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${name}: ${message}`);
    return error instanceof UsageError ? 2 : 1;
  }
}
