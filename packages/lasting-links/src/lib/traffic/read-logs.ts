/**
 * Reads access log files line by line into a tally: gzipped files (recognised by their magic
 * bytes, not their name) through a gunzip stream, every file through readline, so memory stays
 * bounded by the tally, not by the size of the logs.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { detectLogFormat, lineParser, type LogFormat } from './log-format.ts';
import type { LineParser } from './log-request.ts';
import { countRequest, type TrafficTally } from './tally.ts';

/** How far the reading has got, for a progress line. */
export interface ReadProgress {
  file: string;
  /** Bytes of the files read so far (compressed bytes for a gzipped file), of `totalBytes`. */
  bytesRead: number;
  totalBytes: number;
  lines: number;
}

export interface ReadLogsOptions {
  files: readonly string[];
  /** The format of every file; recognised per file when undefined. */
  format: LogFormat | undefined;
  tally: TrafficTally;
  watched: ReadonlySet<string>;
  /** Called about every `progressEvery` lines. */
  onProgress?: (progress: ReadProgress) => void;
  progressEvery?: number;
}

/** Lines a format is recognised from: enough to get past a header and a few odd lines. */
const DETECT_LINES = 20;

/** Reads every file into `options.tally`; rejects naming the file whose format is not known. */
export async function readLogs(options: ReadLogsOptions): Promise<void> {
  const sizes = await Promise.all(options.files.map(async (file) => (await stat(file)).size));
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  let doneBytes = 0;
  let lines = 0;
  const every = options.progressEvery ?? 200_000;
  for (const [at, file] of options.files.entries()) {
    const gzipped = await isGzip(file);
    const raw = createReadStream(file);
    const input = gzipped ? raw.pipe(createGunzip()) : raw;
    raw.on('error', (error) => input.destroy(error));
    const reader = createInterface({ input, crlfDelay: Infinity });
    let parse: LineParser | undefined =
      options.format === undefined ? undefined : lineParser(options.format);
    const pending: string[] = [];
    const take = (line: string) => {
      const request = parse!(line);
      if (request === undefined) {
        if (line !== '' && !line.startsWith('#')) options.tally.unreadLines += 1;
        return;
      }
      countRequest(options.tally, request, options.watched);
    };
    const onLine = (line: string) => {
      lines += 1;
      if (parse === undefined) {
        // The format is recognised from the first lines, which are then read like the rest.
        pending.push(line);
        if (pending.length < DETECT_LINES) return;
        parse = parserFor(pending, file);
        for (const held of pending.splice(0)) take(held);
        return;
      }
      take(line);
      if (options.onProgress !== undefined && lines % every === 0)
        options.onProgress({ file, bytesRead: doneBytes + raw.bytesRead, totalBytes, lines });
    };
    // Each line is handled in readline's own event, never queued for an async loop, so a
    // line's text is garbage as soon as it is counted.
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        reader.close();
        input.destroy();
        reject(error);
      };
      reader.on('line', (line) => {
        try {
          onLine(line);
        } catch (error) {
          fail(error as Error);
        }
      });
      reader.on('close', resolve);
      input.on('error', fail);
    });
    if (parse === undefined && pending.length > 0) {
      parse = parserFor(pending, file);
      for (const held of pending) take(held);
    }
    doneBytes += sizes[at]!;
  }
  options.onProgress?.({
    file: options.files.at(-1) ?? '',
    bytesRead: doneBytes,
    totalBytes,
    lines,
  });
}

function parserFor(lines: readonly string[], file: string): LineParser {
  const format = detectLogFormat(lines);
  if (format === undefined)
    throw new Error(
      `${file} is not an access log this command reads (nginx or Apache combined, S3 server access, CloudFront standard); name its format with --log-format if it is one`,
    );
  return lineParser(format);
}

/** Whether the file starts with gzip's magic bytes 1f 8b. */
async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await handle.close();
  }
}
