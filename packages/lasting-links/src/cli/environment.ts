/**
 * What the commands take from the environment, read once by the command's entry point
 * (`main.ts`) and passed down: nothing below it reads `process.env`.
 */

/** The environment as the commands use it. */
export interface CommandEnvironment {
  /** `DIST_DIR`: the build a command reads when `--dist` is not given. */
  distDir: string | undefined;
  /** `PREVIEW_HOST_URL`: where previews are served. */
  previewHostUrl: string | undefined;
  /** `PREVIEW_REPOSITORY_URL`, else the repository a GitHub Actions run builds. */
  repositoryUrl: string | undefined;
  /** How to reach an S3-compatible store at its own endpoint (the AWS SDK reads the rest itself). */
  s3: { forcePathStyle: boolean; region?: string };
  /** Everything, for the processes a command starts (a base commit's build). */
  all: Readonly<Record<string, string | undefined>>;
}

export function commandEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): CommandEnvironment {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  const endpoint = env['AWS_ENDPOINT_URL_S3'] || env['AWS_ENDPOINT_URL'];
  return {
    distDir: env['DIST_DIR'] || undefined,
    previewHostUrl: env['PREVIEW_HOST_URL']?.replace(/\/+$/, '') || undefined,
    repositoryUrl:
      env['PREVIEW_REPOSITORY_URL']?.replace(/\/+$/, '') ||
      (server && repository ? `${server.replace(/\/+$/, '')}/${repository}` : undefined),
    // A store at its own endpoint (MinIO, a local S3 API, R2) is addressed path-style and needs
    // no real region.
    s3: endpoint
      ? {
          forcePathStyle: true,
          region: env['AWS_REGION'] || env['AWS_DEFAULT_REGION'] || 'us-east-1',
        }
      : { forcePathStyle: false },
    all: env,
  };
}
