/**
 * The internal half of the link checker: every URL found in the output is resolved against
 * the output files, its fragment against the target page's ids, and old URLs against the
 * redirect map. Pure: the caller scans the files and maps problems back to sources.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { LinkRef } from '../html/scan-page.ts';
import type { SitePath } from '../types.ts';
import type { Problem } from './problem.ts';
import type { RedirectLookup, RedirectOutcome } from './redirect-lookup.ts';
import { classifyUrl, displayUrl, type LinkTarget } from './site-paths.ts';
import { findTargetFile, type TargetFile } from './target-file.ts';

/** What the checker needs to know about one output file that holds links. */
export interface LinkSource {
  /** Output file relative to the output directory (`a/b/index.html`, `_redirects`). */
  file: string;
  /** The site path URLs in it are resolved against. */
  path: SitePath;
  links: LinkRef[];
}

/** The built site as the checker sees it. */
export interface SiteModel {
  /** Every output file, relative and `/`-separated. */
  files: ReadonlySet<string>;
  /** Ids per HTML output file. */
  ids: ReadonlyMap<string, ReadonlySet<string>>;
  /** HTML files that are redirect stubs (a meta refresh page), with where they send readers (a site path or URL). */
  stubs: ReadonlyMap<string, string>;
  sources: readonly LinkSource[];
}

/** Deployment settings and the redirect map. */
export interface InternalCheckOptions {
  base: string;
  siteOrigin: string;
  redirects: RedirectLookup;
  /** Where the redirect map lives, for messages (`content/redirects.yaml`). */
  redirectsFile: string;
}

/** An external URL and everywhere it is used. */
export interface ExternalUse {
  url: string;
  uses: { source: LinkSource; link: LinkRef }[];
}

/** A verdict on one (path, fragment), shared by every link that resolves to it. */
type Verdict = Omit<Problem, 'url' | 'page' | 'output' | 'source'> | null;

/** Checks every link of `site`; returns internal problems (no source positions yet) and the external URLs to check. */
export function checkInternalLinks(site: SiteModel, options: InternalCheckOptions): { problems: Problem[]; external: ExternalUse[] } {
  const problems: Problem[] = [];
  const external = new Map<string, ExternalUse>();
  // Sidebars repeat the same few hundred links on every page; judge each target once.
  const verdicts = new Map<string, Verdict>();
  // A URL that does not depend on the page it is on (`/a/`, `https://…`) is classified once.
  const absoluteTargets = new Map<string, LinkTarget>();

  for (const source of site.sources) {
    for (const link of source.links) {
      const pageIndependent = link.url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(link.url);
      let target = pageIndependent ? absoluteTargets.get(link.url) : undefined;
      if (target === undefined) {
        target = classifyUrl(link.url, source.path, options.base, options.siteOrigin);
        if (pageIndependent) absoluteTargets.set(link.url, target);
      }
      if (target.kind === 'ignored') continue;
      if (target.kind === 'external') {
        let use = external.get(target.url);
        if (use === undefined) external.set(target.url, (use = { url: target.url, uses: [] }));
        use.uses.push({ source, link });
        continue;
      }
      let verdict: Verdict;
      if (target.kind === 'outside-base') {
        verdict = outsideBaseVerdict(target.path, options.base);
      } else {
        const key = target.fragment === null ? target.path : `${target.path}#${target.fragment}`;
        verdict = verdicts.get(key) ?? null;
        if (!verdicts.has(key)) {
          verdict = judge(site, options, target.path, target.fragment);
          verdicts.set(key, verdict);
        }
      }
      if (verdict !== null) {
        problems.push({ ...verdict, url: link.url, page: source.path, output: { file: source.file, line: link.line, column: link.column } });
      }
    }
  }
  return { problems, external: [...external.values()] };
}

function outsideBaseVerdict(path: string, base: string): Verdict {
  return {
    severity: 'error',
    code: 'outside-base',
    message: `links to ${path} without the base ${base}: it works at the root and breaks in a preview deploy; write it through withBase()`,
    suggestion: base.slice(0, -1) + path,
  };
}

/** The verdict for a link to `path#fragment` on this site. */
function judge(site: SiteModel, options: InternalCheckOptions, path: SitePath, fragment: string | null): Verdict {
  const wanted = displayUrl(path, fragment);
  const redirect = options.redirects(path, fragment);
  if (redirect !== null) return redirectVerdict(site, options, wanted, redirect);

  const target = findTargetFile(path, site.files);
  if (target === null) {
    return { severity: 'error', code: 'missing-page', message: `${path} does not exist: no page, file or redirect at that path` };
  }
  const stubRefresh = site.stubs.get(target.file);
  if (stubRefresh !== undefined) {
    return {
      severity: 'warning',
      code: 'redirected',
      message: `${wanted} is a redirect page (to ${stubRefresh}); link to the current URL instead`,
      suggestion: stubRefresh,
    };
  }
  const anchorProblem = missingAnchor(site, target, fragment);
  if (anchorProblem !== null) return anchorProblem;
  if (target.canonicalPath !== path) {
    return {
      severity: 'warning',
      code: 'missing-trailing-slash',
      message: `${path} is served from ${target.canonicalPath}; some hosts answer it with a redirect, write ${target.canonicalPath}`,
      suggestion: displayUrl(target.canonicalPath, fragment),
    };
  }
  return null;
}

/** Passes with a warning when the old URL lands somewhere real; an error when the map itself is broken. */
function redirectVerdict(site: SiteModel, options: InternalCheckOptions, wanted: string, outcome: RedirectOutcome): Verdict {
  const entry = outcome.via[outcome.via.length - 1]!;
  const at = `${options.redirectsFile}:${entry.line}`;
  if (outcome.cycle) {
    return { severity: 'error', code: 'broken-redirect', message: `${wanted} goes round in a circle in the redirect map (${at})` };
  }
  const landing = displayUrl(outcome.path, outcome.fragment);
  if (!/^https?:\/\//i.test(outcome.path)) {
    const target = findTargetFile(outcome.path, site.files);
    if (target === null || site.stubs.has(target.file)) {
      return {
        severity: 'error',
        code: 'broken-redirect',
        message: `${wanted} redirects to ${outcome.path}, which does not exist (${at}); fix the redirect's "to"`,
      };
    }
    const anchorProblem = missingAnchor(site, target, outcome.fragment);
    if (anchorProblem !== null) {
      return {
        severity: 'error',
        code: 'broken-redirect',
        message: `${wanted} redirects to ${landing}, but ${anchorProblem.message} (${at}); fix the redirect's "to"`,
      };
    }
  }
  return {
    severity: 'warning',
    code: 'redirected',
    message: `${wanted} is an old URL that only works through the redirect map (${at}); link to ${landing} instead`,
    suggestion: landing,
  };
}

/** An error when `fragment` names no element on the target page; `#` and `#top` always scroll to the top. */
function missingAnchor(site: SiteModel, target: TargetFile, fragment: string | null): Verdict {
  if (fragment === null || fragment === '' || fragment.toLowerCase() === 'top') return null;
  const ids = site.ids.get(target.file);
  // Only HTML pages have ids; `file.pdf#page=2` is the viewer's business.
  if (ids === undefined || ids.has(fragment)) return null;
  const nearest = ids.size > 0 ? closest(fragment, [...ids]) : undefined;
  const hint = nearest !== undefined && distance(fragment, nearest) <= Math.max(3, fragment.length / 3) ? `; did you mean #${nearest}?` : '';
  return {
    severity: 'error',
    code: 'missing-anchor',
    message: `${target.canonicalPath} has no element with id "${fragment}"${hint}`,
    ...(hint === '' ? {} : { suggestion: displayUrl(target.canonicalPath, nearest!) }),
  };
}
