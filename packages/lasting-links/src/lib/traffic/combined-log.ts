/**
 * The "combined" log format that nginx and Apache write by default:
 *
 *   203.0.113.9 - - [10/Oct/2026:13:55:36 +0000] "GET /a/b.html HTTP/1.1" 404 153 "-" "Mozilla/5.0 …"
 *
 * Only the fields `moves --from-log` needs are read. Lines in the shorter "common" format
 * (no referer and user agent) are read too, with an empty user agent.
 */
import { parseCommonLogTime, requestPath, type LogRequest } from './log-request.ts';

// host ident user [time] "request" status bytes ["referer" "user agent"]; quoted fields may
// hold escaped quotes (nginx writes \x22, Apache \").
const COMBINED =
  /^\S+ \S+ .*?\[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}) \S+(?: "(?:[^"\\]|\\.)*" "((?:[^"\\]|\\.)*)")?/;

/** The request of one combined-format line, or undefined when the line is not one. */
export function parseCombinedLine(line: string): LogRequest | undefined {
  const match = COMBINED.exec(line);
  if (match === null) return undefined;
  const time = parseCommonLogTime(match[1]!);
  // "GET /path HTTP/1.1"; a scanner's garbage request line has no path and is skipped.
  const target = match[2]!.split(' ')[1];
  const path = target === undefined ? undefined : requestPath(target);
  if (time === undefined || path === undefined) return undefined;
  return { path, status: Number(match[3]), time, userAgent: match[4] ?? '' };
}
