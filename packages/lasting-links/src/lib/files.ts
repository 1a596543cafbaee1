/** Reading files that may legitimately be absent, and writing files whole or not at all. */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A text file's content, or undefined when it does not exist (any other failure is thrown). */
export async function readOptionalText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

let temporaryCount = 0;

/**
 * Writes `path` whole or not at all: the text goes to a temporary file beside it, is flushed to
 * the disk, and is renamed over `path` in one step, so a full disk, a crash or a kill leaves the
 * old file as it was (and no temporary one). A failure is thrown with the file's name in it.
 *
 * Written here rather than taken from write-file-atomic: that package (and proper-lockfile)
 * installs signal-exit, whose handler re-raises SIGXFSZ, so a write past a file-size limit kills
 * the process without a word instead of failing with EFBIG that can be reported.
 */
export async function writeWhole(path: string, text: string | Buffer): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${++temporaryCount}.tmp`,
  );
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new Error(
      `${path} could not be written (${(error as Error).message}); it was left as it was`,
      { cause: error },
    );
  }
}
