/**
 * Build glue for redirects: reads the map and the anchors lock, proves them against the built
 * pages, then writes every redirect output into the build directory. All decisions are made by
 * the pure functions in `src/lib/redirects` and `src/lib/anchors-lock`; this file only reads
 * and writes files.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { siteConfig } from '../config.ts';
import type { AnchorIndex, SitePath } from '../lib/types.ts';
import { parseRedirectMap } from '../lib/redirects/redirect-map.ts';
import { resolveRedirects } from '../lib/redirects/resolve-redirects.ts';
import { largestTable, planRedirects, stubFile, type RedirectPlan } from '../lib/redirects/anchor-tables.ts';
import { errorsOf, formatProblem, type Problem } from '../lib/redirects/problems.ts';
import { renderStubPage } from '../lib/redirects/stub-page.ts';
import { LIVE_PAGE_SCRIPT, STUB_SCRIPT, livePageScript, scriptCodeBytes } from '../lib/redirects/anchor-script.ts';
import { injectAnchors } from '../lib/redirects/inject-anchors.ts';
import { renderNetlifyRedirects } from '../lib/redirects/netlify-redirects.ts';
import { NGINX_RULES_FILE, renderNginxRules } from '../lib/redirects/nginx-rules.ts';
import { parseAnchorsLock, type AnchorsLock } from '../lib/anchors-lock/lock-file.ts';
import { compareLock } from '../lib/anchors-lock/compare-lock.ts';

/** What the site's integration passes after the build. */
export interface ApplyRedirectsOptions {
  /** Absolute project root. */
  projectRoot: string;
  /** Absolute output directory (`dist/` or `dist-pr/`). */
  distDir: string;
  /** `/` or `/pr-123/`: always a leading and a trailing slash. */
  base: string;
  /** `SITE_URL`, when set. */
  site: string | undefined;
  /** Every built page's ids and headings, from the final HTML. */
  index: AnchorIndex;
  /** The MDX file a page was built from (`content/docs/...mdx`), for messages. */
  sourceFileOf: (path: SitePath) => string | undefined;
  logger: { info(msg: string): void; warn(msg: string): void };
}

/** The map and lock, read from disk and validated against `index`. Throws on errors. */
export async function proveRedirects(options: Pick<ApplyRedirectsOptions, 'projectRoot' | 'index' | 'sourceFileOf'>): Promise<{ plan: RedirectPlan; problems: Problem[]; lock: AnchorsLock; entryCount: number }> {
  const { projectRoot, index, sourceFileOf } = options;
  const mapFile = siteConfig.redirectsFile;
  const lockFile = siteConfig.anchorsLockFile;
  const mapText = await readOptional(join(projectRoot, mapFile));
  const lockText = await readOptional(join(projectRoot, lockFile));

  const parsed = parseRedirectMap(mapText ?? '', mapFile, siteConfig.redirectHosts);
  const resolution = resolveRedirects(parsed.entries, index, mapFile);
  const { plan, problems: planProblems } = planRedirects(resolution.resolved, index, mapFile);
  const lockRead = lockText === undefined ? { lock: { pages: [] }, problems: [] } : parseAnchorsLock(lockText, lockFile);
  const problems = [...parsed.problems, ...resolution.problems, ...planProblems, ...lockRead.problems];
  // Checked even when map entries failed, so one build lists everything there is to fix.
  if (lockRead.problems.length === 0) problems.push(...compareLock(lockRead.lock, index, plan, { lockFile, mapFile, sourceFileOf }));
  return { plan, problems, lock: lockRead.lock, entryCount: parsed.entries.length };
}

/**
 * Validates the redirect map and the anchors lock against the built pages, then writes the
 * stubs, the per-page scripts and legacy ids, `_redirects` and the nginx include. Throws one
 * Error listing every problem (file:line, what, fix) when anything is wrong.
 */
export async function applyRedirects(options: ApplyRedirectsOptions): Promise<void> {
  const { distDir, base, site, index, logger } = options;
  const { plan, problems, lock, entryCount } = await proveRedirects(options);
  for (const warning of problems.filter((problem) => problem.severity === 'warning')) logger.warn(formatProblem(warning));
  const errors = errorsOf(problems);
  if (errors.length > 0) {
    throw new Error(`Redirects and published anchors: ${errors.length} problem(s).\n\n${errors.map(formatProblem).join('\n\n')}`);
  }

  for (const stub of plan.stubs.values()) {
    const file = join(distDir, stubFile(stub.path));
    if (existsSync(file)) throw new Error(`${siteConfig.redirectsFile}:${stub.line}: the stub for ${stub.path} would overwrite ${file}; remove that file or the entry`);
    const target = stub.defaultTarget.kind === 'site' ? index.get(stub.defaultTarget.path) : undefined;
    const title = target?.headings.find((heading) => heading.level === 1)?.text;
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, renderStubPage({ table: stub.table, defaultTarget: stub.defaultTarget, base, site, ...(title === undefined ? {} : { targetTitle: title }) }));
  }

  const touched = new Set([...plan.pageTables.keys(), ...plan.legacyIds.keys()]);
  for (const path of touched) {
    // A live page's file follows the same rule as a stub's: `/a/` is `a/index.html`.
    const file = join(distDir, stubFile(path));
    const html = await readFile(file, 'utf8');
    const table = plan.pageTables.get(path);
    const result = injectAnchors(html, {
      ...(table === undefined || table.size === 0 ? {} : { headScript: livePageScript(table, path, base) }),
      ...(plan.legacyIds.has(path) ? { legacyIds: plan.legacyIds.get(path)! } : {}),
    });
    for (const oldId of result.missingTargets) logger.warn(`${path}: no element found for the target of old id "${oldId}"; it works only with JavaScript`);
    await writeFile(file, result.html);
  }

  await writeFile(join(distDir, '_redirects'), renderNetlifyRedirects(plan, base, siteConfig.redirectsFile));
  await writeFile(join(distDir, NGINX_RULES_FILE), renderNginxRules(plan, base, siteConfig.redirectsFile));

  const largest = largestTable(plan);
  const anchors = lock.pages.reduce((count, page) => count + page.anchors.length, 0);
  logger.info(
    `redirects: ${entryCount} entries proven; ${plan.stubs.size} stubs, ${plan.pageTables.size} pages with anchor tables ` +
    `(largest ${largest.size}${largest.path === undefined ? '' : ` on ${largest.path}`}), ${plan.serverRedirects.length} server 301s; ` +
    `script ${scriptCodeBytes(LIVE_PAGE_SCRIPT)} bytes (stub ${scriptCodeBytes(STUB_SCRIPT)}) plus its table; ` +
    `${lock.pages.length} locked URLs and ${anchors} locked anchors resolve`,
  );
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
