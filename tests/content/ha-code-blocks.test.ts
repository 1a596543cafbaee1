/**
 * The high availability guide's code, tested like code: every fence has a language, JSON
 * parses, NGINX samples pass `nginx -t`, sysctl blocks hold only real keys with the guide's
 * values, and every `mmctl config set` names a key the configuration reference documents.
 *
 * Run: npx node --test 'tests/content/*.test.ts'
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { allGuideBlocks, guideDir, projectRoot, where, type CodeBlock } from './support/guide-sources.ts';
import { SYSCTL_SETTINGS } from './support/ha-facts.ts';
import { documentedSettings } from './support/reference-settings.ts';

const LANGUAGES = new Set(['bash', 'shell', 'json', 'nginx', 'ini', 'sql', 'yaml', 'text']);
const NGINX = '/usr/sbin/nginx';
const blocks = allGuideBlocks();
const ofLang = (...langs: string[]): CodeBlock[] => blocks.filter((block) => langs.includes(block.lang));

test('the guide has code blocks to test', () => {
  assert.ok(blocks.length >= 40, `expected the guide's pages to hold many code blocks, found ${blocks.length}; is ${guideDir} there?`);
});

test('every code block names a language the site highlights', () => {
  const wrong = blocks.filter((block) => !LANGUAGES.has(block.lang)).map((block) => `${where(block)}: "${block.lang}"`);
  assert.deepEqual(wrong, [], `code fences need one of: ${[...LANGUAGES].join(', ')}`);
});

test('every JSON block parses', () => {
  const json = ofLang('json');
  assert.ok(json.length >= 2, `expected JSON samples (SqlSettings, ReplicaLagSettings), found ${json.length}`);
  for (const block of json) {
    assert.doesNotThrow(() => JSON.parse(block.code), (error: Error) => `${where(block)}: invalid JSON: ${error.message}`);
  }
});

// --- NGINX ------------------------------------------------------------------------------------

/** Paths a sample names on the proxy host; in the test they are rewritten into a scratch root. */
const HOST_PATH = /(?<=\s)\/(?:etc|var|run|usr\/share)\/[^\s;]+/g;

/** A self-signed certificate, so that `ssl_certificate` lines load something real. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=mattermost.example.com', '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (made.error || made.status !== 0) {
    assert.fail(`openssl could not make a test certificate (${made.error?.message ?? made.stderr}); install it: sudo apt-get install openssl`);
  }
  return { cert, key };
}

/**
 * The directories a Debian or Ubuntu host has once its `nginx` package is installed, relative
 * to `/`. Not `/var/cache/nginx`: Debian's packages keep NGINX's own files in `/var/lib/nginx`,
 * and a sample that caches under `/var/cache/nginx` needs the guide's own `mkdir -p` first.
 */
const DEBIAN_LAYOUT = ['etc/nginx/conf.d', 'etc/nginx/sites-enabled', 'etc/letsencrypt', 'var/cache', 'var/lib/nginx', 'var/log/nginx', 'var/www', 'run'];

/**
 * Runs `nginx -t` on one sample inside a minimal `nginx.conf` (the sample goes in the `http`
 * block, as a file in `conf.d/` would), in a scratch root laid out as a Debian host: host paths
 * are rewritten into it. The certificate lines get a real self-signed pair and `include` an
 * empty stub; directories get nothing but what `mkdirs` (the guide's own `mkdir -p` commands,
 * run in the scratch root) creates, as on a fresh host. Nothing outside the scratch directory
 * is touched, and `nginx -t` opens no port.
 */
function nginxTest(sample: string, certificate: { cert: string; key: string }, mkdirs: readonly string[] = []): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ha-nginx-'));
  try {
    const root = join(dir, 'root');
    for (const path of DEBIAN_LAYOUT) mkdirSync(join(root, path), { recursive: true });
    assert.ok(!existsSync(join(root, 'var/cache/nginx')), 'the scratch Debian layout must not have /var/cache/nginx');
    for (const path of mkdirs) {
      assert.ok(path.startsWith('/') && !path.includes('..'), `${path}: the guide’s mkdir takes an absolute path`);
      const made = spawnSync('mkdir', ['-p', join(root, path)], { encoding: 'utf8' });
      assert.equal(made.status, 0, `mkdir -p ${path} failed in the scratch root: ${made.stderr}`);
    }
    const rewritten = sample
      .split('\n')
      .map((line) =>
        line.replace(HOST_PATH, (path) => {
          const local = join(root, path);
          const directive = line.trim().split(/\s+/)[0];
          const file = (contents: string | Buffer): void => {
            mkdirSync(dirname(local), { recursive: true });
            writeFileSync(local, contents);
          };
          if (directive === 'ssl_certificate' || directive === 'ssl_trusted_certificate') file(readFileSync(certificate.cert));
          else if (directive === 'ssl_certificate_key') file(readFileSync(certificate.key));
          else if (directive === 'include') file('');
          return local;
        }),
      )
      .join('\n');
    writeFileSync(join(dir, 'sample.conf'), rewritten);
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log;`,
        'events {}',
        'http {',
        `    access_log ${dir}/access.log;`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${dir}/${kind}_temp;`),
        `    include ${dir}/sample.conf;`,
        '}',
        '',
      ].join('\n'),
    );
    const run = spawnSync(NGINX, ['-t', '-e', 'stderr', '-p', `${dir}/`, '-c', `${dir}/nginx.conf`], { encoding: 'utf8' });
    return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The directories that the guide's `sudo mkdir -p` commands create before a sample, in the same
 * `##` section of its page: what an administrator following the guide has on the proxy host.
 */
function documentedMkdirs(sample: CodeBlock): string[] {
  const lines = readFileSync(join(projectRoot, sample.file), 'utf8').split('\n');
  let start = sample.line - 1;
  while (start > 0 && !/^## /.test(lines[start]!)) start -= 1;
  return lines
    .slice(start, sample.line - 1)
    .flatMap((line) => /^\s*sudo mkdir -p (\/\S+)\s*$/.exec(line)?.[1] ?? []);
}

test('every NGINX sample passes nginx -t', () => {
  assert.ok(existsSync(NGINX), `${NGINX} is missing: install Debian's nginx (sudo apt-get install nginx) to test the guide's NGINX samples`);
  const samples = ofLang('nginx');
  assert.ok(samples.length >= 2, `expected the proxy configuration and the rolling-update upstream, found ${samples.length} NGINX samples`);
  const scratch = mkdtempSync(join(tmpdir(), 'ha-cert-'));
  try {
    const certificate = makeCertificate(scratch);
    // The harness must be able to fail: a cache zone used but never defined is what a
    // reviewer once caught in a sample, and nginx -t rejects it.
    const broken = nginxTest('server { listen 8080; location / { proxy_cache undefined_zone; proxy_pass http://127.0.0.1:8065; } }', certificate);
    assert.equal(broken.ok, false, `the nginx -t harness accepted a configuration with an undefined cache zone:\n${broken.output}`);
    for (const block of samples) {
      const result = nginxTest(block.code, certificate, documentedMkdirs(block));
      assert.ok(result.ok, `${where(block)}: nginx -t rejects this sample on a Debian layout after the guide's mkdir commands (${documentedMkdirs(block).join(', ') || 'none'}):\n${result.output}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('on a Debian layout the proxy sample fails nginx -t without the documented mkdir, and passes with it', () => {
  assert.ok(existsSync(NGINX), `${NGINX} is missing: install Debian's nginx (sudo apt-get install nginx) to test the guide's NGINX samples`);
  const proxy = ofLang('nginx').find((block) => block.code.includes('proxy_cache_path'));
  assert.ok(proxy, 'no NGINX sample defines a cache path');
  const cachePath = /proxy_cache_path (\S+)/.exec(proxy.code)![1]!;
  const mkdirs = documentedMkdirs(proxy);
  assert.ok(mkdirs.some((path) => cachePath.startsWith(`${path.replace(/\/$/, '')}/`)), `${where(proxy)}: the steps before the sample must create the parent of ${cachePath} with sudo mkdir -p; found ${mkdirs.join(', ') || 'none'}`);
  const scratch = mkdtempSync(join(tmpdir(), 'ha-cert-'));
  try {
    const certificate = makeCertificate(scratch);
    const without = nginxTest(proxy.code, certificate);
    assert.equal(without.ok, false, `${where(proxy)}: nginx -t passed on a Debian layout without ${dirname(cachePath)}, so the harness does not reproduce a fresh host:\n${without.output}`);
    assert.match(without.output, /mkdir\(\) ".*" failed/, `nginx -t should fail for the missing cache directory:\n${without.output}`);
    const withMkdir = nginxTest(proxy.code, certificate, mkdirs);
    assert.ok(withMkdir.ok, `${where(proxy)}: nginx -t rejects the sample after ${mkdirs.join(', ')}:\n${withMkdir.output}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('the NGINX proxy sample has what a cluster needs', () => {
  const proxy = ofLang('nginx').find((block) => block.code.includes('upstream backend') && block.code.includes('server_name'));
  assert.ok(proxy, 'no NGINX sample with an upstream and a server block found');
  const required: Array<[string, RegExp]> = [
    ['an upstream listing every node on 8065', /upstream backend \{(?:\s*zone \S+ \S+;)?(?:\s*server [\d.]+:8065;){3}/],
    ['a shared zone, so that every worker sees a failed node', /upstream backend \{\s*zone backend \d+k;/],
    ['upstream keepalive', /keepalive \d+;/],
    ['the WebSocket location', /location ~ \/api\/v\[0-9\]\+\/\(users\/\)\?websocket\$ \{/],
    ['the Upgrade header', /proxy_set_header Upgrade \$http_upgrade;/],
    ['the Connection "upgrade" header', /proxy_set_header Connection "upgrade";/],
    ['HTTP/1.1 to the nodes', /proxy_http_version 1\.1;/],
    ['an upload limit', /client_max_body_size \d+[kKmMgG]?;/],
    ['a 600s read timeout', /proxy_read_timeout 600s;/],
    ['the cache zone definition', /proxy_cache_path \S+ levels=1:2 keys_zone=mattermost_cache:10m max_size=3g inactive=120m use_temp_path=off;/],
  ];
  for (const [what, pattern] of required) assert.match(proxy.code, pattern, `${where(proxy)}: the proxy sample lacks ${what}`);
  const defined = proxy.code.indexOf('keys_zone=mattermost_cache');
  const used = proxy.code.indexOf('proxy_cache mattermost_cache');
  assert.ok(used === -1 || defined < used, `${where(proxy)}: define the mattermost_cache zone before any proxy_cache line uses it`);
  assert.doesNotMatch(proxy.code, /max_fails=0/, `${where(proxy)}: max_fails=0 turns off passive ejection; the sample has no active health checks`);
  const locations = proxy.code.split(/\n\s*location /).slice(1);
  assert.equal(locations.length, 2, `${where(proxy)}: expected the WebSocket location and location /`);
  for (const location of locations) assert.match(location, /proxy_connect_timeout 5s;/, `${where(proxy)}: every location gives up on a node that does not accept a connection within 5 seconds`);
});

// --- sysctl -----------------------------------------------------------------------------------

const SYSCTL_KEY = /^\s*(?:net|vm|kernel|fs)\.[a-z0-9_.]+\s*=/m;

test('every sysctl block is key = value lines with real keys and the guide’s values', () => {
  const sysctl = blocks.filter((block) => SYSCTL_KEY.test(block.code));
  assert.ok(sysctl.length >= 1, 'no sysctl block found in the guide');
  const seen = new Set<string>();
  for (const block of sysctl) {
    block.code.split('\n').forEach((line, offset) => {
      if (line.trim() === '' || line.trim().startsWith('#')) return;
      const at = `${block.file}:${block.line + 1 + offset}`;
      const match = /^([a-z0-9_.]+) = (\S(?:.*\S)?)$/.exec(line);
      assert.ok(match, `${at}: "${line}" is not a "key = value" line`);
      const [, key, value] = match;
      assert.ok(SYSCTL_SETTINGS.has(key!), `${at}: ${key} is not one of the guide's kernel settings`);
      assert.equal(value, SYSCTL_SETTINGS.get(key!), `${at}: ${key} has the wrong value`);
      seen.add(key!);
    });
  }
  const missing = [...SYSCTL_SETTINGS.keys()].filter((key) => !seen.has(key));
  assert.deepEqual(missing, [], 'kernel settings missing from the guide’s sysctl block');
});

// --- mmctl ------------------------------------------------------------------------------------

test('every mmctl config set line names a key in the configuration reference', () => {
  const reference = readFileSync(join(projectRoot, guideDir, 'configuration-reference.mdx'), 'utf8');
  const documented = new Set(documentedSettings(reference).map((setting) => setting.key));
  assert.ok(documented.size >= 30, `expected the reference to document many keys with <Setting>, found ${documented.size}`);
  const uses: Array<{ key: string; at: string }> = [];
  for (const block of ofLang('bash', 'shell')) {
    block.code.split('\n').forEach((line, offset) => {
      const match = /\bmmctl\s+(?:--\S+\s+)*config\s+set\s+(\S+)/.exec(line);
      if (match) uses.push({ key: match[1]!, at: `${block.file}:${block.line + 1 + offset}` });
    });
  }
  assert.ok(uses.length >= 5, `expected the guide to set keys with mmctl, found ${uses.length} lines`);
  const undocumented = uses.filter((use) => !documented.has(use.key)).map((use) => `${use.at}: ${use.key}`);
  assert.deepEqual(undocumented, [], 'mmctl config set keys missing from configuration-reference.mdx');
});
