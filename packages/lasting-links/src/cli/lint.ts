/**
 * `lasting-links lint`: lints the documentation pages and exits 1 on any error.
 *
 *   lasting-links lint [FILE…] [--format human|json|github]
 *
 * Without files, lints every page under the content directory. The settings (terms file, oldest
 * supported release) are the integration's, which editors read too (`lasting-links/remark-preset`
 * in `.remarkrc.mjs`), so the terminal, the build and the editor agree.
 *
 * Why not remark-cli (unified-engine) here: its reporters print vfile messages, while this
 * command and the build share `lintDocs`, which returns plain results; the JSON and GitHub
 * formats are then a few lines each. Editors still go through unified-engine.
 *
 * Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadSettings } from './settings.ts';
import { parseSource, type ParsedSource } from '../lib/sources/page-source.ts';
import { sitePathOfSource } from '../lib/site/source-files.ts';
import {
  formatResults,
  LINT_FORMATS,
  lintDocs,
  loadLintSettings,
  mdxFilesUnder,
  readSource,
  RULES,
  type LintFormat,
  type LintSettings,
} from '../lib/lint/index.ts';

const usage = `usage: lasting-links lint [FILE…] [--format ${LINT_FORMATS.join('|')}]

Rules (severity, id, what it checks):
${RULES.map((rule) => `  ${rule.severity.padEnd(7)} ${rule.id.padEnd(24)} ${rule.checks}`).join('\n')}

Disable one rule on one line, with a reason:
  {/* lint-disable-next-line RULE -- why it does not apply here */}`;

/** Runs `lasting-links lint` with `args`; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'human' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!(LINT_FORMATS as readonly string[]).includes(values.format)) {
    console.error(
      `--format must be one of ${LINT_FORMATS.join(', ')}, not "${values.format}".\n${usage}`,
    );
    return 2;
  }

  const settings = await loadSettings(process.cwd());
  const root = settings.projectRoot;
  // Every page parsed once: the index of link targets and the lint read the same trees.
  const sources = new Map<string, ParsedSource>();
  for (const file of mdxFilesUnder(root, settings.contentDir)) {
    try {
      const text = readFileSync(join(root, file), 'utf8');
      sources.set(
        file,
        parseSource(file, sitePathOfSource(file, settings.contentDir)!, text, settings.syntax),
      );
    } catch {
      // Reported below, at its line, as the page's own parse error.
    }
  }
  let lintSettings: LintSettings;
  try {
    lintSettings = loadLintSettings({
      root,
      contentDir: settings.contentDir,
      termsFile: settings.termsFile,
      oldestSupportedVersion: settings.oldestSupportedVersion,
      syntax: settings.syntax,
      outlines: [...sources.values()].map((source) => source.page),
    });
  } catch (error) {
    // A bad terms file or setting names its file and line; a stack trace would only hide that.
    console.error(`docs lint configuration: ${(error as Error).message}`);
    return 2;
  }
  const files = positionals.length > 0 ? positionals : mdxFilesUnder(root, settings.contentDir);
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    console.error(`no such file: ${missing.join(', ')}`);
    return 2;
  }

  const results = lintDocs(
    files.map((file) => {
      const tree = sources.get(relative(root, resolve(file)).split('\\').join('/'))?.tree;
      return { ...readSource(process.cwd(), file), ...(tree === undefined ? {} : { tree }) };
    }),
    lintSettings,
  );
  process.stdout.write(formatResults(results, values.format as LintFormat, files.length));
  return results.some((result) => result.severity === 'error') ? 1 : 0;
}
