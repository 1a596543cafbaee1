/**
 * What marks a build as the preview of a pull request: which pull request, which commit, when
 * it was built and where the repository is. Settled once at the edge (`src/config.ts`) and
 * passed to the banner, the what-changed page and the publishing commands.
 */
import { parseBase, withoutBase, type Base } from '../site-path.ts';
import { parsePullRequest, parseSha, previewFolder } from './options.ts';

/** A preview build's identity. */
export interface PreviewSettings {
  /** The pull request's number. */
  pr: number;
  /** The commit built, full or abbreviated, lower case. */
  sha: string;
  /** When the build was made, as an ISO 8601 string in UTC. */
  builtAt: string;
  /** The repository's web address, e.g. `https://github.com/owner/docs`. */
  repositoryUrl: string;
  /** The published site's origin, which the preview's canonical URLs point at. */
  productionSite: string;
}

/** The raw values a preview build is given (environment variables or flags). */
export interface PreviewValues {
  pr: string | undefined;
  sha: string | undefined;
  builtAt: string | undefined;
  repositoryUrl: string;
  productionSite: string;
}

/**
 * The settings from raw values; `undefined` when no pull request is named (a normal build).
 * Anything malformed is an error naming the value, so a preview never shows a wrong banner.
 */
export function parsePreviewSettings(values: PreviewValues): PreviewSettings | undefined {
  if (values.pr === undefined || values.pr === '') return undefined;
  const builtAt = values.builtAt ?? '';
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(builtAt)) {
    throw new Error(
      `the preview's build time ${JSON.stringify(builtAt)} is not an ISO 8601 UTC time such as 2025-01-31T12:00:00Z`,
    );
  }
  if (!/^https:\/\/[^\s"'<>]+$/.test(values.repositoryUrl)) {
    throw new Error(
      `the repository address ${JSON.stringify(values.repositoryUrl)} is not an https:// URL`,
    );
  }
  return {
    pr: parsePullRequest(values.pr),
    sha: parseSha(values.sha),
    builtAt,
    repositoryUrl: values.repositoryUrl.replace(/\/+$/, ''),
    productionSite: values.productionSite,
  };
}

/** The base a pull request's preview is served under: `/pr-123/`. */
export function previewBase(pr: number): Base {
  return parseBase(previewFolder(pr));
}

/** The pull request's page on the repository's host. */
export function pullRequestUrl(preview: PreviewSettings): string {
  return `${preview.repositoryUrl}/pull/${preview.pr}`;
}

/** The commit's usual short form. */
export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** `31 Jan 2025, 12:00 UTC`: the same for every reader, wherever they are. */
export function formatBuildTime(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = date.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${day}, ${time} UTC`;
}

/**
 * The canonical URL of a page: on the published site, never on a preview. A preview's pages
 * name their published address, so search engines that reach a preview anyway credit the real
 * page. Undefined when the build knows no origin.
 */
export function canonicalUrl(
  urlPath: string,
  site: URL | undefined,
  preview: PreviewSettings | undefined,
): string | undefined {
  if (preview === undefined) return site && new URL(urlPath, site).href;
  const path = withoutBase(urlPath, previewBase(preview.pr)) ?? urlPath;
  return new URL(path, preview.productionSite).href;
}

/**
 * The preview's build script (`_preview.js`): it fills the banner's commit and build time. They
 * live in this one small file rather than in every page, so that a new commit changes only the
 * pages whose content changed, and a republish uploads only those. It is loaded from `<head>`,
 * before anything is drawn, and defines the element the banner shows them in.
 */
export function previewBuildScript(preview: PreviewSettings): string {
  const text = ` at ${shortSha(preview.sha)}, built ${formatBuildTime(preview.builtAt)}`;
  return (
    `customElements.define('preview-build',class extends HTMLElement{` +
    `connectedCallback(){this.textContent=${JSON.stringify(text)};this.title=${JSON.stringify(preview.sha)}}})\n`
  );
}
