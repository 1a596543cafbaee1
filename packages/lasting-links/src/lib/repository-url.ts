/** Web addresses of repositories, from the ways package.json and CI name them. */

const shorthandHosts: Record<string, string> = {
  github: 'https://github.com',
  gitlab: 'https://gitlab.com',
  bitbucket: 'https://bitbucket.org',
};

/**
 * The web address of a repository written the ways package.json allows:
 * `git+https://host/o/n.git`, `git@host:o/n.git`, `git://host/o/n`, `github:o/n`, `o/n`.
 */
export function repositoryWebUrl(written: string): string | undefined {
  const url = written.trim();
  const shorthand = /^(?:(github|gitlab|bitbucket):)?([\w.-]+\/[\w.-]+)$/.exec(url);
  if (shorthand)
    return `${shorthandHosts[shorthand[1] ?? 'github']}/${shorthand[2]!.replace(/\.git$/, '')}`;
  const ssh = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+)$/.exec(url);
  const https = ssh
    ? `https://${ssh[1]}/${ssh[2]}`
    : url.replace(/^git\+/, '').replace(/^git:\/\//, 'https://');
  if (!/^https:\/\/[^/]+\/.+/.test(https)) return undefined;
  return https.replace(/\.git$/, '').replace(/\/+$/, '');
}

/** package.json's `repository` field as a web address, or `undefined` when it names none. */
export function packageRepositoryUrl(
  field: string | { url?: string } | undefined,
): string | undefined {
  const written = typeof field === 'string' ? field : field?.url;
  return written ? repositoryWebUrl(written) : undefined;
}
