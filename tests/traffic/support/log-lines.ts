/**
 * Access log lines as hosts write them, for the `moves --from-log` tests and benchmark: the same
 * request as an nginx combined line, an S3 server access line or a CloudFront standard line.
 */

/** One request to write. */
export interface LoggedRequest {
  path: string;
  status: number;
  /** Milliseconds since 1970. */
  time: number;
  userAgent: string;
  ip?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `10/Oct/2026:13:55:36 +0000`. */
function commonTime(time: number): string {
  const date = new Date(time);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

export function nginxLine(request: LoggedRequest): string {
  return `${request.ip ?? '198.51.100.7'} - - [${commonTime(request.time)}] "GET ${request.path} HTTP/1.1" ${request.status} 1534 "-" "${request.userAgent}"`;
}

export function s3Line(request: LoggedRequest): string {
  const key = request.path.slice(1) || '-';
  const error = request.status === 404 ? 'NoSuchKey' : '-';
  return `79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be docs-bucket [${commonTime(request.time)}] ${request.ip ?? '198.51.100.7'} - 3E57427F3EXAMPLE WEBSITE.GET.OBJECT ${key} "GET ${request.path} HTTP/1.1" ${request.status} ${error} 1534 - 12 - "-" "${request.userAgent}" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3= SigV4 ECDHE-RSA-AES128-GCM-SHA256 - docs-bucket.s3-website-us-east-1.amazonaws.com TLSv1.2 - -`;
}

export const CLOUDFRONT_HEADER =
  '#Version: 1.0\n#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken\n';

export function cloudFrontLine(request: LoggedRequest): string {
  const iso = new Date(request.time).toISOString();
  return [
    iso.slice(0, 10),
    iso.slice(11, 19),
    'IAD89-C1',
    '1534',
    request.ip ?? '198.51.100.7',
    'GET',
    'd111111abcdef8.cloudfront.net',
    request.path,
    String(request.status),
    '-',
    encodeURIComponent(request.userAgent),
    '-',
    '-',
    request.status === 404 ? 'Error' : 'Hit',
    'SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==',
    'docs.example.com',
    'https',
    '212',
    '0.002',
  ].join('\t');
}

export const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
];

export const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
  'python-requests/2.32.3',
];

/** Paths scanners try on every site. */
export const PROBES = [
  '/wp-login.php',
  '/wp-admin/install.php',
  '/.env',
  '/.git/config',
  '/xmlrpc.php',
  '/phpmyadmin/index.php',
  '/admin/phpmyadmin/',
  '/cgi-bin/luci',
  '/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php',
  '/.aws/credentials',
];

/** Files that are not pages, as an old Sphinx site's pages asked for them. */
export const ASSETS = [
  '/_static/css/theme.css',
  '/_static/js/theme.js',
  '/_images/architecture-diagram.png',
  '/_sources/install/install-ubuntu.rst.txt',
  '/favicon.ico',
  '/apple-touch-icon.png',
];
