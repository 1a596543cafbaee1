/**
 * One request read from a host's access log, whatever the log's format: the path the reader
 * asked for, the answer, when, and who asked. Everything `moves --from-log` learns is counted
 * from these.
 */

/** A request as the log recorded it. */
export interface LogRequest {
  /** The path without its query, still percent-encoded as the reader sent it. */
  path: string;
  /** The HTTP status the host answered with. */
  status: number;
  /** When, in milliseconds since 1970 (UTC). */
  time: number;
  /** The user agent, or '' when the log has none. */
  userAgent: string;
}

/** Turns a line of one log format into a request, or undefined when it is not one. */
export type LineParser = (line: string) => LogRequest | undefined;

/**
 * The path of a request target as a log writes it: `/a/b.html?x=1` is `/a/b.html`. An
 * absolute target (`GET https://host/a/` from a proxy) gives its path; anything else (`*`,
 * `CONNECT host:443`, garbage from scanners) is not a page request.
 */
export function requestPath(target: string): string | undefined {
  let path = target;
  if (/^https?:\/\//i.test(path)) {
    const slash = path.indexOf('/', path.indexOf('//') + 2);
    path = slash < 0 ? '/' : path.slice(slash);
  }
  if (!path.startsWith('/')) return undefined;
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/**
 * `10/Oct/2026:13:55:36 -0700`, the time format of nginx, Apache and S3 logs, in milliseconds
 * since 1970; undefined when it is not one. Parsed by hand: `Date.parse` does not read it.
 */
export function parseCommonLogTime(text: string): number | undefined {
  const match =
    /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const [, day, month, year, hour, minute, second, sign, offsetHours, offsetMinutes] = match;
  const monthIndex = MONTHS[month!];
  if (monthIndex === undefined) return undefined;
  const local = Date.UTC(+year!, monthIndex, +day!, +hour!, +minute!, +second!);
  const offset = (+offsetHours! * 60 + +offsetMinutes!) * 60_000;
  return sign === '+' ? local - offset : local + offset;
}

/**
 * A copy of `text` that holds nothing else. A line's fields are slices of the chunk of the log
 * it was read from; kept as a map key, a slice would keep that whole chunk alive, and a few
 * thousand kept paths or agents would hold hundreds of megabytes of log.
 */
export function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
