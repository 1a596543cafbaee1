/**
 * The link checkers the benchmark compares against, each with anchor (fragment) checking on
 * and external links off, and how to read its verdict. They are installed into the
 * benchmark's temporary folder only, never as project dependencies.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** How to run one checker on one site folder. */
export interface Checker {
  name: string;
  /** Why it is not available here, or undefined when it is. */
  unavailable?: string;
  command: (siteDir: string) => { file: string; args: string[] };
  /** The number of broken links it reports, read from its output; undefined when it prints no count. */
  reported: (output: string) => number | undefined;
}

const NPM_PEERS = ['check-html-links', 'linkinator', 'hyperlink'];

/** Installs the npm peers into `dir` (once; later runs reuse it) and html-proofer from Debian when missing. */
export function installPeers(dir: string, log: (line: string) => void): void {
  if (!NPM_PEERS.every((name) => existsSync(join(dir, 'node_modules', name, 'package.json')))) {
    log(`installing ${NPM_PEERS.join(', ')} into ${dir} …`);
    const npm = spawnSync(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', '--no-save', ...NPM_PEERS],
      { stdio: 'inherit' },
    );
    if (npm.status !== 0)
      throw new Error(
        `npm install of the benchmark peers failed (exit ${npm.status}); the registry must be reachable.`,
      );
  }
  if (!hasCommand('htmlproofer') && process.getuid?.() === 0) {
    log('installing ruby-html-proofer with apt-get …');
    spawnSync('apt-get', ['install', '-y', 'ruby-html-proofer'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.html'),
  );
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** Counts the first number captured by `pattern` in `output`, summed over every match. */
function sumOf(pattern: RegExp, output: string): number | undefined {
  const matches = [...output.matchAll(pattern)];
  return matches.length === 0
    ? undefined
    : matches.reduce((sum, match) => sum + Number(match[1]), 0);
}

/** The peers, resolved against the install folder `dir`; `node` is the Node binary to run them with. */
export function peerCheckers(dir: string, node: string): Checker[] {
  const bin = (pkg: string, file: string) => join(dir, 'node_modules', pkg, file);
  const missing = (pkg: string) =>
    existsSync(join(dir, 'node_modules', pkg)) ? undefined : `${pkg} is not installed`;
  return [
    {
      name: 'check-html-links',
      unavailable: missing('check-html-links'),
      command: (site) => ({ file: node, args: [bin('check-html-links', 'src/cli.js'), site] }),
      // "Found 12 missing reference targets (used by 50 links)"
      reported: (output) =>
        sumOf(/used by (\d+) links?/g, output) ?? (/no missing|✅/i.test(output) ? 0 : undefined),
    },
    {
      name: 'linkinator',
      unavailable: missing('linkinator'),
      // Given a folder, linkinator serves it on a local HTTP server and crawls it.
      command: (site) => ({
        file: node,
        args: [
          bin('linkinator', 'build/src/cli.js'),
          site,
          '--recurse',
          '--check-fragments',
          '--skip',
          '^https?://(?!localhost|127\\.0\\.0\\.1)',
          '--concurrency',
          '100',
        ],
      }),
      // "ERROR: Detected 50 broken links. Scanned 6000 links in 31.5 seconds."
      reported: (output) =>
        sumOf(/Detected (\d+) broken links?/g, output) ??
        (/Successfully scanned/i.test(output) ? 0 : undefined),
    },
    {
      name: 'hyperlink',
      unavailable: missing('hyperlink'),
      // Every page given as an entry point: its crawl alone would miss pages no other page links to.
      command: (site) => ({
        file: node,
        args: [
          bin('hyperlink', 'lib/cli.js'),
          '--internal',
          '--root',
          site,
          ...htmlFiles(site).map((file) => join(site, file)),
        ],
      }),
      // TAP: one "not ok" per failed check.
      reported: (output) =>
        /^1\.\.\d+/m.test(output) ? (output.match(/^not ok /gm) ?? []).length : undefined,
    },
    {
      name: 'html-proofer',
      unavailable: hasCommand('htmlproofer')
        ? undefined
        : 'htmlproofer is not installed (apt-get install ruby-html-proofer)',
      command: (site) => ({
        file: 'htmlproofer',
        args: [
          site,
          '--disable-external',
          '--allow-hash-href',
          '--empty-alt-ignore',
          '--root-dir',
          site,
        ],
      }),
      // "HTML-Proofer found 50 failures!"
      reported: (output) =>
        sumOf(/found (\d+) failures?/g, output) ??
        (/HTML-Proofer finished successfully/i.test(output) ? 0 : undefined),
    },
  ];
}
