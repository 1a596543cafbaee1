/**
 * The site's own settings, and the one place that reads the environment. The Astro
 * integration and every command build their `SiteSettings` here and pass them down.
 *
 * | variable    | effect                                                   | default                    |
 * |-------------|----------------------------------------------------------|----------------------------|
 * | `SITE_BASE` | base path the site is served under (`/pr-123/`)          | `/`                        |
 * | `SITE_URL`  | the published origin, for canonical URLs and the sitemap | `https://docs.example.com` |
 * | `OUT_DIR`   | output directory of a build                              | `dist`                     |
 *
 * A preview build (`npm run preview:build`, `preview:publish`) also sets `PREVIEW_PR`,
 * `PREVIEW_SHA` and `PREVIEW_BUILT_AT`, and may set `PREVIEW_HOST_URL` (where previews are
 * served) and `PREVIEW_REPOSITORY_URL` (else GitHub Actions' own `GITHUB_SERVER_URL` and
 * `GITHUB_REPOSITORY`, else `siteConfig.repositoryUrl`); see `readPreviewSettings`.
 */
import { parseBase } from './lib/site-path.ts';
import type { SiteSettings } from './lib/settings.ts';
import { parsePreviewSettings, type PreviewSettings } from './lib/preview/settings.ts';
import { packageRepositoryUrl } from './lib/repository-url.ts';
import packageJson from '../package.json' with { type: 'json' };

export const siteConfig = {
  title: 'Mattermost Docs',
  /**
   * "Edit this page": the web address of the repository holding this project, and the branch
   * to edit. Left unset, the repository comes from `GITHUB_SERVER_URL` and `GITHUB_REPOSITORY`
   * (set in GitHub Actions), else from package.json's `repository`, whose `directory` says
   * where the project sits inside it. `false` turns the link off. The project has no public
   * repository yet, so package.json names none: a build outside CI shows no link rather than
   * one to a repository that does not exist, and a CI build links to the repository it builds.
   */
  editLink: {
    repository: undefined as string | false | undefined,
    branch: 'main',
  },
  /**
   * A notice at the top of every page, until the reader dismisses it. Inline Markdown (links
   * from the site root, `code`, **bold**). Give a new notice a new `id`, so that readers who
   * dismissed the last one see it.
   */
  announcement: {
    id: 'lasting-links',
    content:
      'The high availability guide has a new home; old links to it still work. [Start here](/administration-guide/scale/high-availability/).',
  } as { id: string; content: string } | undefined,
  /** Directory holding the MDX pages, relative to the project root. */
  contentDir: 'content/docs',
  /** The redirect map and the lock of every anchor ever published. */
  redirectsFile: 'content/redirects.yaml',
  anchorsLockFile: 'content/anchors.lock.json',
  /** Proper nouns and terminology: the docs lint's vocabulary. */
  termsFile: 'content/terms.yaml',
  /**
   * Hosts that a redirect may send readers to with an absolute `https://` target. Anything
   * else in a redirect's `to` must be a path on this site.
   */
  redirectHosts: ['docs.mattermost.com', 'mattermost.com'],
  oldestSupportedVersion: '10.5', // the oldest supported Mattermost release: the docs lint flags notes about older ones
} as const;

/** The published origin when `SITE_URL` is not set. */
export const DEFAULT_SITE_URL = 'https://docs.example.com';

/** Settings for a project root, base and origin, with everything else from `siteConfig`. */
export function siteSettings(
  projectRoot: string,
  base: string | undefined,
  site: string | undefined,
): SiteSettings {
  return {
    projectRoot,
    base: parseBase(base),
    site: site || DEFAULT_SITE_URL,
    contentDir: siteConfig.contentDir,
    redirectsFile: siteConfig.redirectsFile,
    anchorsLockFile: siteConfig.anchorsLockFile,
    redirectHosts: siteConfig.redirectHosts,
    termsFile: siteConfig.termsFile,
    oldestSupportedVersion: siteConfig.oldestSupportedVersion,
  };
}

/** What a build or command takes from the environment. */
export interface Environment {
  base: string | undefined;
  site: string | undefined;
  outDir: string;
  /** The repository a CI run builds, `https://github.com/owner/name`, when the CI says so. */
  repository: string | undefined;
}

/**
 * Where previews are served when `PREVIEW_HOST_URL` does not say: a reserved name that can never
 * be mistaken for the published site.
 */
const UNKNOWN_PREVIEW_HOST = 'https://previews.invalid';

/** Where pull requests are linked when no repository is known at all. */
const UNKNOWN_REPOSITORY = 'https://github.com/invalid/invalid';

/**
 * `SITE_BASE`, `SITE_URL`, `OUT_DIR` and GitHub Actions' repository, read once. A preview is served from the preview host
 * (`PREVIEW_HOST_URL`) under `/pr-N/`; `SITE_URL` stays the published origin its canonical
 * URLs point at.
 */
export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const server = env['GITHUB_SERVER_URL'];
  const ciRepository = env['GITHUB_REPOSITORY'];
  const repository =
    server && ciRepository ? `${server.replace(/\/+$/, '')}/${ciRepository}` : undefined;
  const previewPr = env['PREVIEW_PR'];
  if (!previewPr)
    return {
      base: env['SITE_BASE'],
      site: env['SITE_URL'],
      outDir: env['OUT_DIR'] || 'dist',
      repository,
    };
  return {
    base: env['SITE_BASE'] ?? `/pr-${previewPr}/`,
    site: previewHostUrl(env) ?? UNKNOWN_PREVIEW_HOST,
    outDir: env['OUT_DIR'] || 'dist',
    repository,
  };
}

/** Where a preview's pull requests live, unless the build is told otherwise. */
function repositoryUrlOf(env: NodeJS.ProcessEnv): string {
  const github = env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'];
  return (
    env['PREVIEW_REPOSITORY_URL'] ||
    (github
      ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}`
      : siteConfig.editLink.repository ||
        packageRepositoryUrl(
          (packageJson as { repository?: string | { url?: string } }).repository,
        ) ||
        UNKNOWN_REPOSITORY)
  );
}

/**
 * The preview a build with `env` is, or undefined for a normal build (`PREVIEW_PR` unset).
 * Malformed values are an error naming the value.
 */
export function readPreviewSettings(env: NodeJS.ProcessEnv): PreviewSettings | undefined {
  return parsePreviewSettings({
    pr: env['PREVIEW_PR'],
    sha: env['PREVIEW_SHA'],
    builtAt: env['PREVIEW_BUILT_AT'],
    repositoryUrl: repositoryUrlOf(env),
    productionSite: env['SITE_URL'] || DEFAULT_SITE_URL,
  });
}

let preview: { settings: PreviewSettings | undefined } | undefined;

/**
 * The preview this build is, read from the environment once and passed down to the banner, the
 * what-changed page and robots.txt; undefined for a normal build.
 */
export function previewSettings(): PreviewSettings | undefined {
  preview ??= { settings: readPreviewSettings(process.env) };
  return preview.settings;
}

/** The environment that makes a build the preview `settings` describes (the inverse of `previewSettings`). */
export function previewEnvironment(settings: PreviewSettings): Record<string, string> {
  return {
    PREVIEW_PR: String(settings.pr),
    PREVIEW_SHA: settings.sha,
    PREVIEW_BUILT_AT: settings.builtAt,
    PREVIEW_REPOSITORY_URL: settings.repositoryUrl,
    SITE_URL: settings.productionSite,
  };
}

/** Where previews are served (`PREVIEW_HOST_URL`, e.g. `https://previews.example.com`), if known. */
export function previewHostUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['PREVIEW_HOST_URL']?.replace(/\/+$/, '') || undefined;
}

/** The repository previews link their pull requests to, as `previewSettings` settles it. */
export function previewRepositoryUrl(env: NodeJS.ProcessEnv = process.env): string {
  return repositoryUrlOf(env).replace(/\/+$/, '');
}

/**
 * What the S3 client needs beyond what the AWS SDK reads itself (credentials, `AWS_REGION`,
 * `AWS_ENDPOINT_URL`/`AWS_ENDPOINT_URL_S3`, profiles): an S3-compatible store at its own endpoint
 * (MinIO, s3rver, R2) is addressed path-style and needs no real region.
 */
export function s3ClientOptions(env: NodeJS.ProcessEnv = process.env): {
  forcePathStyle: boolean;
  region?: string;
} {
  const endpoint = env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'];
  if (!endpoint) return { forcePathStyle: false };
  const region = env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1';
  return { forcePathStyle: true, region };
}
