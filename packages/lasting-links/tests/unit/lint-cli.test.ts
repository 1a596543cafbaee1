/**
 * `lasting-links lint` end to end (formats, exit codes, bad input), and `.remarkrc.mjs` through
 * unified-engine, the machinery of the remark editor extensions: the editor must show what
 * the command line reports.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { engine } from 'unified-engine';
import type { VFile } from 'vfile';
import {
  lintDocs,
  loadLintSettings,
  readSource,
  type LintResult,
} from '../../src/lib/lint/index.ts';
import { linkSettings } from '../../../../src/config.ts';

/** The settings the project's integration gives the lint (astro.config.mjs). */
function projectLintSettings() {
  return loadLintSettings({
    root: projectRoot,
    contentDir: linkSettings.content,
    termsFile: linkSettings.terms,
    oldestSupportedVersion: linkSettings.lint.oldestSupportedVersion,
  });
}
import { defectsPage, projectRoot } from '../../../../tests/fixtures/lint/fixtures.ts';

/** Runs the CLI with `args` from `cwd`; returns its exit code and output. */
function cli(
  args: string[],
  cwd = projectRoot,
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(
    process.execPath,
    ['node_modules/lasting-links/bin/lasting-links.js', 'lint', ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('--format json prints one array of { file, line, column, rule, severity, message }, and errors exit 1', () => {
  const run = cli([defectsPage, '--format', 'json']);
  assert.equal(run.status, 1, run.stderr);
  const results = JSON.parse(run.stdout) as LintResult[];
  assert.ok(Array.isArray(results) && results.length > 0);
  for (const result of results)
    assert.deepEqual(Object.keys(result), [
      'file',
      'line',
      'column',
      'rule',
      'severity',
      'message',
    ]);
  assert.ok(
    results.some(
      (r) =>
        r.file === defectsPage &&
        r.line === 54 &&
        r.rule === 'mid-sentence-capital' &&
        r.severity === 'error',
    ),
  );
});

test('--format github prints workflow commands that annotate the file and line', () => {
  const run = cli([defectsPage, '--format', 'github']);
  assert.equal(run.status, 1);
  assert.match(
    run.stdout,
    /^::error file=tests\/fixtures\/lint\/pages\/defects\.mdx,line=54,col=44,title=Docs lint%3A mid-sentence-capital::"Verify" is capitalised/m,
  );
  assert.match(
    run.stdout,
    /^::warning file=tests\/fixtures\/lint\/pages\/defects\.mdx,line=64,col=4,title=Docs lint%3A stale-version::/m,
  );
});

test('human format: file:line:column: severity: message [rule], and a summary', () => {
  const run = cli([defectsPage]);
  assert.match(
    run.stdout,
    /^tests\/fixtures\/lint\/pages\/defects\.mdx:54:44: error: "Verify" is capitalised mid-sentence: write "verify".* \[mid-sentence-capital\]$/m,
  );
  assert.match(run.stdout, /^1 page linted: \d+ errors, \d+ warnings$/m);
});

test('an unparsable page is an error naming file, line and column, without a stack trace', () => {
  const run = cli(['tests/fixtures/lint/invalid/unparsable.mdx']);
  assert.equal(run.status, 1);
  // At the `<` that starts what is not a tag, where the build's own MDX parser stops too.
  assert.match(
    run.stdout,
    /^tests\/fixtures\/lint\/invalid\/unparsable\.mdx:7:18: error: not valid MDX: Unexpected character after `<`.*\[parse-error\]$/m,
  );
  assert.doesNotMatch(run.stdout + run.stderr, /^\s+at /m);
});

test('bad usage exits 2 with the usage', () => {
  assert.equal(cli(['--format', 'xml']).status, 2);
  assert.match(cli(['--format', 'xml']).stderr, /--format must be one of human, json, github/);
  assert.match(cli(['no-such-page.mdx']).stderr, /no such file: no-such-page\.mdx/);
});

test('a broken content/terms.yaml stops the lint with its file and line, not a stack trace', () => {
  // A project beside a broken terms file; the code is linked.
  const dir = mkdtempSync(join(tmpdir(), 'lint-docs-'));
  try {
    mkdirSync(join(dir, 'content'));
    for (const link of ['node_modules', 'package.json', 'content/docs'])
      symlinkSync(join(projectRoot, link), join(dir, link));
    writeFileSync(
      join(dir, 'astro.config.mjs'),
      `import { defineConfig } from 'astro/config';\n` +
        `import { docsSiteConfig } from ${JSON.stringify(join(projectRoot, 'src/site-config.ts'))};\n` +
        `export default defineConfig(docsSiteConfig({ root: ${JSON.stringify(dir)} }));\n`,
    );
    writeFileSync(
      join(dir, 'content/terms.yaml'),
      'properNouns:\n  - Mattermost\nterminology:\n  - preferred: primary\n    forbidden: master\n',
    );
    const run = cli([], dir);
    assert.equal(run.status, 2);
    assert.equal(
      run.stderr.trim(),
      'docs lint configuration: content/terms.yaml:5: `forbidden` must be a list of strings',
    );
    assert.equal(run.stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('.remarkrc.mjs makes unified-engine (the editor extensions) report what lint:docs reports', async () => {
  const files = await new Promise<VFile[]>((resolve, reject) => {
    engine(
      {
        processor: unified().use(remarkParse),
        files: [defectsPage],
        cwd: projectRoot,
        rcName: '.remarkrc',
        extensions: ['mdx'],
        out: false,
        quiet: true,
        silent: true,
        reporter: () => '',
        streamError: new PassThrough(),
      },
      (error, _code, context) => (error ? reject(error) : resolve(context?.files ?? [])),
    );
  });
  const fromCli = lintDocs([readSource(projectRoot, defectsPage)], projectLintSettings());
  const fromEditor = files.flatMap((file) =>
    file.messages.map((m) => `${m.line}:${m.column}:${m.ruleId}:${m.fatal ? 'error' : 'warning'}`),
  );
  assert.ok(fromCli.length > 20);
  assert.deepEqual(
    fromEditor.sort(),
    fromCli.map((r) => `${r.line}:${r.column}:${r.rule}:${r.severity}`).sort(),
  );
});
