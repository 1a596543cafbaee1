/**
 * The site the large-log runs read logs for: a few pages and a map, in the project's `.build/`
 * (see tests/build/support/small-site.ts), with the live pages and the old addresses the
 * generated log asks for.
 */
import { page, smallSite } from '../../build/support/small-site.ts';

export const LIVE_PAGES = [
  '/',
  '/deploy/server/setup-tls/',
  '/deploy/server/deploy-linux/',
  '/users/manage-channel-members/',
];

/** Old addresses readers keep asking for: 404s in the log. */
export const OLD_PATHS = Array.from(
  { length: 300 },
  (_, n) => `/install/old-page-${n}.html`,
).concat(['/install/setup-tls.html', '/messaging/managing-channel-members.html']);

export function logSite() {
  return smallSite({
    'content/docs/deploy/server/setup-tls.mdx': page(
      'Set up TLS',
      'Certificates and keys.\n\n## Renew certificates\n\nBefore they expire.',
    ),
    'content/docs/deploy/server/deploy-linux.mdx': page(
      'Deploy on Linux',
      'Packages and services.',
    ),
    'content/docs/users/manage-channel-members.mdx': page(
      'Manage channel members',
      'Add and remove members.',
    ),
    'content/redirects.yaml':
      '- from: /install/install-rhel.html\n  to: /deploy/server/deploy-linux/\n',
  });
}
