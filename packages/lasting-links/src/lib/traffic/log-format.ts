/**
 * Which format a log is in, named by the user (`--log-format`) or recognised from its first
 * lines, and the parser for it. Each file is recognised on its own: a run may mix a server's
 * logs with a CDN's.
 */
import { parseCombinedLine } from './combined-log.ts';
import { parseS3Line } from './s3-log.ts';
import { cloudFrontParser } from './cloudfront-log.ts';
import type { LineParser } from './log-request.ts';

/** The formats `--log-format` names: nginx (and Apache) combined, S3 server access, CloudFront standard. */
export const LOG_FORMATS = ['nginx', 's3', 'cloudfront'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export function isLogFormat(value: string): value is LogFormat {
  return (LOG_FORMATS as readonly string[]).includes(value);
}

/**
 * The format of a log from its first lines, or undefined when none reads them. CloudFront
 * files start with `#Version:`/`#Fields:`; an S3 line starts with two words and a bracketed
 * time, a combined line with the client, two words and the time.
 */
export function detectLogFormat(firstLines: readonly string[]): LogFormat | undefined {
  const lines = firstLines.filter((line) => line.trim() !== '');
  if (lines.some((line) => line.startsWith('#Fields:') || line.startsWith('#Version:')))
    return 'cloudfront';
  for (const line of lines) {
    // S3 first: an S3 line also has a bracketed time after a few words.
    if (parseS3Line(line) !== undefined) return 's3';
    if (parseCombinedLine(line) !== undefined) return 'nginx';
  }
  return undefined;
}

/** A fresh parser for one file in `format` (CloudFront's learns its columns from the file). */
export function lineParser(format: LogFormat): LineParser {
  if (format === 'cloudfront') return cloudFrontParser();
  return format === 's3' ? parseS3Line : parseCombinedLine;
}
