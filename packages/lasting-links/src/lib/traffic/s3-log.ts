/**
 * Amazon S3 server access logs (bucket → Properties → Server access logging), one request per
 * line, space-separated with quoted and bracketed fields:
 *
 *   owner bucket [06/Feb/2026:00:00:38 +0000] 192.0.2.3 - 3E57427F3EXAMPLE WEBSITE.GET.OBJECT
 *   a/b.html "GET /a/b.html HTTP/1.1" 404 NoSuchKey 312 - 7 - "-" "Mozilla/5.0 …" - …
 *
 * The path is the request URI's (what the reader typed), not the key: a website endpoint maps
 * `/a/b/` to the key `a/b/index.html`. Only reads of the website endpoint and plain GETs count;
 * the bucket's own housekeeping (PUTs, listings, replication) are not readers.
 */
import { parseCommonLogTime, requestPath, type LogRequest } from './log-request.ts';

/** The fields of a line: bare words, "quoted strings" and [bracketed times]. */
function fields(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|\[[^\]]*\]|\S+/g) ?? [];
}

const unquote = (text: string) =>
  text.startsWith('"') || text.startsWith('[') ? text.slice(1, -1) : text;

/** The request of one S3 access log line, or undefined when it is not a reader's GET. */
export function parseS3Line(line: string): LogRequest | undefined {
  const parts = fields(line);
  // owner bucket [time] remote-ip requester request-id operation key "request-uri" status …
  if (parts.length < 10 || !parts[2]!.startsWith('[')) return undefined;
  const operation = parts[6]!;
  if (!/^(WEBSITE|REST)\.(GET|HEAD)\./.test(operation)) return undefined;
  const time = parseCommonLogTime(unquote(parts[2]!));
  const target = unquote(parts[8]!).split(' ')[1];
  const path = target === undefined ? undefined : requestPath(target);
  const status = Number(parts[9]);
  if (time === undefined || path === undefined || !Number.isInteger(status)) return undefined;
  // The user agent is the 17th field: … bytes object-size total-time turn-around "referer" "agent"
  const agent = parts[16];
  return { path, status, time, userAgent: agent === undefined ? '' : unquote(agent) };
}
