/**
 * What in an access log is not a reader missing a page, so never a redirect to propose: files
 * that are not pages (images, scripts, fonts, feeds), the probes scanners send to every site
 * (`/wp-login.php`, `/.env`, `/.git/config`), and requests from bots. A redirect is for the
 * reader who followed an old link; these would only fill the list the docs team reviews.
 */
import { isbot } from 'isbot';
import { ownCopy } from './log-request.ts';

/** Why a request is left out. */
export type SkipReason = 'asset' | 'probe' | 'bot';

/**
 * Extensions of files that are not pages. `.html`/`.htm` are pages (the Sphinx-era site's),
 * and so is a path without an extension.
 */
const ASSET =
  /\.(?:css|js|mjs|map|json|xml|txt|ico|png|jpe?g|gif|svg|webp|avif|bmp|tiff?|woff2?|ttf|otf|eot|mp4|webm|mp3|ogg|wav|pdf|zip|gz|tgz|tar|bz2|7z|rar|exe|dmg|apk|deb|rpm|csv|ya?ml|md|rst|rss|atom|webmanifest|wasm|pf_meta|pagefind|pf_index|pf_fragment)$/i;

/**
 * Paths scanners try on every host, looking for software the docs never ran: PHP and CMS
 * admin pages, secrets and version-control folders, server status pages. Matched anywhere in
 * the path, lower-cased, because scanners prefix them with any folder.
 */
const PROBE =
  /(?:\.php\d?$|\.aspx?$|\.jsp$|\.cgi$|\.env(?:\.|$|\/)|\/\.(?:git|svn|hg|aws|ssh|docker|vscode|idea|ds_store|htaccess|htpasswd)(?:\/|$)|\/wp-(?:admin|content|includes|login|json)|\/wordpress\/|xmlrpc|phpmyadmin|\/pma\/|\/myadmin|\/admin(?:istrator)?\.|\/cgi-bin\/|\/actuator|\/server-status|\/\.well-known\/(?!security\.txt)|\/vendor\/phpunit|\/boaform|\/hnap1|\/solr\/|\/owa\/|\/autodiscover|\/telescope|\/config\.(?:json|yml|js)$|\/backup|\/shell|\/etc\/passwd|\.\.\/)/;

/** Why `path` (decoded or not) with `userAgent` is not a reader's missing page, or undefined when it is one. */
export function skipReason(path: string, userAgent: string): SkipReason | undefined {
  const lower = path.toLowerCase();
  if (PROBE.test(lower)) return 'probe';
  if (ASSET.test(lower)) return 'asset';
  // isbot knows the crawlers, link checkers and HTTP libraries; an empty agent is a script too.
  if (userAgent === '' || isBotAgent(userAgent)) return 'bot';
  return undefined;
}

/**
 * isbot's pattern is long and a log repeats a few hundred agents millions of times, so answers
 * are remembered; the memory is cleared when full, to stay bounded whatever the log holds.
 */
const known = new Map<string, boolean>();
const KNOWN_AGENTS = 10_000;

function isBotAgent(userAgent: string): boolean {
  let answer = known.get(userAgent);
  if (answer === undefined) {
    if (known.size >= KNOWN_AGENTS) known.clear();
    answer = isbot(userAgent);
    known.set(ownCopy(userAgent), answer);
  }
  return answer;
}
