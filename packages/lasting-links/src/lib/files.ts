/** Reading files that may legitimately be absent, and writing files whole or not at all. */
import { readFileSync } from 'node:fs';
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

/**
 * A text file's content, or undefined when it cannot be read for any reason: for what runs while
 * a writer edits (dev's marks) or only reports (a command's first look), where a file that is
 * missing or half-written must not stop the work.
 */
export function readTextIfReadable(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

let temporaryCount = 0;

/** A file to write and its new content. */
export interface FileWrite {
  path: string;
  text: string | Buffer;
}

/**
 * Writes every file whole, or none of them: each text goes to a temporary file beside its file
 * and is flushed to the disk; only when all are written are they renamed over their files, one
 * atomic step each. A full disk, a crash or a kill while writing leaves every file as it was (and
 * no temporary file); the error thrown names the file that could not be written.
 *
 * Written here rather than taken from write-file-atomic: that package (and proper-lockfile)
 * installs signal-exit, whose handler re-raises SIGXFSZ, so a write past a file-size limit kills
 * the process without a word instead of failing with EFBIG that can be reported.
 */
export async function writeAllWhole(files: readonly FileWrite[]): Promise<void> {
  const written: Array<{ temporary: string; path: string }> = [];
  try {
    for (const { path, text } of files) {
      const temporary = join(
        dirname(path),
        `.${basename(path)}.${process.pid}.${++temporaryCount}.tmp`,
      );
      written.push({ temporary, path });
      try {
        const file = await open(temporary, 'wx');
        try {
          await file.writeFile(text);
          await file.sync();
        } finally {
          await file.close();
        }
      } catch (error) {
        throw new Error(
          `${path} could not be written (${(error as Error).message}); it was left as it was`,
          { cause: error },
        );
      }
    }
  } catch (error) {
    await Promise.all(written.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  for (const { temporary, path } of written) await rename(temporary, path);
}

/** Writes `path` whole or not at all (see `writeAllWhole`). */
export function writeWhole(path: string, text: string | Buffer): Promise<void> {
  return writeAllWhole([{ path, text }]);
}
