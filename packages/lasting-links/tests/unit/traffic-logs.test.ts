/**
 * `moves --from-log`, reading: each access log format (nginx/Apache combined, S3 server access,
 * CloudFront standard, gzipped or not), what is left out (assets, scanner probes, bots), and the
 * counts a streamed read keeps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseCombinedLine } from '../../src/lib/traffic/combined-log.ts';
import { parseS3Line } from '../../src/lib/traffic/s3-log.ts';
import { cloudFrontParser } from '../../src/lib/traffic/cloudfront-log.ts';
import { detectLogFormat } from '../../src/lib/traffic/log-format.ts';
import { parseCommonLogTime, requestPath } from '../../src/lib/traffic/log-request.ts';
import { skipReason } from '../../src/lib/traffic/not-a-page.ts';
import { countRequest, emptyTally } from '../../src/lib/traffic/tally.ts';
import { readLogs } from '../../src/lib/traffic/read-logs.ts';

const BROWSER =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const NGINX = `203.0.113.9 - - [10/Oct/2026:13:55:36 -0700] "GET /install/config-ssl.html?utm=x HTTP/1.1" 404 153 "https://example.com/" "${BROWSER}"`;
const S3 = `79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be docs-bucket [10/Oct/2026:20:55:36 +0000] 192.0.2.3 - 3E57427F3EXAMPLE WEBSITE.GET.OBJECT install/config-ssl.html "GET /install/config-ssl.html?utm=x HTTP/1.1" 404 NoSuchKey 312 - 7 - "https://example.com/" "${BROWSER}" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 ECDHE-RSA-AES128-GCM-SHA256 - docs-bucket.s3-website-us-east-1.amazonaws.com TLSv1.2 - -`;
const CF_HEADER = [
  '#Version: 1.0',
  '#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type',
];
const CF = [
  '2026-10-10',
  '20:55:36',
  'IAD89-C1',
  '153',
  '192.0.2.3',
  'GET',
  'd111111abcdef8.cloudfront.net',
  '/install/config-ssl.html',
  '404',
  'https://example.com/',
  encodeURIComponent(BROWSER),
  'utm=x',
  '-',
  'Error',
].join('\t');
const EXPECTED = {
  path: '/install/config-ssl.html',
  status: 404,
  time: Date.UTC(2026, 9, 10, 20, 55, 36),
  userAgent: BROWSER,
};

test('a combined (nginx, Apache) line gives the path without its query, the status, the UTC time and the agent', () => {
  assert.deepEqual(parseCombinedLine(NGINX), EXPECTED);
  // The common format, without referer and agent; an escaped quote inside the request.
  assert.deepEqual(
    parseCombinedLine('192.0.2.1 - alice [10/Oct/2026:20:55:36 +0000] "GET /a/ HTTP/1.0" 404 -'),
    { path: '/a/', status: 404, time: EXPECTED.time, userAgent: '' },
  );
  assert.equal(
    parseCombinedLine(
      '192.0.2.1 - - [10/Oct/2026:20:55:36 +0000] "GET /a\\x22b/ HTTP/1.1" 404 1 "-" "x"',
    )?.path,
    '/a\\x22b/',
  );
  // A scanner's garbage request line and a line of something else are not requests.
  assert.equal(
    parseCombinedLine('192.0.2.1 - - [10/Oct/2026:20:55:36 +0000] "\\x16\\x03\\x01" 400 0 "-" "-"'),
    undefined,
  );
  assert.equal(parseCombinedLine('not a log line'), undefined);
});

test('request paths: queries dropped, absolute targets read, anything else refused', () => {
  assert.equal(requestPath('/a/b/?q=1#x'), '/a/b/');
  assert.equal(requestPath('https://docs.example.com/a/b/'), '/a/b/');
  assert.equal(requestPath('http://docs.example.com'), '/');
  assert.equal(requestPath('*'), undefined);
  assert.equal(requestPath('docs.example.com:443'), undefined);
  assert.equal(parseCommonLogTime('10/Oct/2026:13:55:36 -0700'), EXPECTED.time);
  assert.equal(parseCommonLogTime('10/Foo/2026:13:55:36 -0700'), undefined);
});

test('an S3 server access line gives the request URI path, status, time and agent; bucket housekeeping is not a reader', () => {
  assert.deepEqual(parseS3Line(S3), EXPECTED);
  const put = S3.replace('WEBSITE.GET.OBJECT', 'REST.PUT.OBJECT');
  assert.equal(parseS3Line(put), undefined);
  assert.equal(parseS3Line(NGINX), undefined);
});

test('a CloudFront standard log is read by its #Fields header, whatever the column order, with the agent decoded', () => {
  const parse = cloudFrontParser();
  for (const line of CF_HEADER) assert.equal(parse(line), undefined);
  assert.deepEqual(parse(CF), EXPECTED);
  // Another file with other columns: its own parser reads them by name.
  const other = cloudFrontParser();
  other('#Fields: cs-uri-stem sc-status date time cs(User-Agent) cs-method');
  assert.deepEqual(
    other(
      [
        '/install/config-ssl.html',
        '404',
        '2026-10-10',
        '20:55:36',
        encodeURIComponent(BROWSER),
        'GET',
      ].join('\t'),
    ),
    EXPECTED,
  );
  assert.equal(parse(CF.replace('\tGET\t', '\tPOST\t')), undefined);
});

test('each format is recognised from its first lines', () => {
  assert.equal(detectLogFormat([NGINX]), 'nginx');
  assert.equal(detectLogFormat([S3]), 's3');
  assert.equal(detectLogFormat([...CF_HEADER, CF]), 'cloudfront');
  assert.equal(detectLogFormat(['', 'hello', NGINX]), 'nginx');
  assert.equal(detectLogFormat(['hello', 'world']), undefined);
});

test('assets, scanner probes and bots are left out; pages from browsers are kept', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['/install/config-ssl.html', BROWSER, undefined],
    ['/deploy/server/', BROWSER, undefined],
    ['/deploy/server', BROWSER, undefined],
    ['/_static/css/theme.css', BROWSER, 'asset'],
    ['/_images/diagram.PNG', BROWSER, 'asset'],
    ['/favicon.ico', BROWSER, 'asset'],
    ['/_sources/install/config-ssl.rst.txt', BROWSER, 'asset'],
    ['/pagefind/fragment/en_1a2b.pf_fragment', BROWSER, 'asset'],
    ['/wp-login.php', BROWSER, 'probe'],
    ['/blog/wp-admin/setup-config.php', BROWSER, 'probe'],
    ['/.env', BROWSER, 'probe'],
    ['/api/.env.production', BROWSER, 'probe'],
    ['/.git/config', BROWSER, 'probe'],
    ['/xmlrpc.php', BROWSER, 'probe'],
    ['/phpMyAdmin/', BROWSER, 'probe'],
    ['/cgi-bin/luci', BROWSER, 'probe'],
    ['/actuator/health', BROWSER, 'probe'],
    ['/.well-known/acme-challenge/x', BROWSER, 'probe'],
    [
      '/install/config-ssl.html',
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'bot',
    ],
    [
      '/install/config-ssl.html',
      'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
      'bot',
    ],
    ['/install/config-ssl.html', 'python-requests/2.32.3', 'bot'],
    ['/install/config-ssl.html', 'curl/8.5.0', 'bot'],
    ['/install/config-ssl.html', '', 'bot'],
  ];
  for (const [path, agent, reason] of cases)
    assert.equal(skipReason(path, agent), reason, `${path} from ${agent || 'no agent'}`);
});

test('the tally counts 404 pages with first and last times, the use of watched paths, and what was left out', () => {
  const tally = emptyTally();
  const watched = new Set(['/old.html']);
  const at = (minutes: number) => Date.UTC(2026, 0, 1) + minutes * 60_000;
  countRequest(tally, { path: '/gone/', status: 404, time: at(5), userAgent: BROWSER }, watched);
  countRequest(tally, { path: '/gone/', status: 404, time: at(1), userAgent: BROWSER }, watched);
  countRequest(tally, { path: '/gone/', status: 404, time: at(9), userAgent: BROWSER }, watched);
  countRequest(tally, { path: '/live/', status: 200, time: at(2), userAgent: BROWSER }, watched);
  countRequest(tally, { path: '/old.html', status: 301, time: at(2), userAgent: BROWSER }, watched);
  countRequest(
    tally,
    { path: '/wp-login.php', status: 404, time: at(2), userAgent: BROWSER },
    watched,
  );
  countRequest(
    tally,
    { path: '/gone/', status: 404, time: at(2), userAgent: 'curl/8.5.0' },
    watched,
  );
  assert.deepEqual([...tally.notFound], [['/gone/', { hits: 3, first: at(1), last: at(9) }]]);
  assert.deepEqual([...tally.used], [['/old.html', 1]]);
  assert.equal(tally.requests, 7);
  assert.deepEqual(tally.skipped, { asset: 0, probe: 1, bot: 1 });
});

test('a flood of distinct 404 paths is bounded: paths seen once are dropped when the table is full', () => {
  const tally = emptyTally();
  const request = (path: string) => ({ path, status: 404, time: 0, userAgent: BROWSER });
  countRequest(tally, request('/kept/'), new Set(), 3);
  countRequest(tally, request('/kept/'), new Set(), 3);
  for (let n = 0; n < 10; n += 1) countRequest(tally, request(`/random-${n}/`), new Set(), 3);
  assert.ok(tally.notFound.size <= 3, `${tally.notFound.size} paths kept`);
  assert.equal(tally.notFound.get('/kept/')?.hits, 2);
  assert.ok(tally.dropped > 0);
});

test('log files are streamed, gzipped ones recognised by their magic bytes whatever their name, the format per file', async () => {
  const dir = mkdtempSync(join(import.meta.dirname, '.traffic-'));
  try {
    const files = {
      nginx: join(dir, 'access.log'),
      s3: join(dir, 's3-log-no-extension'),
      cloudfront: join(dir, 'E2EXAMPLE.2026-10-10-20.abcd1234'),
    };
    writeFileSync(files.nginx, `${NGINX}\n${NGINX}\n`);
    writeFileSync(files.s3, gzipSync(`${S3}\n`));
    writeFileSync(files.cloudfront, gzipSync(`${CF_HEADER.join('\n')}\n${CF}\n`));
    const tally = emptyTally();
    const progress: number[] = [];
    await readLogs({
      files: Object.values(files),
      format: undefined,
      tally,
      watched: new Set(),
      onProgress: (seen) => progress.push(seen.lines),
      progressEvery: 1,
    });
    assert.deepEqual(tally.notFound.get('/install/config-ssl.html'), {
      hits: 4,
      first: EXPECTED.time,
      last: EXPECTED.time,
    });
    assert.equal(tally.unreadLines, 0);
    assert.ok(progress.length > 0 && progress.at(-1) === 6, `progress: ${progress.join(', ')}`);

    // A named format that is wrong reads nothing; a file of no known format is refused by name.
    const wrong = emptyTally();
    await readLogs({ files: [files.nginx], format: 's3', tally: wrong, watched: new Set() });
    assert.equal(wrong.notFound.size, 0);
    assert.equal(wrong.unreadLines, 2);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello\nworld\n');
    await assert.rejects(
      readLogs({ files: [text], format: undefined, tally: emptyTally(), watched: new Set() }),
      /notes\.txt is not an access log/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
