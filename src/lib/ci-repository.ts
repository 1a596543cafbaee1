/** The repository a GitHub Actions run builds, `https://github.com/owner/name`, when the CI says so. */
export function ciRepositoryOf(env: Record<string, string | undefined>): string | undefined {
  const server = env['GITHUB_SERVER_URL'];
  const repository = env['GITHUB_REPOSITORY'];
  return server && repository ? `${server.replace(/\/+$/, '')}/${repository}` : undefined;
}
