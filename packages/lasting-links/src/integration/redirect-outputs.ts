/**
 * Build glue for redirects: the per-page old-anchor tables and kept-alive ids (as insertions
 * into pages the build already holds), then the files a host reads: one stub per removed page,
 * `_redirects`, the nginx includes and the S3 object redirects. Every decision was made by the plan in
 * `lib/redirects`; this file places and writes what it says.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SiteSettings } from '../lib/settings.ts';
import type { Base, SitePath } from '../lib/site-path.ts';
import type { Insertion } from '../lib/html/splice.ts';
import type { AnchorIndex } from '../lib/site/anchor-index.ts';
import { pageTitle } from '../lib/site/anchor-index.ts';
import type { BuiltSite } from '../lib/site/built-site.ts';
import { fileOfSitePath } from '../lib/site/output-paths.ts';
import type { Problem } from '../lib/problems/problem.ts';
import type { RedirectPlan } from '../lib/redirects/follow.ts';
import { largestTable } from '../lib/redirects/plan-redirects.ts';
import { anchorInsertions } from '../lib/redirects/anchor-injection.ts';
import {
  LIVE_PAGE_SCRIPT,
  STUB_SCRIPT,
  livePageScript,
  scriptCodeBytes,
} from '../lib/redirects/anchor-script.ts';
import { renderStubPage } from '../lib/redirects/stub-page.ts';
import { OBJECT_REDIRECTS_FILE, objectRedirects } from '../lib/redirects/object-redirects.ts';
import { netlifyRedirects } from '../lib/redirects/netlify-redirects.ts';
import {
  NGINX_MAP_FILE,
  NGINX_RULES_FILE,
  renderNginxMap,
  renderNginxRules,
} from '../lib/redirects/nginx-rules.ts';

/** The head script and old ids of every live page the plan touches, as insertions. */
export function anchorTableInsertions(
  site: BuiltSite,
  plan: RedirectPlan,
  base: Base,
  logger: { warn(message: string): void },
): Map<SitePath, Insertion[]> {
  const edits = new Map<SitePath, Insertion[]>();
  for (const path of new Set([...plan.pageTables.keys(), ...plan.legacyIds.keys()])) {
    const points = site.pages.get(path)?.editPoints;
    if (points === undefined) continue;
    const table = plan.pageTables.get(path);
    const legacyIds = plan.legacyIds.get(path);
    const { insertions, missingTargets } = anchorInsertions(points, {
      ...(table === undefined || table.size === 0
        ? {}
        : { headScript: livePageScript(table, path, base) }),
      ...(legacyIds === undefined ? {} : { legacyIds }),
    });
    for (const oldId of missingTargets)
      logger.warn(
        `${path}: no element found for the target of old id "${oldId}"; it works only with JavaScript`,
      );
    edits.set(path, insertions);
  }
  return edits;
}

/**
 * Writes stubs, `_redirects` and the nginx includes; returns the files written, a summary line
 * and what fitting `_redirects` to its hosts' limits did (for the build to warn about).
 */
export async function writeRedirectOutputs(
  site: BuiltSite,
  index: AnchorIndex,
  plan: RedirectPlan,
  settings: SiteSettings,
): Promise<{ files: string[]; problems: Problem[]; summary: string; warnings: string[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const stub of plan.stubs.values()) {
    const file = fileOfSitePath(stub.path);
    if (site.files.has(file)) {
      problems.push({
        severity: 'error',
        code: 'redirect-clash',
        at: { file: settings.redirectsFile, line: stub.fallback.entry.line },
        message: `the stub for ${stub.path} would overwrite ${file}, which the build already wrote`,
        fix: 'remove the file from public/ or the entry from the map',
      });
      continue;
    }
    const target = stub.fallback.target;
    const landing = target.kind === 'site' ? index.get(target.path) : undefined;
    const title = landing === undefined ? undefined : pageTitle(landing);
    await mkdir(dirname(join(site.dir, file)), { recursive: true });
    await writeFile(
      join(site.dir, file),
      renderStubPage({
        stub,
        base: settings.base,
        site: settings.site,
        ...(title === undefined ? {} : { targetTitle: title }),
      }),
    );
    files.push(file);
  }
  const netlify = netlifyRedirects(plan, settings.base, settings.redirectsFile, {
    files: site.files,
  });
  await writeFile(join(site.dir, '_redirects'), netlify.text);
  await writeFile(
    join(site.dir, NGINX_RULES_FILE),
    renderNginxRules(plan, settings.base, settings.redirectsFile),
  );
  await writeFile(
    join(site.dir, NGINX_MAP_FILE),
    renderNginxMap(plan, settings.base, settings.redirectsFile),
  );
  await writeFile(
    join(site.dir, OBJECT_REDIRECTS_FILE),
    JSON.stringify(objectRedirects(plan, settings.base), null, 2) + '\n',
  );
  files.push('_redirects', NGINX_RULES_FILE, NGINX_MAP_FILE, OBJECT_REDIRECTS_FILE);

  const largest = largestTable(plan);
  const summary =
    `${plan.stubs.size} stubs, ${plan.pageTables.size} pages with anchor tables ` +
    `(largest ${largest.size}${largest.path === undefined ? '' : ` on ${largest.path}`}), ${plan.serverRedirects.length} server 301s; ` +
    `script ${scriptCodeBytes(LIVE_PAGE_SCRIPT)} bytes (stub ${scriptCodeBytes(STUB_SCRIPT)}) plus its table`;
  return {
    files,
    problems,
    summary,
    warnings: netlify.notes.length === 0 ? [] : [`_redirects: ${netlify.notes.join('; ')}`],
  };
}
