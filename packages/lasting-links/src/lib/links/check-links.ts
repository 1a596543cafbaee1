/**
 * The internal half of the link checker: every URL found in the output is resolved against
 * the output files the way a static host serves them, its fragment against the target page's
 * ids, and old URLs through the redirect plan with the same follower the build and the browser
 * tests use, so the checker's verdict is a browser's. Pure: the caller reads the site and maps
 * problems back to sources.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Base, SitePath } from '../site-path.ts';
import type { HeadingInfo, LinkRef } from '../html/scan-page.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { BuiltPage } from '../site/built-site.ts';
import { sitePathOfFile } from '../site/output-paths.ts';
import type { Problem } from '../problems/problem.ts';
import { follow, landsOnContent, type RedirectPlan } from '../redirects/follow.ts';
import { displayTarget } from '../redirects/locations.ts';
import { classifyUrl, displayUrl } from './classify-url.ts';
import { findTargetFile, type TargetFile } from './target-file.ts';

/** One output file that holds links. */
export interface LinkSource {
  /** Output file relative to the output directory (`a/b/index.html`, `_redirects`). */
  file: string;
  /** The site path URLs in it are resolved against. */
  path: SitePath;
  links: readonly LinkRef[];
  /** The page's `<base href>`, which relative URLs resolve against instead of the page. */
  baseHref?: string | null;
}

/** The built site and its redirects, as the checker sees them. */
export interface LinkCheckContext {
  /** Every output file, relative and `/`-separated. */
  files: ReadonlySet<string>;
  /** Every HTML page, by the site path it is served at. */
  pages: ReadonlyMap<
    SitePath,
    Pick<BuiltPage, 'ids' | 'isStub' | 'refresh'> & { headings: readonly HeadingInfo[] }
  >;
  /** The content pages the plan was made against. */
  index: AnchorIndex;
  plan: RedirectPlan;
  base: Base;
  /** The site's origin; absolute links to it count as internal. */
  siteOrigin: string;
  /** Where the redirect map lives, for messages (`content/redirects.yaml`). */
  mapFile: string;
  /** URLs not to check (client-side routes such as `#/settings` by default). */
  ignore?: readonly RegExp[];
}

/** Fragments that are routes of a script-driven page (`#/route`, `#!/route`), not element ids. */
export const CLIENT_ROUTES = /#!?\//;

/** An external URL and everywhere it is used. */
export interface ExternalUse {
  url: string;
  uses: { source: LinkSource; link: LinkRef }[];
}

/** A verdict on one (path, fragment), shared by every link that resolves to it. */
type Verdict = Pick<Problem, 'severity' | 'code' | 'message' | 'suggestion' | 'fix'> | null;

/** What one link comes to, before it is placed on its page. */
type Outcome =
  /** Not checked (ignored, or not a link to follow), or it lands. */
  | { kind: 'fine' }
  | { kind: 'external'; url: string }
  | { kind: 'problem'; problem: Omit<Problem, 'url' | 'page' | 'output'> };

const FINE: Outcome = { kind: 'fine' };

/** Checks every link of `sources`; returns internal problems (no source positions yet) and the external URLs to check. */
export function checkLinks(
  sources: readonly LinkSource[],
  context: LinkCheckContext,
): { problems: Problem[]; external: ExternalUse[] } {
  const problems: Problem[] = [];
  const external = new Map<string, ExternalUse>();
  // Sidebars repeat the same few hundred links on every page; judge each target once.
  const verdicts = new Map<string, Verdict>();
  // A URL that does not depend on the page it is on (`/a/`, `https://…`) comes to the same
  // outcome on every page: worked out once (a site's links are mostly these).
  const pageIndependent = new Map<string, Outcome>();
  const ignore = context.ignore ?? [CLIENT_ROUTES];

  const outcomeOf = (url: string, path: SitePath, baseHref: string | undefined): Outcome => {
    if (ignore.some((pattern) => pattern.test(url))) return FINE;
    const target = classifyUrl(url, path, context.base, context.siteOrigin, baseHref);
    if (target.kind === 'ignored') return FINE;
    if (target.kind === 'external' && leavesLikeASitePath(url)) {
      return {
        kind: 'problem',
        problem: {
          severity: 'error',
          code: 'backslash-host',
          message: `"${url}" is written like a site path, but browsers read the backslash as "/" and go to the host ${new URL(target.url).host}`,
          fix: 'write the site path with "/" only (e.g. /a/b/), or the full https:// URL if another site is meant',
        },
      };
    }
    if (target.kind === 'external') return { kind: 'external', url: target.url };
    let verdict: Verdict;
    if (target.kind === 'malformed') {
      verdict = {
        severity: 'error',
        code: 'malformed-url',
        message: `"${target.url}" is not a URL a browser can follow`,
        fix: 'write the intended address, e.g. /a/b/ or https://example.org/',
      };
    } else if (target.kind === 'outside-base') {
      verdict = outsideBaseVerdict(target.path, context.base);
    } else {
      const key = `${displayUrl(target.path, target.fragment)} ${target.raw ?? ''}`;
      verdict = verdicts.get(key) ?? null;
      if (!verdicts.has(key))
        verdicts.set(key, (verdict = judge(context, target.path, target.fragment, target.raw)));
    }
    if (verdict === null) return FINE;
    return {
      kind: 'problem',
      problem:
        target.kind === 'malformed'
          ? verdict
          : { ...verdict, target: displayUrl(target.path, target.fragment) },
    };
  };

  for (const source of sources) {
    const baseHref = source.baseHref ?? undefined;
    const elsewhere = baseHref === undefined ? undefined : baseElsewhere(source, baseHref, context);
    if (elsewhere !== undefined) problems.push(elsewhere);
    for (const link of source.links) {
      let outcome: Outcome | undefined;
      const independent =
        baseHref === undefined &&
        (link.url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(link.url));
      if (independent) outcome = pageIndependent.get(link.url);
      if (outcome === undefined) {
        outcome = outcomeOf(link.url, source.path, baseHref);
        if (independent) pageIndependent.set(link.url, outcome);
      }
      if (outcome.kind === 'fine') continue;
      if (outcome.kind === 'external') {
        let use = external.get(outcome.url);
        if (use === undefined) external.set(outcome.url, (use = { url: outcome.url, uses: [] }));
        use.uses.push({ source, link });
        continue;
      }
      problems.push({
        ...outcome.problem,
        url: link.url,
        page: source.path,
        output: { file: source.file, line: link.line, column: link.column },
      });
    }
  }
  return { problems, external: [...external.values()] };
}

/**
 * `/\\host/`, `\\/host/`, `\\\\host/`: a backslash among the two leading slashes, which browsers
 * read as "//", the start of another host. Written like a site path, it leaves the site.
 */
function leavesLikeASitePath(url: string): boolean {
  const lead = url.trimStart().slice(0, 2);
  return lead.includes('\\') && /^[\\/]{2}$/.test(lead);
}

/** Links a `<base href>` resolves: everything but absolute URLs (`https:`, `mailto:`, `//host`). */
function resolvesAgainstBase(url: string): boolean {
  const trimmed = url.trim();
  return !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[\\/]{2}/.test(trimmed);
}

/**
 * The problem of a page whose `<base href>` is on another host: every relative link of the page
 * (`#id` too) leads there, which the checker would otherwise take silently as external links.
 */
function baseElsewhere(
  source: LinkSource,
  baseHref: string,
  context: LinkCheckContext,
): Problem | undefined {
  let resolved: URL;
  try {
    resolved = new URL(
      baseHref,
      new URL(context.base.slice(0, -1) + source.path, 'http://page.invalid'),
    );
  } catch {
    return undefined;
  }
  let siteOrigin = '';
  try {
    siteOrigin = new URL(context.siteOrigin).origin;
  } catch {
    // No site origin: only the page's own host counts as this site.
  }
  if (resolved.host === 'page.invalid' || resolved.origin === siteOrigin) return undefined;
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') return undefined;
  const affected = source.links.filter((link) => resolvesAgainstBase(link.url));
  if (affected.length === 0) return undefined;
  const first = affected[0]!;
  return {
    severity: 'error',
    code: 'base-elsewhere',
    message: `the page's <base href="${baseHref}"> is on ${resolved.host}, so its ${affected.length} relative ${affected.length === 1 ? 'link' : 'links'} (e.g. "${first.url}") lead there, not to this site`,
    fix: 'remove the <base> element, or point it at this site; write links to other sites as full https:// URLs',
    url: baseHref,
    page: source.path,
    output: { file: source.file, line: first.line, column: first.column },
  };
}

function outsideBaseVerdict(path: string, base: Base): Verdict {
  return {
    severity: 'error',
    code: 'outside-base',
    message: `links to ${path} without the base ${base}: it works at the root and breaks in a preview deploy`,
    fix: 'write the link from the site root without the base (the build adds it), or use href() in components',
    suggestion: base.slice(0, -1) + path,
  };
}

/** The verdict for a link to `path#fragment` on this site. */
function judge(
  context: LinkCheckContext,
  path: SitePath,
  fragment: string | null,
  raw: string | null,
): Verdict {
  const wanted = displayUrl(path, fragment);
  const target = findTargetFile(path, context.files);
  const page = target === null ? undefined : context.pages.get(sitePathOfFile(target.file));
  // Where a browser asks the redirects: the page the served file belongs to (`/a/index.html` is `/a/`).
  const location = { path: page === undefined ? path : sitePathOfFile(target!.file), fragment };
  if (target === null || page?.isStub || context.plan.stubs.has(location.path)) {
    const visit = follow(context.plan, context.index, location, 'static');
    if (visit.hops.length > 0) return redirectVerdict(context, wanted, visit);
    if (target === null)
      return {
        severity: 'error',
        code: 'missing-page',
        message: `${path} does not exist: no page, file or redirect at that path`,
      };
  }
  if (page?.refresh != null) {
    return {
      severity: 'warning',
      code: 'redirected',
      message: `${wanted} is a redirect page (to ${page.refresh}); link to the current URL instead`,
      suggestion: page.refresh,
    };
  }
  // As a browser does: the fragment as written first, then percent-decoded.
  if (
    page !== undefined &&
    fragment !== null &&
    !isTopOfPage(fragment) &&
    !page.ids.has(fragment) &&
    (raw === null || !page.ids.has(raw))
  ) {
    const visit = follow(context.plan, context.index, location, 'static');
    if (visit.hops.length > 0) return redirectVerdict(context, wanted, visit);
    return missingAnchor(page.headings, target, fragment);
  }
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

/** `#`, `#top` and `#_top` scroll to the top of any page, with or without such an id. */
export function isTopOfPage(fragment: string): boolean {
  return fragment === '' || fragment.toLowerCase() === 'top';
}

/** Passes with a warning when the old URL lands on content; an error when the redirects do not. */
function redirectVerdict(
  context: LinkCheckContext,
  wanted: string,
  visit: ReturnType<typeof follow>,
): Verdict {
  const at = `${context.mapFile}:${visit.hops.map((hop) => hop.entry.line).join(',')}`;
  if (visit.kind === 'loop') {
    return {
      severity: 'error',
      code: 'broken-redirect',
      message: `${wanted} goes round in a circle in the redirect map (${at})`,
      fix: 'point one of those entries at a live page',
    };
  }
  if (visit.kind === 'not-found' || !landsOnContent(visit, context.index)) {
    const where =
      visit.kind === 'not-found'
        ? displayUrl(visit.location.path, visit.location.fragment)
        : displayTarget(visit.target);
    return {
      severity: 'error',
      code: 'broken-redirect',
      message: `${wanted} redirects to ${where}, which does not exist (${at})`,
      fix: `point the entry on ${at} at a live page or section`,
    };
  }
  const landing = displayTarget(visit.target);
  return {
    severity: 'warning',
    code: 'redirected',
    message: `${wanted} is an old URL that only works through the redirect map (${at}); link to ${landing} instead`,
    suggestion: landing,
  };
}

/** The error for a fragment that names no element on the target page, with the closest section id. */
function missingAnchor(
  headings: readonly HeadingInfo[],
  target: TargetFile,
  fragment: string,
): Verdict {
  // Suggest the page's sections, never the layout's ids (search, sidebar, …).
  const ids = headings.filter((heading) => heading.level >= 2).map((heading) => heading.id);
  const nearest = ids.length > 0 ? closest(fragment, ids) : undefined;
  const close =
    nearest !== undefined && distance(fragment, nearest) <= Math.max(3, fragment.length / 3);
  return {
    severity: 'error',
    code: 'missing-anchor',
    message: `${target.canonicalPath} has no element with id "${fragment}"${close ? `; did you mean #${nearest}?` : ''}`,
    ...(close ? { suggestion: displayUrl(target.canonicalPath, nearest) } : {}),
  };
}
