/**
 * Amazon CloudFront standard logs (the "access logs" a distribution delivers to S3, gzipped):
 * tab-separated, with a `#Version:` line and a `#Fields:` line naming the columns, which vary
 * with the log's version and settings. The columns are looked up by name, never by position.
 *
 *   #Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status …
 *   2026-02-06	00:00:38	IAD89-C1	153	192.0.2.3	GET	d111.cloudfront.net	/a/b.html	404	…
 */
import { requestPath, type LineParser } from './log-request.ts';

/** The fields CloudFront has written since 2012, for a file whose header was lost. */
const DEFAULT_FIELDS =
  'date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query'.split(
    ' ',
  );

/**
 * A parser for one CloudFront log file: it learns the columns from the file's `#Fields:` line,
 * so each file gets its own.
 */
export function cloudFrontParser(): LineParser {
  let column = columnsOf(DEFAULT_FIELDS);
  return (line) => {
    if (line.startsWith('#')) {
      if (line.startsWith('#Fields:')) column = columnsOf(line.slice(8).trim().split(/\s+/));
      return undefined;
    }
    const parts = line.split('\t');
    const get = (name: string) => {
      const at = column.get(name);
      return at === undefined ? undefined : parts[at];
    };
    const method = get('cs-method');
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    const time = Date.parse(`${get('date')}T${get('time')}Z`);
    const stem = get('cs-uri-stem');
    const path = stem === undefined ? undefined : requestPath(stem);
    const status = Number(get('sc-status'));
    if (Number.isNaN(time) || path === undefined || !Number.isInteger(status)) return undefined;
    // CloudFront percent-encodes the user agent (spaces are %20), and writes "-" for none.
    const agent = get('cs(User-Agent)') ?? '-';
    return { path, status, time, userAgent: agent === '-' ? '' : safeDecode(agent) };
  };
}

function columnsOf(names: readonly string[]): Map<string, number> {
  return new Map(names.map((name, index) => [name, index]));
}

function safeDecode(text: string): string {
  try {
    // Twice-encoded agents (%2520) are common in CloudFront logs; once is enough to match bots.
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
